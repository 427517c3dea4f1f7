package org.lifecircle.web.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.TestDatabase;
import org.lifecircle.web.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our node distances against pgRouting's {@code pgr_drivingDistance} on the same stored network: the
 * independent oracle for the walking graph built from {@code road_edge} and its Dijkstra.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkingGraphPgRoutingIT {
    private static final String EDGES_SQL =
            "SELECT id, source, target, length_m AS cost, length_m AS reverse_cost FROM road_edge";
    private static final double RELATIVE_TOLERANCE = 1e-6;

    @Autowired
    DemoLoader demoLoader;

    @Autowired
    WalkingNetworkCache networks;

    @Autowired
    JdbcTemplate jdbc;

    private WalkingGraph graph;

    @BeforeAll
    void loadTown() {
        TestDatabase.requireThrowawayDatabase();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        graph = networks.current().graph();
    }

    @Test
    void graphHoldsEveryStoredEdgeAndNode() {
        assertThat(graph.edgeCount()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM road_edge", Integer.class));
        assertThat(graph.nodeCount())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM (SELECT source FROM road_edge UNION SELECT target FROM road_edge) n",
                        Integer.class));
        assertThat(graph.componentCount()).isEqualTo(1);
    }

    @Test
    void singleSourceDistancesEqualPgrDrivingDistance() {
        SplittableRandom random = new SplittableRandom(7);
        DistanceSearch search = new DistanceSearch(graph);
        double limitMeters = 1200;
        for (int trial = 0; trial < 20; trial++) {
            int node = random.nextInt(graph.nodeCount());
            long original = graph.originalNodeId(node);
            Map<Long, Double> oracle = new HashMap<>();
            jdbc.query(
                    "SELECT node, agg_cost FROM pgr_drivingDistance(?, ?::bigint, ?::float8, directed => false)",
                    rs -> {
                        oracle.put(rs.getLong("node"), rs.getDouble("agg_cost"));
                    },
                    EDGES_SQL,
                    original,
                    limitMeters);
            search.run(atNode(node), limitMeters);
            assertSameDistances(search, oracle, limitMeters, "source node " + original);
        }
    }

    @Test
    void multiSourceDistancesAndNearestSourcesEqualEquicostDrivingDistance() {
        SplittableRandom random = new SplittableRandom(11);
        List<SnappedPoint> sources = new ArrayList<>();
        List<Long> originals = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            int node = random.nextInt(graph.nodeCount());
            if (originals.contains(graph.originalNodeId(node))) {
                continue;
            }
            sources.add(atNode(node));
            originals.add(graph.originalNodeId(node));
        }
        double limitMeters = 900;
        Map<Long, Double> oracle = new HashMap<>();
        Map<Long, Long> oracleSource = new HashMap<>();
        jdbc.query(
                "SELECT from_v, node, agg_cost FROM pgr_drivingDistance(?, ?::bigint[], ?::float8,"
                        + " directed => false, equicost => true)",
                rs -> {
                    oracle.put(rs.getLong("node"), rs.getDouble("agg_cost"));
                    oracleSource.put(rs.getLong("node"), rs.getLong("from_v"));
                },
                EDGES_SQL,
                originals.toArray(Long[]::new),
                limitMeters);
        DistanceSearch search = new DistanceSearch(graph);
        search.run(sources, limitMeters);
        assertSameDistances(search, oracle, limitMeters, "multi-source");
        int checkedLabels = 0;
        for (var entry : oracleSource.entrySet()) {
            int node = graph.nodeOf(entry.getKey());
            double best = search.distanceMeters(node);
            double secondBest = secondBestDistance(sources, node);
            if (secondBest - best > 1e-6) {
                assertThat(originals.get(search.nearestSourceIndex(node)))
                        .as("nearest source of node %d", entry.getKey())
                        .isEqualTo(entry.getValue());
                checkedLabels++;
            }
        }
        assertThat(checkedLabels).isGreaterThan(oracleSource.size() / 2);
    }

    private double secondBestDistance(List<SnappedPoint> sources, int node) {
        DistanceSearch single = new DistanceSearch(graph);
        double best = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (SnappedPoint source : sources) {
            single.run(source, 2000);
            double d = single.distanceMeters(node);
            if (d < best) {
                second = best;
                best = d;
            } else if (d < second) {
                second = d;
            }
        }
        return second;
    }

    private void assertSameDistances(DistanceSearch search, Map<Long, Double> oracle, double limitMeters, String what) {
        int reached = 0;
        for (int node = 0; node < graph.nodeCount(); node++) {
            double ours = search.distanceMeters(node);
            Double theirs = oracle.get(graph.originalNodeId(node));
            if (theirs == null) {
                assertThat(ours)
                        .as("%s: node %d unreached by pgRouting", what, graph.originalNodeId(node))
                        .isGreaterThan(limitMeters - 1e-6);
                continue;
            }
            reached++;
            assertThat(ours)
                    .as("%s: node %d", what, graph.originalNodeId(node))
                    .isCloseTo(theirs, org.assertj.core.data.Offset.offset(RELATIVE_TOLERANCE * Math.max(1, theirs)));
        }
        assertThat(reached).as(what).isEqualTo(oracle.size()).isGreaterThan(10);
    }

    /** A source exactly at a node: on an incident edge at that end, with no off-network walk. */
    private SnappedPoint atNode(int node) {
        int edge = graph.adjacentEdge(graph.firstAdjacency(node));
        double along = graph.edgeSourceNode(edge) == node ? 0 : graph.edgeLengthMeters(edge);
        double x = graph.nodeXMeters(node);
        double y = graph.nodeYMeters(node);
        return new SnappedPoint(graph.nodeLon(node), graph.nodeLat(node), edge, along, 0, x, y, x, y);
    }
}
