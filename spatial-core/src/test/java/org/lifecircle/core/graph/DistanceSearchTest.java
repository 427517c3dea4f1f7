package org.lifecircle.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.core.graph.TestNetworks.edge;
import static org.lifecircle.core.graph.TestNetworks.lonLat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.RoadEdge;

class DistanceSearchTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double TOLERANCE_METERS = 1e-6;

    /*
     *   A ─────100───── B ─────────200───────── C        D ──50── E
     *        ▲ s: 30 m from A, 10 m off the road          (unreachable from s)
     */
    private static final List<RoadEdge> LINE =
            List.of(edge(1, 2, 0, 0, 100, 0), edge(2, 3, 100, 0, 300, 0), edge(4, 5, 1000, 0, 1050, 0));

    private static SnappedPoint on(int edge, double alongMeters, double offNetworkMeters) {
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

    @Test
    void sourceInsideAnEdgeEntersBothEndsWithAlongAndOffNetworkParts() {
        WalkingGraph graph = WalkingGraph.fromEdges(LINE);
        DistanceSearch search = new DistanceSearch(graph);

        search.run(on(0, 30, 10), INF);

        assertThat(search.distanceMeters(graph.nodeOf(1))).isCloseTo(40, within(TOLERANCE_METERS));
        assertThat(search.distanceMeters(graph.nodeOf(2))).isCloseTo(80, within(TOLERANCE_METERS));
        assertThat(search.distanceMeters(graph.nodeOf(3))).isCloseTo(280, within(TOLERANCE_METERS));
        assertThat(search.distanceMeters(graph.nodeOf(4))).isEqualTo(INF);
        assertThat(search.nearestSourceIndex(graph.nodeOf(4))).isEqualTo(-1);
        assertThat(search.nearestSourceIndex(graph.nodeOf(3))).isZero();
        assertThat(search.reachedNodeCount()).isEqualTo(3);
    }

    @Test
    void sourceExactlyAtANodeStartsThereAtItsOffNetworkDistance() {
        WalkingGraph graph = WalkingGraph.fromEdges(LINE);
        DistanceSearch search = new DistanceSearch(graph);

        search.run(on(1, 0, 5), INF);

        assertThat(search.distanceMeters(graph.nodeOf(2))).isCloseTo(5, within(TOLERANCE_METERS));
        assertThat(search.distanceMeters(graph.nodeOf(1))).isCloseTo(105, within(TOLERANCE_METERS));
        assertThat(search.distanceMeters(graph.nodeOf(3))).isCloseTo(205, within(TOLERANCE_METERS));
    }

    @Test
    void twoSourcesOnOneEdgeEachClaimTheirNearerEnd() {
        WalkingGraph graph = WalkingGraph.fromEdges(LINE);
        DistanceSearch search = new DistanceSearch(graph);

        search.run(List.of(on(1, 150, 0), on(1, 20, 0)), INF);

        assertThat(search.distanceMeters(graph.nodeOf(2))).isCloseTo(20, within(TOLERANCE_METERS));
        assertThat(search.nearestSourceIndex(graph.nodeOf(2))).isEqualTo(1);
        assertThat(search.distanceMeters(graph.nodeOf(3))).isCloseTo(50, within(TOLERANCE_METERS));
        assertThat(search.nearestSourceIndex(graph.nodeOf(3))).isZero();
        // A target between them is reached directly along the edge, not via an end node.
        SnappedPoint between = on(1, 100, 3);
        assertThat(search.distanceToMeters(between)).isCloseTo(53, within(TOLERANCE_METERS));
        assertThat(search.nearestSourceIndexOf(between)).isZero();
    }

    @Test
    void targetOnTheSourceEdgeIsReachedDirectlyEvenWhenNoNodeIsWithinTheBound() {
        WalkingGraph graph = WalkingGraph.fromEdges(LINE);
        DistanceSearch search = new DistanceSearch(graph);

        search.run(on(1, 100, 2), 30);

        assertThat(search.reachedNodeCount()).isZero();
        assertThat(search.distanceToMeters(on(1, 120, 4))).isCloseTo(26, within(TOLERANCE_METERS));
        assertThat(search.distanceToMeters(on(1, 130, 4))).isEqualTo(INF);
        assertThat(search.distanceToMeters(on(0, 50, 0))).isEqualTo(INF);
    }

    @Test
    void boundedSearchStopsAtTheBoundAndNextRunForgetsThePreviousOne() {
        WalkingGraph graph = WalkingGraph.fromEdges(LINE);
        DistanceSearch search = new DistanceSearch(graph);
        search.run(on(0, 0, 0), INF);

        search.run(on(0, 0, 0), 150);

        assertThat(search.distanceMeters(graph.nodeOf(2))).isCloseTo(100, within(TOLERANCE_METERS));
        assertThat(search.distanceMeters(graph.nodeOf(3))).isEqualTo(INF);
        assertThat(search.nearestSourceIndex(graph.nodeOf(3))).isEqualTo(-1);
        assertThat(search.reachedNodeCount()).isEqualTo(2);
    }

    @Test
    void unsnappedSourcesAreIgnoredButKeepTheirIndex() {
        WalkingGraph graph = WalkingGraph.fromEdges(LINE);
        DistanceSearch search = new DistanceSearch(graph);

        search.run(List.of(SnappedPoint.unsnapped(0, 0, 0, 0, 900), on(0, 0, 0)), INF);

        assertThat(search.nearestSourceIndex(graph.nodeOf(3))).isEqualTo(1);
        assertThat(search.distanceToMeters(SnappedPoint.unsnapped(0, 0, 0, 0, 1)))
                .isEqualTo(INF);
    }

    @Test
    void negativeOrNaNBoundIsRejected() {
        DistanceSearch search = new DistanceSearch(WalkingGraph.fromEdges(LINE));

        assertThatThrownBy(() -> search.run(on(0, 0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> search.run(on(0, 0, 0), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void singleSourceDistancesEqualFloydWarshallOnRandomGraphs() {
        for (int seed = 0; seed < 200; seed++) {
            RandomCase c = RandomCase.generate(seed);
            DistanceSearch search = new DistanceSearch(c.graph);
            for (int s = 0; s < c.sources.size(); s++) {
                search.run(c.sources.get(s), INF);
                for (int node = 0; node < c.graph.nodeCount(); node++) {
                    assertClose(search.distanceMeters(node), c.oracleNode(List.of(s), node), seed);
                }
                for (int t = 0; t < c.targets.size(); t++) {
                    assertClose(search.distanceToMeters(c.targets.get(t)), c.oracleTarget(List.of(s), t), seed);
                }
            }
        }
    }

    @Test
    void boundedSearchEqualsTheOracleWithinTheBoundAndNeverReportsMore() {
        for (int seed = 0; seed < 200; seed++) {
            RandomCase c = RandomCase.generate(seed);
            DistanceSearch search = new DistanceSearch(c.graph);
            double bound = 100 + new Random(seed).nextDouble() * 600;
            search.run(c.sources, bound);
            List<Integer> all = c.allSources();
            int reached = 0;
            for (int node = 0; node < c.graph.nodeCount(); node++) {
                double oracle = c.oracleNode(all, node);
                double expected = oracle <= bound ? oracle : INF;
                double found = search.distanceMeters(node);
                assertClose(found, expected, seed);
                assertThat(found == INF || found <= bound).isTrue();
                reached += found < INF ? 1 : 0;
            }
            assertThat(search.reachedNodeCount()).as("seed %d", seed).isEqualTo(reached);
            for (int t = 0; t < c.targets.size(); t++) {
                double oracle = c.oracleTarget(all, t);
                double found = search.distanceToMeters(c.targets.get(t));
                assertClose(found, oracle <= bound ? oracle : INF, seed);
                assertThat(found == INF || found <= bound).isTrue();
            }
        }
    }

    @Test
    void multiSourceResultIsTheMinimumOverSingleSourceRuns() {
        for (int seed = 0; seed < 200; seed++) {
            RandomCase c = RandomCase.generate(seed);
            int n = c.graph.nodeCount();
            double[][] single = new double[c.sources.size()][n];
            double[][] singleTarget = new double[c.sources.size()][c.targets.size()];
            DistanceSearch search = new DistanceSearch(c.graph);
            for (int s = 0; s < c.sources.size(); s++) {
                search.run(c.sources.get(s), INF);
                for (int node = 0; node < n; node++) {
                    single[s][node] = search.distanceMeters(node);
                }
                for (int t = 0; t < c.targets.size(); t++) {
                    singleTarget[s][t] = search.distanceToMeters(c.targets.get(t));
                }
            }
            search.run(c.sources, INF);
            for (int node = 0; node < n; node++) {
                double min = INF;
                for (double[] run : single) {
                    min = Math.min(min, run[node]);
                }
                assertClose(search.distanceMeters(node), min, seed);
                int nearest = search.nearestSourceIndex(node);
                if (min == INF) {
                    assertThat(nearest).isEqualTo(-1);
                } else {
                    assertClose(single[nearest][node], min, seed);
                }
            }
            double[] targetDistances = new double[c.targets.size()];
            int[] targetSources = new int[c.targets.size()];
            search.measureTargets(c.targets, targetDistances, targetSources);
            for (int t = 0; t < c.targets.size(); t++) {
                double min = INF;
                for (double[] run : singleTarget) {
                    min = Math.min(min, run[t]);
                }
                assertClose(targetDistances[t], min, seed);
                if (min < INF) {
                    assertClose(singleTarget[targetSources[t]][t], min, seed);
                }
            }
        }
    }

    private static void assertClose(double actual, double expected, int seed) {
        if (expected == INF) {
            assertThat(actual).as("seed %d", seed).isEqualTo(INF);
        } else {
            assertThat(actual).as("seed %d", seed).isCloseTo(expected, within(TOLERANCE_METERS));
        }
    }

    /**
     * A random graph (self-loops, parallel edges, several components, arbitrary node ids) with
     * sources and targets snapped from random points plus some placed on source edges and exactly at
     * nodes, and a brute-force oracle: every source and target becomes a pendant node on a copy of the
     * graph in which their edges are split at the snap positions, and Floyd–Warshall runs on that.
     */
    private static final class RandomCase {
        final WalkingGraph graph;
        final List<SnappedPoint> sources = new ArrayList<>();
        final List<SnappedPoint> targets = new ArrayList<>();
        double[][] oracle;

        private RandomCase(WalkingGraph graph) {
            this.graph = graph;
        }

        static RandomCase generate(int seed) {
            Random random = new Random(seed);
            int nodes = 2 + random.nextInt(20);
            int edges = 1 + random.nextInt(2 * nodes);
            double[][] xy = new double[nodes][2];
            long[] ids = new long[nodes];
            for (int i = 0; i < nodes; i++) {
                xy[i][0] = random.nextDouble() * 800;
                xy[i][1] = random.nextDouble() * 800;
                ids[i] = random.nextLong();
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
                        ids[a], ids[b], length, xy[a][0], xy[a][1], bendX, bendY, xy[b][0], xy[b][1]));
            }
            RandomCase c = new RandomCase(WalkingGraph.fromEdges(roadEdges));
            Snapper snapper = new Snapper(c.graph);
            int sourceCount = 1 + random.nextInt(4);
            for (int s = 0; s < sourceCount; s++) {
                double[] ll = lonLat(random.nextDouble() * 800, random.nextDouble() * 800);
                c.sources.add(snapper.snap(ll[0], ll[1]));
            }
            SnappedPoint first = c.sources.get(0);
            double length = c.graph.edgeLengthMeters(first.edge());
            c.sources.add(on(first.edge(), random.nextDouble() * length, random.nextDouble() * 20));
            c.sources.add(on(random.nextInt(edges), 0, random.nextDouble() * 20));
            for (int t = 0; t < 6; t++) {
                double[] ll = lonLat(random.nextDouble() * 800, random.nextDouble() * 800);
                c.targets.add(snapper.snap(ll[0], ll[1]));
            }
            c.targets.add(on(first.edge(), random.nextDouble() * length, random.nextDouble() * 20));
            c.targets.add(on(first.edge(), length, 0));
            c.oracle = c.floydWarshall();
            return c;
        }

        List<Integer> allSources() {
            List<Integer> all = new ArrayList<>();
            for (int s = 0; s < sources.size(); s++) {
                all.add(s);
            }
            return all;
        }

        /** Pendant node of point p (sources first, then targets) in the expanded graph. */
        private int pendant(int point) {
            return graph.nodeCount() + 2 * point;
        }

        double oracleNode(List<Integer> sourceIndices, int node) {
            double best = INF;
            for (int s : sourceIndices) {
                best = Math.min(best, oracle[pendant(s)][node]);
            }
            return best;
        }

        double oracleTarget(List<Integer> sourceIndices, int target) {
            double best = INF;
            for (int s : sourceIndices) {
                best = Math.min(best, oracle[pendant(s)][pendant(sources.size() + target)]);
            }
            return best;
        }

        private double[][] floydWarshall() {
            List<SnappedPoint> points = new ArrayList<>(sources);
            points.addAll(targets);
            int n = graph.nodeCount() + 2 * points.size();
            double[][] d = new double[n][n];
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
                        stops.add(new double[] {points.get(p).alongMeters(), graph.nodeCount() + 2 * p + 1});
                    }
                }
                stops.add(new double[] {graph.edgeLengthMeters(e), graph.edgeTargetNode(e)});
                stops.sort((x, y) -> Double.compare(x[0], y[0]));
                for (int k = 1; k < stops.size(); k++) {
                    link(d, (int) stops.get(k - 1)[1], (int) stops.get(k)[1], stops.get(k)[0] - stops.get(k - 1)[0]);
                }
            }
            for (int p = 0; p < points.size(); p++) {
                if (points.get(p).isSnapped()) {
                    link(d, pendant(p), pendant(p) + 1, points.get(p).offNetworkMeters());
                }
            }
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (d[i][k] + d[k][j] < d[i][j]) {
                            d[i][j] = d[i][k] + d[k][j];
                        }
                    }
                }
            }
            return d;
        }

        private static void link(double[][] d, int a, int b, double length) {
            d[a][b] = Math.min(d[a][b], length);
            d[b][a] = Math.min(d[b][a], length);
        }
    }
}
