package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.datasets.importer.ImportReport;
import org.lifecircle.datasets.importer.osm.SharedData;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TestDatabase;
import org.lifecircle.web.demo.DemoLoader;
import org.lifecircle.web.network.WalkingNetworkCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The real OpenStreetMap extract of central Nanjing imported with one command's importer into the
 * real PostGIS: what the summary shows, and the walking graph built from it against pgRouting.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NanjingOsmImportIT {
    private static final String EDGES_SQL =
            "SELECT id, source, target, length_m AS cost, length_m AS reverse_cost FROM road_edge";

    @LocalServerPort
    int port;

    @Autowired
    Importers importers;

    @Autowired
    DemoLoader demoLoader;

    @Autowired
    WalkingNetworkCache networks;

    @Autowired
    JdbcTemplate jdbc;

    ImportReport report;
    long communitiesBefore;

    @BeforeAll
    void importNanjing() {
        TestDatabase.requireThrowawayDatabase();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        communitiesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE valid_to IS NULL", Long.class);
        report = importers
                .find("osm")
                .run(SharedData.file(SharedData.NANJING_PBF), ImportOptions.defaults(), ProgressListener.NONE);
    }

    @Test
    void extractLandsWithFacilitiesPopulationAndNetwork() {
        assertThat(report.committed()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM road_edge"))
                .isEqualTo(report.rowsLoaded().get("road_edge"))
                .isPositive();
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM facility WHERE type_code IN ('primary_school', 'middle_school', 'kindergarten')"))
                .isGreaterThanOrEqualTo(18);
        assertThat(count("SELECT COALESCE(SUM(households), 0) FROM population_cell"))
                .isPositive();
        assertThat(report.unmappedValues()).containsKey("amenity=bank");
        assertThat(report.warnings()).anyMatch(w -> w.contains("communit"));
        // An extract has no communities: the demo's stay, as the import replaced only what it wrote.
        assertThat(count("SELECT COUNT(*) FROM community WHERE valid_to IS NULL"))
                .isEqualTo(communitiesBefore);
        JsonNode summary = new HttpJson(port).get("/api/summary").body();
        assertThat(summary.at("/facilities/count").asLong()).isEqualTo(count("SELECT COUNT(*) FROM facility"));
        assertThat(summary.at("/population/households").asLong()).isPositive();
        assertThat(summary.at("/dataset/source").asString()).startsWith("osm:");
    }

    @Test
    void walkingGraphOfTheExtractEqualsPgRouting() {
        WalkingGraph graph = networks.current().graph();
        assertThat(graph.edgeCount()).isEqualTo((int) count("SELECT COUNT(*) FROM road_edge"));
        SplittableRandom random = new SplittableRandom(3);
        DistanceSearch search = new DistanceSearch(graph);
        double limitMeters = 1500;
        int compared = 0;
        for (int trial = 0; trial < 15; trial++) {
            int node = random.nextInt(graph.nodeCount());
            Map<Long, Double> oracle = new HashMap<>();
            jdbc.query(
                    "SELECT node, agg_cost FROM pgr_drivingDistance(?, ?::bigint, ?::float8, directed => false)",
                    rs -> {
                        oracle.put(rs.getLong("node"), rs.getDouble("agg_cost"));
                    },
                    EDGES_SQL,
                    graph.originalNodeId(node),
                    limitMeters);
            int edge = graph.adjacentEdge(graph.firstAdjacency(node));
            double along = graph.edgeSourceNode(edge) == node ? 0 : graph.edgeLengthMeters(edge);
            search.run(
                    new SnappedPoint(
                            graph.nodeLon(node),
                            graph.nodeLat(node),
                            edge,
                            along,
                            0,
                            graph.nodeXMeters(node),
                            graph.nodeYMeters(node),
                            graph.nodeXMeters(node),
                            graph.nodeYMeters(node)),
                    limitMeters);
            for (int other = 0; other < graph.nodeCount(); other++) {
                Double theirs = oracle.get(graph.originalNodeId(other));
                double ours = search.distanceMeters(other);
                if (theirs == null) {
                    assertThat(ours).isGreaterThan(limitMeters - 1e-6);
                } else {
                    assertThat(ours).isCloseTo(theirs, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, theirs)));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void truncatedExtractStoresNothing(@TempDir Path temp) throws Exception {
        long edges = count("SELECT COUNT(*) FROM road_edge");
        byte[] whole = Files.readAllBytes(SharedData.file(SharedData.NANJING_PBF));
        Path truncated = temp.resolve("truncated.osm.pbf");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> importers.find("osm").run(truncated, ImportOptions.defaults(), ProgressListener.NONE))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("Nothing was stored");
        assertThat(count("SELECT COUNT(*) FROM road_edge")).isEqualTo(edges);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
