package org.lifecircle.web.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.web.TestDatabase;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads are all-or-nothing: a bad row anywhere leaves the database exactly as it was. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "lifecircle.demo.autoload=none")
class PostgisDatasetLoadIT {
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Autowired
    PostgisDatasetStore store;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        TestDatabase.requireThrowawayDatabase();
    }

    @BeforeEach
    void startFromOneKnownDataset() {
        try (PostgisDatasetLoad load = store.open(true)) {
            load.begin(new DatasetInfo("first", "test:first", "known rows"));
            load.communities(List.of(community("320199001001", "老城社区", 0)));
            load.facilities(List.of(new Facility(
                    "kindergarten",
                    "老城幼儿园",
                    WGS84.createPoint(new Coordinate(119.0005, 31.6005)),
                    900.0,
                    180,
                    "test")));
            load.populationCells(List.of(new PopulationCell(square(119, 31.6, 0.001), 300, 115, 60, 30, "test")));
            load.roadEdges(List.of(edge(1, 2)));
            load.barriers(List.of(new Barrier(BarrierKind.RIVER, "青溪河\t(tab in name)", square(119.01, 31.6, 0.001))));
            load.commit();
        }
    }

    @Test
    void committedLoadStoresEveryRowWithItsLoad() {
        assertThat(currentCommunities()).isEqualTo(1);
        assertThat(count("facility")).isEqualTo(1);
        assertThat(count("population_cell")).isEqualTo(1);
        assertThat(count("road_edge")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT name FROM barrier", String.class))
                .isEqualTo("青溪河\t(tab in name)");
        assertThat(jdbc.queryForObject(
                        "SELECT row_counts->>'population_cell' FROM dataset_load ORDER BY id DESC LIMIT 1",
                        String.class))
                .isEqualTo("1");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT load_id) FROM (SELECT load_id FROM community WHERE valid_to IS NULL UNION ALL"
                                + " SELECT load_id FROM population_cell) x",
                        Long.class))
                .isEqualTo(1);
    }

    @Test
    void failedReplacementKeepsThePreviousDataset() {
        long loadsBefore = count("dataset_load");
        assertThatThrownBy(() -> {
                    try (PostgisDatasetLoad load = store.open(true)) {
                        load.begin(new DatasetInfo("second", "test:second", "fails half-way"));
                        load.communities(List.of(community("320199001002", "新城社区", 0.01)));
                        load.facilities(List.of(new Facility(
                                "casino",
                                "不存在的类型",
                                WGS84.createPoint(new Coordinate(119.01, 31.6)),
                                null,
                                null,
                                "test")));
                        load.commit();
                    }
                })
                .isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("facility");
        assertThat(count("dataset_load")).isEqualTo(loadsBefore);
        assertThat(jdbc.queryForObject("SELECT name FROM community WHERE valid_to IS NULL", String.class))
                .isEqualTo("老城社区");
        assertThat(count("population_cell")).isEqualTo(1);
    }

    @Test
    void invalidGeometryFailsTheWholeLoad() {
        Polygon bowtie = WGS84.createPolygon(new Coordinate[] {
            new Coordinate(119, 31.6),
            new Coordinate(119.001, 31.601),
            new Coordinate(119.001, 31.6),
            new Coordinate(119, 31.601),
            new Coordinate(119, 31.6)
        });
        assertThatThrownBy(() -> {
                    try (PostgisDatasetLoad load = store.open(false)) {
                        load.begin(new DatasetInfo("third", "test:third", "bad cell"));
                        load.populationCells(List.of(
                                new PopulationCell(square(119.002, 31.6, 0.001), 10, 4, null, null, "test"),
                                new PopulationCell(bowtie, 10, 4, null, null, "test")));
                        load.commit();
                    }
                })
                .isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("population_cell_geom_check");
        assertThat(count("population_cell")).isEqualTo(1);
    }

    @Test
    void geometryInAnotherCrsIsRefusedBeforeStoring() {
        GeometryFactory mercator = new GeometryFactory(new PrecisionModel(), 3857);
        assertThatThrownBy(() -> {
                    try (PostgisDatasetLoad load = store.open(false)) {
                        load.begin(new DatasetInfo("fourth", "test:fourth", "wrong crs"));
                        load.facilities(List.of(new Facility(
                                "kindergarten",
                                "x",
                                mercator.createPoint(new Coordinate(1.3e7, 3.7e6)),
                                null,
                                null,
                                "t")));
                    }
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:3857");
        assertThat(count("facility")).isEqualTo(1);
    }

    @Test
    void replacementClosesTodaysCommunitiesAndKeepsThemAsHistory() {
        long versionsBefore = count("community");
        try (PostgisDatasetLoad load = store.open(true)) {
            load.begin(new DatasetInfo("second", "test:second", "replaces the first"));
            load.communities(List.of(community("320199001001", "老城社区", 0.005)));
            load.commit();
        }
        assertThat(currentCommunities()).isEqualTo(1);
        assertThat(count("community")).isEqualTo(versionsBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM community WHERE code = '320199001001' AND valid_to IS NOT NULL"
                                + " AND ST_XMin(geom) = 119",
                        Long.class))
                .as("the old boundary, closed")
                .isPositive();
        assertThat(count("facility")).as("not written, so kept").isEqualTo(1);
    }

    @Test
    void replacingLoadReplacesOnlyTheTablesItWrites() {
        try (PostgisDatasetLoad load = store.open(true)) {
            load.begin(new DatasetInfo("facilities-only", "test:facilities", "a facility list"));
            load.facilities(List.of(
                    new Facility("market", "新菜场", WGS84.createPoint(new Coordinate(119.001, 31.601)), null, null, "t"),
                    new Facility(
                            "market", "老菜场", WGS84.createPoint(new Coordinate(119.002, 31.601)), null, null, "t")));
            load.commit();
        }
        assertThat(count("facility")).isEqualTo(2);
        assertThat(currentCommunities()).isEqualTo(1);
        assertThat(count("population_cell")).isEqualTo(1);
        assertThat(count("road_edge")).isEqualTo(1);
    }

    private long currentCommunities() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE valid_to IS NULL", Long.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static Polygon square(double lon, double lat, double size) {
        return WGS84.createPolygon(new Coordinate[] {
            new Coordinate(lon, lat),
            new Coordinate(lon + size, lat),
            new Coordinate(lon + size, lat + size),
            new Coordinate(lon, lat + size),
            new Coordinate(lon, lat)
        });
    }

    private static Community community(String code, String name, double offset) {
        MultiPolygon boundary = WGS84.createMultiPolygon(new Polygon[] {square(119 + offset, 31.6, 0.002)});
        return new Community(code, name, "320199001", "测试街道", true, boundary, 600.0, 900.0, 7);
    }

    private static RoadEdge edge(long from, long to) {
        return new RoadEdge(
                from,
                to,
                WGS84.createLineString(new Coordinate[] {new Coordinate(119, 31.6), new Coordinate(119.001, 31.6)}),
                94.8,
                "residential",
                false,
                false,
                false);
    }
}
