package org.lifecircle.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lifecircle.core.coverage.CommunityCoverage;
import org.lifecircle.core.coverage.CoverageAnalysis;
import org.lifecircle.core.coverage.CoverageOptions;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.coverage.TypeCoverage;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;
import org.postgresql.PGConnection;

/**
 * The pgRouting peer of one type's coverage ({@link CoverageBenchmark#kindergartensFromNearestNodes}):
 * in SQL, every kindergarten's nearest node as a start of one {@code pgr_drivingDistance} (multi-source,
 * {@code equicost => true}, undirected, bounded by the type's search limit) on the road_edge table
 * that {@code lifecircle.jar demo --size=… --replace} loaded from the same generator and seed; then
 * per cell the shorter way in over its snapped edge's two end nodes plus the cell's off-network walk;
 * then households and covered households per community. Timed from Java over JDBC on loopback
 * (query, execution and reading the per-community rows): one untimed run, then {@link #RUNS} timed,
 * the median. {@code pgr_drivingDistance} alone (counting its rows) is timed the same way, to show
 * how the peer's time splits.
 *
 * <p>The cells are snapped by our {@link org.lifecircle.core.graph.Snapper} and copied once, before
 * timing, into a temporary table (edge end nodes, along-edge and off-network metres, households,
 * community): both sides get the same snapping for free, as both get the cells snapped in the setup.
 *
 * <p>The answer is checked against our {@link CoverageAnalysis} from the same nodes: covered
 * households per community, and in total.
 *
 * <p>Usage: {@code PgRoutingCoveragePeer <size> <jdbc-url>} (user and password {@code lifecircle});
 * prints {@code key=value} lines.
 */
public final class PgRoutingCoveragePeer {
    private static final String EDGES =
            "SELECT id, source, target, length_m AS cost, length_m AS reverse_cost FROM road_edge";

    private static final String CELL_TABLE = """
            CREATE TEMPORARY TABLE bench_cell (
              cell integer PRIMARY KEY,
              community integer NOT NULL,
              households integer NOT NULL,
              source_node bigint,
              target_node bigint,
              along_m float8,
              length_m float8,
              off_m float8)""";

    private static final String COVERAGE_SQL = """
            WITH reached AS (
              SELECT node, agg_cost
              FROM pgr_drivingDistance(?, ?::bigint[], ?::float8, directed => false, equicost => true)
            ), cell_distance AS (
              SELECT c.community, c.households,
                     LEAST(s.agg_cost + c.along_m, t.agg_cost + c.length_m - c.along_m) + c.off_m AS distance_m
              FROM bench_cell c
              LEFT JOIN reached s ON s.node = c.source_node
              LEFT JOIN reached t ON t.node = c.target_node
            )
            SELECT community, sum(households) AS households,
                   coalesce(sum(households) FILTER (WHERE distance_m <= ?), 0) AS covered
            FROM cell_distance
            GROUP BY community
            ORDER BY community""";

    private static final String SEARCH_ONLY_SQL = "SELECT count(*) FROM pgr_drivingDistance(?, ?::bigint[], ?::float8,"
            + " directed => false, equicost => true)";

    private static final int RUNS = 5;

    private PgRoutingCoveragePeer() {}

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PgRoutingCoveragePeer town|district|city jdbc:postgresql://…");
        }
        DemoCity city = DemoCity.generate(args[0]);
        WalkingGraph graph = city.graph;
        int[] nodes = NearestNodes.of(graph, city.facilitiesOf(DemoCity.TYPE_CODE));
        CoverageOptions options = CoverageOptions.forFacilityType(city.catalog, DemoCity.TYPE_CODE);
        TypeCoverage ours = CoverageAnalysis.of(graph, city.cells, NearestNodes.atNodes(graph, nodes), options);
        try (Connection db = DriverManager.getConnection(args[1], "lifecircle", "lifecircle")) {
            long rows = Long.parseLong(text(db, "SELECT count(*) FROM road_edge"));
            if (rows != graph.edgeCount()) {
                throw new IllegalStateException("road_edge holds " + rows + " rows, the generated network "
                        + graph.edgeCount() + " edges: load the same size first");
            }
            print("pgrouting.version", text(db, "SELECT pgr_version()"));
            copyCells(db, graph, city.cells);
            Long[] ids = new Long[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                ids[i] = graph.originalNodeId(nodes[i]);
            }
            Array starts = db.createArrayOf("bigint", ids);
            print("type", DemoCity.TYPE_CODE);
            print("sources", nodes.length);
            print("thresholdMeters", options.thresholdMeters());
            print("searchLimitMeters", options.searchLimitMeters());
            searchOnly(db, starts, options);
            coverage(db, starts, options, ours);
        }
    }

    /** One row per cell; unsnapped cells get no edge and so no distance. */
    private static void copyCells(Connection db, WalkingGraph graph, PopulationCells cells)
            throws SQLException, IOException {
        try (Statement st = db.createStatement()) {
            st.execute(CELL_TABLE);
        }
        StringBuilder csv = new StringBuilder(cells.size() * 64);
        for (int i = 0; i < cells.size(); i++) {
            SnappedPoint at = cells.centroids().get(i);
            csv.append(i)
                    .append(',')
                    .append(cells.communityOfCell()[i])
                    .append(',')
                    .append(cells.households()[i]);
            if (at.isSnapped()) {
                int edge = at.edge();
                csv.append(String.format(
                        Locale.ROOT,
                        ",%d,%d,%.6f,%.6f,%.6f",
                        graph.originalNodeId(graph.edgeSourceNode(edge)),
                        graph.originalNodeId(graph.edgeTargetNode(edge)),
                        at.alongMeters(),
                        graph.edgeLengthMeters(edge),
                        at.offNetworkMeters()));
            } else {
                csv.append(",,,,,");
            }
            csv.append('\n');
        }
        long copied = db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY bench_cell FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        try (Statement st = db.createStatement()) {
            st.execute("ANALYZE bench_cell");
        }
        print("cells", copied);
    }

    private static void searchOnly(Connection db, Array starts, CoverageOptions options) throws SQLException {
        double[] millis = new double[RUNS];
        long reached = 0;
        try (PreparedStatement query = db.prepareStatement(SEARCH_ONLY_SQL)) {
            query.setString(1, EDGES);
            query.setArray(2, starts);
            query.setDouble(3, options.searchLimitMeters());
            for (int run = -1; run < RUNS; run++) {
                long start = System.nanoTime();
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    reached = rows.getLong(1);
                }
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        print("search.reached", reached);
        print("search.median.ms", median(millis));
    }

    private static void coverage(Connection db, Array starts, CoverageOptions options, TypeCoverage ours)
            throws SQLException {
        double[] millis = new double[RUNS];
        Map<Integer, long[]> peer = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(COVERAGE_SQL)) {
            query.setString(1, EDGES);
            query.setArray(2, starts);
            query.setDouble(3, options.searchLimitMeters());
            query.setDouble(4, options.thresholdMeters());
            for (int run = -1; run < RUNS; run++) {
                peer.clear();
                long start = System.nanoTime();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        peer.put(rows.getInt(1), new long[] {rows.getLong(2), rows.getLong(3)});
                    }
                }
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        print("coverage.median.ms", median(millis));

        long peerCovered = 0;
        long peerHouseholds = 0;
        for (long[] row : peer.values()) {
            peerHouseholds += row[0];
            peerCovered += row[1];
        }
        List<CommunityCoverage> communities = ours.communities();
        int agreeing = 0;
        long maxDifference = 0;
        for (CommunityCoverage community : communities) {
            long[] row = peer.getOrDefault(community.communityIndex(), new long[2]);
            long difference = Math.abs(row[1] - community.coveredHouseholds());
            agreeing += difference == 0 && row[0] == community.households() ? 1 : 0;
            maxDifference = Math.max(maxDifference, difference);
        }
        print("communities", communities.size());
        print("communities.agreeing", agreeing);
        print("communities.maxCoveredDifference", maxDifference);
        print("households", peerHouseholds);
        print("covered", peerCovered);
        print("ours.households", ours.total().households());
        print("ours.covered", ours.total().coveredHouseholds());
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(String key, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
        System.out.println(key + "=" + text);
    }
}
