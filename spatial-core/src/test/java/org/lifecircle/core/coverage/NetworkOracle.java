package org.lifecircle.core.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.TestNetworks;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * Brute-force walking distances between snapped points, the oracle of the coverage, accessibility and
 * siting tests: every point becomes a pendant node hanging by its off-network walk from a stop at its
 * position on a copy of its edge, edges are split at the stops, and Floyd–Warshall runs on the
 * result. A point's distance to itself is the walk to the road and back, as {@code DistanceSearch}
 * measures it.
 */
public final class NetworkOracle {
    private static final double INF = Double.POSITIVE_INFINITY;

    public final WalkingGraph graph;
    private final List<SnappedPoint> points = new ArrayList<>();
    private final Map<SnappedPoint, Integer> indexOf = new IdentityHashMap<>();
    private double[][] d;

    public NetworkOracle(WalkingGraph graph) {
        this.graph = graph;
    }

    /**
     * A random graph like the distance-search tests': 2–21 nodes in an 800 m square, bent edges with
     * costs at or above their drawn length, self-loops, parallel edges and several components.
     */
    public static NetworkOracle randomGraph(Random random) {
        int nodes = 2 + random.nextInt(20);
        int edges = 1 + random.nextInt(2 * nodes);
        double[][] xy = new double[nodes][2];
        for (int i = 0; i < nodes; i++) {
            xy[i][0] = random.nextDouble() * 800;
            xy[i][1] = random.nextDouble() * 800;
        }
        List<RoadEdge> roadEdges = new ArrayList<>();
        for (int e = 0; e < edges; e++) {
            int a = random.nextInt(nodes);
            int b = random.nextInt(10) == 0 ? a : random.nextInt(nodes);
            double bendX = (xy[a][0] + xy[b][0]) / 2 + random.nextDouble() * 60 - 30;
            double bendY = (xy[a][1] + xy[b][1]) / 2 + random.nextDouble() * 60 - 30;
            double planar =
                    Math.hypot(bendX - xy[a][0], bendY - xy[a][1]) + Math.hypot(xy[b][0] - bendX, xy[b][1] - bendY);
            double length = Math.max(1, planar * (1 + random.nextDouble() * 0.5));
            roadEdges.add(TestNetworks.edgeWithLength(
                    a + 100, b + 100, length, xy[a][0], xy[a][1], bendX, bendY, xy[b][0], xy[b][1]));
        }
        return new NetworkOracle(WalkingGraph.fromEdges(roadEdges));
    }

    /** A point on an edge, {@code along} metres from its source node, {@code off} metres beside it. */
    public static SnappedPoint on(int edge, double alongMeters, double offNetworkMeters) {
        return new SnappedPoint(
                Double.NaN,
                Double.NaN,
                edge,
                alongMeters,
                offNetworkMeters,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    /**
     * A new random point: exactly at an edge end, in the middle, or anywhere along an edge, up to 30 m
     * off the network; one in twenty is unsnapped.
     */
    public SnappedPoint randomPoint(Random random) {
        if (random.nextInt(20) == 0) {
            return add(SnappedPoint.unsnapped(Double.NaN, Double.NaN, 0, 0, 900));
        }
        int edge = random.nextInt(graph.edgeCount());
        double length = graph.edgeLengthMeters(edge);
        double along = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> length;
            case 2 -> length / 2;
            default -> random.nextDouble() * length;
        };
        double off = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 30;
        return add(on(edge, along, off));
    }

    /** Registers a point (by identity) so the oracle knows it. */
    public SnappedPoint add(SnappedPoint point) {
        indexOf.put(point, points.size());
        points.add(point);
        d = null;
        return point;
    }

    /** Shortest walking distance between two registered points, {@code +∞} when either is unsnapped. */
    public double distance(SnappedPoint a, SnappedPoint b) {
        if (!a.isSnapped() || !b.isSnapped()) {
            return INF;
        }
        if (a == b) {
            return 2 * a.offNetworkMeters();
        }
        if (d == null) {
            solve();
        }
        return d[pendant(indexOf.get(a))][pendant(indexOf.get(b))];
    }

    /** Distance from the nearest of some points, {@code +∞} when none reaches. */
    public double nearest(List<SnappedPoint> sources, SnappedPoint target) {
        double best = INF;
        for (SnappedPoint source : sources) {
            best = Math.min(best, distance(source, target));
        }
        return best;
    }

    private int pendant(int point) {
        return graph.nodeCount() + 2 * point;
    }

    private void solve() {
        int n = graph.nodeCount() + 2 * points.size();
        d = new double[n][n];
        for (double[] row : d) {
            Arrays.fill(row, INF);
        }
        for (int i = 0; i < n; i++) {
            d[i][i] = 0;
        }
        for (int e = 0; e < graph.edgeCount(); e++) {
            List<double[]> stops = new ArrayList<>();
            stops.add(new double[] {0, graph.edgeSourceNode(e)});
            for (int p = 0; p < points.size(); p++) {
                if (points.get(p).edge() == e) {
                    stops.add(new double[] {points.get(p).alongMeters(), pendant(p) + 1});
                }
            }
            stops.add(new double[] {graph.edgeLengthMeters(e), graph.edgeTargetNode(e)});
            stops.sort((x, y) -> Double.compare(x[0], y[0]));
            for (int k = 1; k < stops.size(); k++) {
                link((int) stops.get(k - 1)[1], (int) stops.get(k)[1], stops.get(k)[0] - stops.get(k - 1)[0]);
            }
        }
        for (int p = 0; p < points.size(); p++) {
            if (points.get(p).isSnapped()) {
                link(pendant(p), pendant(p) + 1, points.get(p).offNetworkMeters());
            }
        }
        for (int k = 0; k < n; k++) {
            double[] dk = d[k];
            for (int i = 0; i < n; i++) {
                double dik = d[i][k];
                if (dik == INF) {
                    continue;
                }
                double[] di = d[i];
                for (int j = 0; j < n; j++) {
                    if (dik + dk[j] < di[j]) {
                        di[j] = dik + dk[j];
                    }
                }
            }
        }
    }

    private void link(int a, int b, double length) {
        d[a][b] = Math.min(d[a][b], length);
        d[b][a] = Math.min(d[b][a], length);
    }
}
