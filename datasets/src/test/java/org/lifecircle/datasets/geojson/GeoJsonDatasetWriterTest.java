package org.lifecircle.datasets.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.core.crs.Srid;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.DatasetInfo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class GeoJsonDatasetWriterTest {
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), Srid.WGS84);
    private static final DatasetInfo INFO = new DatasetInfo("test", "test:1", "a test dataset");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path parent;

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(FACTORY).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Community community() {
        return new Community(
                "320199001001",
                "梅园社区",
                "320199001",
                "玄淮街道",
                true,
                (MultiPolygon) wkt("MULTIPOLYGON(((119 31.6, 119.001 31.6, 119.001 31.601, 119 31.6)))"),
                480.0,
                null,
                7);
    }

    private static RoadEdge edge() {
        return new RoadEdge(
                1,
                2,
                (LineString) wkt("LINESTRING(119.00000004 31.6, 119.0010001 31.6)"),
                95.5,
                "primary",
                true,
                false,
                true);
    }

    private JsonNode read(Path directory, String file) throws IOException {
        return JSON.readTree(Files.readString(directory.resolve(file), StandardCharsets.UTF_8));
    }

    @Test
    void writesOneFeatureCollectionPerTableWithSnakeCaseProperties() throws IOException {
        Path target = parent.resolve("dataset");
        try (GeoJsonDatasetWriter writer = new GeoJsonDatasetWriter(target)) {
            writer.begin(INFO);
            writer.communities(List.of(community()));
            writer.facilities(List.of(new Facility(
                    "kindergarten", "梅园幼儿园", (Point) wkt("POINT(119.0005 31.6005)"), null, 180, "test:1")));
            writer.populationCells(List.of(new PopulationCell(
                    (Polygon) wkt("POLYGON((119 31.6, 119.001 31.6, 119.001 31.601, 119 31.601, 119 31.6))"),
                    262,
                    100,
                    40,
                    null,
                    "test:1")));
            writer.roadEdges(List.of(edge()));
            writer.barriers(List.of(new Barrier(BarrierKind.RAIL, "宁青城际铁路", wkt("LINESTRING(119 31.5, 119 31.7)"))));
            writer.commit();
        }
        assertThat(target).isDirectory();
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(GeoJsonDatasetWriter.FILES);
        }
        JsonNode communities = read(target, GeoJsonDatasetWriter.COMMUNITIES);
        assertThat(communities.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode community = communities.get("features").get(0);
        assertThat(community.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        JsonNode properties = community.get("properties");
        assertThat(properties.propertyNames())
                .containsExactly(
                        "code",
                        "name",
                        "subdistrict_code",
                        "subdistrict_name",
                        "urban",
                        "office_area_square_meters",
                        "service_area_square_meters",
                        "staff_count");
        assertThat(properties.get("name").asString()).isEqualTo("梅园社区");
        assertThat(properties.get("service_area_square_meters").isNull()).isTrue();
        JsonNode road =
                read(target, GeoJsonDatasetWriter.ROAD_EDGES).get("features").get(0);
        assertThat(road.get("properties").propertyNames())
                .containsExactly(
                        "source_node",
                        "target_node",
                        "length_meters",
                        "road_class",
                        "arterial",
                        "bridge",
                        "rail_crossing");
        assertThat(road.get("properties").get("rail_crossing").asBoolean()).isTrue();
        assertThat(Files.readString(target.resolve(GeoJsonDatasetWriter.ROAD_EDGES)))
                .contains("[[119,31.6],[119.0010001,31.6]]");
        JsonNode cell = read(target, GeoJsonDatasetWriter.POPULATION_CELLS)
                .get("features")
                .get(0);
        assertThat(cell.get("properties").propertyNames())
                .containsExactly("population", "households", "elderly", "children", "source");
        assertThat(read(target, GeoJsonDatasetWriter.FACILITIES)
                        .get("features")
                        .get(0)
                        .get("properties")
                        .propertyNames())
                .containsExactly("type_code", "name", "floor_area_square_meters", "capacity", "source");
        assertThat(read(target, GeoJsonDatasetWriter.BARRIERS)
                        .get("features")
                        .get(0)
                        .get("properties")
                        .get("kind")
                        .asString())
                .isEqualTo("rail");
    }

    @Test
    void tablesNotHandedOverAreWrittenEmpty() throws IOException {
        Path target = parent.resolve("empty");
        try (GeoJsonDatasetWriter writer = new GeoJsonDatasetWriter(target)) {
            writer.begin(INFO);
            writer.commit();
        }
        for (String file : GeoJsonDatasetWriter.FILES) {
            assertThat(read(target, file).get("features").size()).isZero();
        }
    }

    @Test
    void failureWhileWritingLeavesNothingBehind() throws IOException {
        Path target = parent.resolve("failing");
        Iterable<RoadEdge> breaksHalfWay = () -> new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RoadEdge next() {
                if (served++ == 3) {
                    throw new IllegalStateException("source broke");
                }
                return edge();
            }
        };
        try (GeoJsonDatasetWriter writer = new GeoJsonDatasetWriter(target)) {
            writer.begin(INFO);
            writer.communities(List.of(community()));
            assertThatThrownBy(() -> writer.roadEdges(breaksHalfWay)).hasMessage("source broke");
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void closingWithoutCommitLeavesNothingBehind() throws IOException {
        try (GeoJsonDatasetWriter writer = new GeoJsonDatasetWriter(parent.resolve("abandoned"))) {
            writer.begin(INFO);
            writer.communities(List.of(community()));
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void commitIntoAnExistingDirectoryReplacesTheDatasetAndKeepsOtherFiles() throws IOException {
        Path target = Files.createDirectory(parent.resolve("existing"));
        Files.writeString(target.resolve(GeoJsonDatasetWriter.COMMUNITIES), "stale");
        Files.writeString(target.resolve("README.txt"), "mine");
        try (GeoJsonDatasetWriter writer = new GeoJsonDatasetWriter(target)) {
            writer.begin(INFO);
            writer.communities(List.of(community()));
            writer.commit();
        }
        assertThat(read(target, GeoJsonDatasetWriter.COMMUNITIES)
                        .get("features")
                        .size())
                .isEqualTo(1);
        assertThat(target.resolve("README.txt")).hasContent("mine");
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("existing");
        }
    }

    @Test
    void aTableHandedOverTwiceOrBeforeBeginIsRefused() {
        try (GeoJsonDatasetWriter writer = new GeoJsonDatasetWriter(parent.resolve("twice"))) {
            assertThatThrownBy(() -> writer.communities(List.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("begin");
            writer.begin(INFO);
            writer.communities(List.of());
            assertThatThrownBy(() -> writer.communities(List.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("once");
        }
    }

    @Test
    void degreesAreWrittenWithAtMostSevenDecimalsAndNoTrailingZeros() {
        assertThat(GeoJsonGeometries.degrees(119.0)).isEqualTo("119");
        assertThat(GeoJsonGeometries.degrees(31.60000004)).isEqualTo("31.6");
        assertThat(GeoJsonGeometries.degrees(119.01234565)).isEqualTo("119.0123457");
        assertThat(GeoJsonGeometries.degrees(-0.5)).isEqualTo("-0.5");
        assertThat(GeoJsonGeometries.degrees(-0.00000001)).isEqualTo("0");
        assertThat(GeoJsonGeometries.degrees(0.0000001)).isEqualTo("0.0000001");
        assertThatThrownBy(() -> GeoJsonGeometries.degrees(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
