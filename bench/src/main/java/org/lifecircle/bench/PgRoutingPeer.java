package org.lifecircle.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * The pgRouting peer: {@code pgr_drivingDistance} on the road_edge table that {@code lifecircle.jar
 * demo --size=… --replace} loaded from the same generator and seed (or, for {@code nanjing}, {@code
 * lifecircle.jar import osm} from the same extract), timed from Java over JDBC on loopback (query,
 * execution and reading every returned row). Before any call, every road_edge row is checked against
 * the benchmarks' edges ({@link BenchNetwork}): the same (source, target, length to 1 mm) multiset,
 * so the oracle runs on the identical graph.
 *
 * <ol>
 *   <li><b>Single source, 900 m</b>, for each sampled start (facility or network node, {@link
 *       BenchNetwork#sampleLocations}) from the node nearest it ({@link NearestNodes}), twice: with the whole table as the edges query (pgRouting's documented
 *       form, which reads and builds the whole graph every call) and with the edges query limited
 *       to a box 900 m (+10 m) around the start node, which cannot change the answer because no
 *       walk of 900 m leaves that box. One untimed pass, then one timed pass; p50/p95 per call.
 *   <li><b>Multi-source, whole graph</b>: the nearest node of every facility of the size's type
 *       ({@link BenchNetwork#typeCode}) at once, {@code
 *       directed => false, equicost => true}, a bound of 10⁹ m; one untimed run, then five timed;
 *       the median.
 * </ol>
 *
 * <p>Each answer is checked against our {@link DistanceSearch} from the same nodes: the same nodes
 * within 900 m, and the same distance for every node of the whole-graph search (to 1 mm), counting
 * the nodes where pgRouting's distance is longer or shorter than ours. (pgRouting 3.4.2's equicost
 * mode reports a few nodes on the border between two sources' areas with the farther source's
 * distance; at those nodes {@code pgr_dijkstraCost} from every source is asked as well, and its
 * minimum counted where it equals ours.) Sources sharing a nearest node make equicost return that
 * node once per source: each node is counted once.
 *
 * <p>Usage: {@code PgRoutingPeer town|district|city|nanjing <jdbc-url>} (user and password {@code lifecircle}); prints
 * {@code key=value} lines.
 */
public final class PgRoutingPeer {
    private static final String WHOLE_TABLE_EDGES =
            "SELECT id, source, target, length_m AS cost, length_m AS reverse_cost FROM road_edge";

    /** Box edges query; the four numbers are filled in with {@link Locale#ROOT}, never user text. */
    private static final String BOX_EDGES = "SELECT id, source, target, length_m AS cost, length_m AS reverse_cost"
            + " FROM road_edge WHERE geom && ST_MakeEnvelope(%.7f, %.7f, %.7f, %.7f, 4326)";

    private static final String STORED_EDGES = "SELECT source, target, length_m FROM road_edge";

    private static final String SINGLE_SOURCE_SQL =
            "SELECT node, agg_cost FROM pgr_drivingDistance(?, ?::bigint, ?::float8, directed => false)";

    private static final String MULTI_SOURCE_SQL = "SELECT node, agg_cost FROM pgr_drivingDistance(?, ?::bigint[],"
            + " ?::float8, directed => false, equicost => true)";

    /** Each target's distance from its nearest source, by pgRouting's many-to-many Dijkstra. */
    private static final String NEAREST_SOURCE_COST_SQL = "SELECT end_vid, min(agg_cost) FROM pgr_dijkstraCost(?,"
            + " ?::bigint[], ?::bigint[], directed => false) GROUP BY end_vid";

    /** Margin of the box beyond 900 m: covers the gap between stored and planar lengths (< 0.02 %). */
    private static final double BOX_MARGIN_METERS = 10;

    private static final double METERS_PER_DEGREE_LATITUDE = 110_574;
    private static final double METERS_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111_320;
    private static final double WHOLE_GRAPH_LIMIT_METERS = 1e9;
    private static final double DISTANCE_TOLERANCE_METERS = 1e-3;
    private static final int MULTI_SOURCE_RUNS = 5;

    private PgRoutingPeer() {}

    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PgRoutingPeer town|district|city|nanjing jdbc:postgresql://…");
        }
        BenchNetwork network = BenchNetwork.load(args[0]);
        WalkingGraph graph = WalkingGraph.fromEdges(network.roadEdges);
        int[] sampleNodes = NearestNodes.ofLocations(graph, network.sampleLocations());
        int[] typeNodes = NearestNodes.of(graph, network.typeFacilities());
        try (Connection db = DriverManager.getConnection(args[1], "lifecircle", "lifecircle")) {
            checkSameNetwork(db, network.roadEdges);
            print("pgrouting.version", text(db, "SELECT pgr_version()"));
            singleSource(db, graph, sampleNodes, false);
            singleSource(db, graph, sampleNodes, true);
            multiSource(db, graph, typeNodes);
        }
    }

    /**
     * Fails unless road_edge holds exactly the benchmarks' edges: equal sorted lists of (source,
     * target, length in mm) keys. Prints the edge count checked.
     */
    private static void checkSameNetwork(Connection db, List<RoadEdge> edges) throws SQLException {
        List<String> ours = new ArrayList<>(edges.size());
        for (RoadEdge edge : edges) {
            ours.add(edgeKey(edge.sourceNode(), edge.targetNode(), edge.lengthMeters()));
        }
        List<String> stored = new ArrayList<>(edges.size());
        try (Statement st = db.createStatement();
                ResultSet rows = st.executeQuery(STORED_EDGES)) {
            while (rows.next()) {
                stored.add(edgeKey(rows.getLong(1), rows.getLong(2), rows.getDouble(3)));
            }
        }
        Collections.sort(ours);
        Collections.sort(stored);
        if (!ours.equals(stored)) {
            throw new IllegalStateException("road_edge holds " + stored.size() + " rows, the benchmarks " + ours.size()
                    + " edges, and they differ: load the same size first");
        }
        print("network.edgesIdentical", stored.size());
    }

    private static String edgeKey(long source, long target, double lengthMeters) {
        return source + "-" + target + ":" + Math.round(lengthMeters / DISTANCE_TOLERANCE_METERS);
    }

    private static void singleSource(Connection db, WalkingGraph graph, int[] nodes, boolean box) throws SQLException {
        String key = box ? "single.box" : "single.table";
        DistanceSearch search = new DistanceSearch(graph);
        double[] millis = new double[nodes.length];
        int agreeing = 0;
        try (PreparedStatement query = db.prepareStatement(SINGLE_SOURCE_SQL)) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < nodes.length; i++) {
                    int node = nodes[i];
                    query.setString(1, box ? boxEdges(graph, node) : WHOLE_TABLE_EDGES);
                    query.setLong(2, graph.originalNodeId(node));
                    query.setDouble(3, BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS);
                    long start = System.nanoTime();
                    int reached = 0;
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            rows.getLong(1);
                            rows.getDouble(2);
                            reached++;
                        }
                    }
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    if (pass == 1) {
                        search.run(NearestNodes.atNode(graph, node), BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS);
                        agreeing += search.reachedNodeCount() == reached ? 1 : 0;
                    }
                }
            }
        }
        print(key + ".calls", nodes.length);
        print(key + ".p50.ms", percentile(millis, 0.50));
        print(key + ".p95.ms", percentile(millis, 0.95));
        print(key + ".agreeing", agreeing);
    }

    /** The edges query limited to the box that a 900 m walk from the node cannot leave. */
    private static String boxEdges(WalkingGraph graph, int node) {
        double reach = BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS + BOX_MARGIN_METERS;
        double lat = graph.nodeLat(node);
        double lon = graph.nodeLon(node);
        double dLat = reach / METERS_PER_DEGREE_LATITUDE;
        double dLon = reach / (METERS_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos(Math.toRadians(lat)));
        return String.format(Locale.ROOT, BOX_EDGES, lon - dLon, lat - dLat, lon + dLon, lat + dLat);
    }

    private static void multiSource(Connection db, WalkingGraph graph, int[] nodes) throws SQLException {
        Long[] ids = new Long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            ids[i] = graph.originalNodeId(nodes[i]);
        }
        DistanceSearch search = new DistanceSearch(graph);
        List<SnappedPoint> sources = NearestNodes.atNodes(graph, nodes);
        search.run(sources, Double.POSITIVE_INFINITY);
        double[] millis = new double[MULTI_SOURCE_RUNS];
        boolean[] seen = new boolean[graph.nodeCount()];
        List<Long> differing = new ArrayList<>();
        int reached = 0;
        int longer = 0;
        int shorter = 0;
        double maxDifferenceMeters = 0;
        try (PreparedStatement query = db.prepareStatement(MULTI_SOURCE_SQL)) {
            Array starts = db.createArrayOf("bigint", ids);
            query.setString(1, WHOLE_TABLE_EDGES);
            query.setArray(2, starts);
            query.setDouble(3, WHOLE_GRAPH_LIMIT_METERS);
            for (int run = -1; run < MULTI_SOURCE_RUNS; run++) {
                Arrays.fill(seen, false);
                differing.clear();
                long start = System.nanoTime();
                reached = 0;
                longer = 0;
                shorter = 0;
                maxDifferenceMeters = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        int node = graph.nodeOf(id);
                        if (seen[node]) {
                            continue;
                        }
                        seen[node] = true;
                        double difference = rows.getDouble(2) - search.distanceMeters(node);
                        longer += difference > DISTANCE_TOLERANCE_METERS ? 1 : 0;
                        shorter += difference < -DISTANCE_TOLERANCE_METERS ? 1 : 0;
                        maxDifferenceMeters = Math.max(maxDifferenceMeters, Math.abs(difference));
                        if (Math.abs(difference) > DISTANCE_TOLERANCE_METERS) {
                            differing.add(id);
                        }
                        reached++;
                    }
                }
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        print("multi.sources", nodes.length);
        print("multi.median.ms", percentile(millis, 0.50));
        print("multi.reached", reached);
        print("ours.multi.reached", search.reachedNodeCount());
        print(
                "multi.agreeing",
                reached == search.reachedNodeCount() && maxDifferenceMeters <= DISTANCE_TOLERANCE_METERS ? 1 : 0);
        print("multi.maxDifference.m", maxDifferenceMeters);
        print("multi.pgRoutingLonger", longer);
        print("multi.pgRoutingShorter", shorter);
        if (!differing.isEmpty()) {
            print(
                    "multi.differing.confirmedByDijkstraCost",
                    confirmedByDijkstraCost(db, graph, search, ids, differing));
        }
    }

    /**
     * At the nodes where the equicost answer differs from ours: how many of them get our distance as
     * the minimum of {@code pgr_dijkstraCost} from every source (pgRouting's own shortest paths,
     * without equicost). Untimed.
     */
    private static int confirmedByDijkstraCost(
            Connection db, WalkingGraph graph, DistanceSearch search, Long[] sources, List<Long> targets)
            throws SQLException {
        int confirmed = 0;
        try (PreparedStatement query = db.prepareStatement(NEAREST_SOURCE_COST_SQL)) {
            query.setString(1, WHOLE_TABLE_EDGES);
            query.setArray(2, db.createArrayOf("bigint", sources));
            query.setArray(3, db.createArrayOf("bigint", targets.toArray(new Long[0])));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    double difference = rows.getDouble(2) - search.distanceMeters(graph.nodeOf(rows.getLong(1)));
                    confirmed += Math.abs(difference) <= DISTANCE_TOLERANCE_METERS ? 1 : 0;
                }
            }
        }
        return confirmed;
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static void print(String key, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
        System.out.println(key + "=" + text);
    }
}
