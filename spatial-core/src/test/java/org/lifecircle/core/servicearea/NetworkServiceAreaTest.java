package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecircle.core.graph.TestNetworks.edge;
import static org.lifecircle.core.graph.TestNetworks.lonLat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.MetricProjection;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.TestNetworks;
import org.lifecircle.core.graph.WalkingGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;

class NetworkServiceAreaTest {
    private static final ServiceAreaOptions EXACT =
            ServiceAreaOptions.defaults().withThresholdsMinutes(List.of(5, 10)).withSimplifyToleranceMeters(0);

    private static Point at(double east, double north) {
        double[] ll = lonLat(east, north);
        return MetricProjection.lonLatFactory().createPoint(new Coordinate(ll[0], ll[1]));
    }

    private static boolean covers(ServiceArea area, double east, double north) {
        return area.area().covers(at(east, north));
    }

    /*
     *   A(0,0) ────────────── 1000 m ────────────── B(1000,0)
     *   ▲ facility at A; 5 minutes at 1 m/s = 300 m along the edge, then 50 m aside
     */
    @Test
    void frontierEdgeIsCutAtTheRemainingBudget() {
        WalkingGraph graph = WalkingGraph.fromEdges(List.of(edge(1, 2, 0, 0, 1000, 0)));
        ServiceArea fiveMinutes = new ServiceAreaBuilder(graph, List.of(), EXACT)
                .forPoint(lonLat(0, 0)[0], lonLat(0, 0)[1])
                .areas()
                .get(0);

        assertThat(fiveMinutes.limitMeters()).isEqualTo(300);
        assertThat(fiveMinutes.area().getSRID()).isEqualTo(4326);
        assertThat(covers(fiveMinutes, 250, 0)).isTrue();
        assertThat(covers(fiveMinutes, 340, 0)).isTrue();
        assertThat(covers(fiveMinutes, 300, 45)).isTrue();
        assertThat(covers(fiveMinutes, 300, 55)).isFalse();
        assertThat(covers(fiveMinutes, 360, 0)).isFalse();
        assertThat(covers(fiveMinutes, -45, 0)).isTrue();
        // 300 m × 100 m plus two 50 m half discs, within the buffer's chord error.
        assertThat(fiveMinutes.areaSquareMeters()).isBetween(0.98 * (30_000 + Math.PI * 2500), 30_000 + Math.PI * 2500);
    }

    /*
     *   D(0,400) ──400── C(400,400)      the facility is at A; 10 minutes = 600 m
     *      │              │              B–C (stored C→B) is reached 200 m from B only,
     *     400            400             D–C 200 m from D only; C itself is not reached.
     *      │              │
     *   A(0,0) ──400── B(400,0)
     */
    @Test
    void frontierEdgesAreCutFromWhicheverEndReachesThem() {
        WalkingGraph graph = WalkingGraph.fromEdges(List.of(
                edge(1, 2, 0, 0, 400, 0),
                edge(3, 2, 400, 400, 400, 0),
                edge(4, 3, 0, 400, 400, 400),
                edge(1, 4, 0, 0, 0, 400)));
        ServiceArea tenMinutes = new ServiceAreaBuilder(graph, List.of(), EXACT)
                .forPoint(lonLat(0, 0)[0], lonLat(0, 0)[1])
                .areas()
                .get(1);

        assertThat(covers(tenMinutes, 400, 190)).isTrue();
        assertThat(covers(tenMinutes, 400, 260)).isFalse();
        assertThat(covers(tenMinutes, 190, 400)).isTrue();
        assertThat(covers(tenMinutes, 260, 400)).isFalse();
        assertThat(covers(tenMinutes, 400, 400)).isFalse();
        assertThat(covers(tenMinutes, 200, 200)).isFalse();
    }

    @Test
    void pointsInsideANetworkAreaAreWithinTheThresholdPlusAllowanceAndNetworkPointsOutsideAreBeyondIt() {
        ServiceAreaOptions options = ServiceAreaOptions.defaults().withThresholdsMinutes(List.of(3, 6));
        double slackMeters = options.simplifyToleranceMeters() + 1.0;
        int insideSamples = 0;
        int outsideNetworkSamples = 0;
        for (int seed = 0; seed < 8; seed++) {
            Random random = new Random(seed);
            WalkingGraph graph = WalkingGraph.fromEdges(jitteredGrid(random));
            double[] facility = lonLat(100 + random.nextDouble() * 700, 100 + random.nextDouble() * 700);
            FacilityServiceAreas result =
                    new ServiceAreaBuilder(graph, List.of(), options).forPoint(facility[0], facility[1]);
            DistanceSearch exact = new DistanceSearch(graph);
            exact.run(result.snap(), Double.POSITIVE_INFINITY);
            NetworkSamples samples = new NetworkSamples(graph, exact, result.snap());
            for (ServiceArea area : result.areas()) {
                double limit = area.limitMeters();
                Geometry meters = graph.projection().toMeters(area.area());
                PreparedGeometry prepared = PreparedGeometryFactory.prepare(meters);
                for (int i = 0; i < 300; i++) {
                    Point p = meters.getFactory()
                            .createPoint(new Coordinate(
                                    TestNetworks.ORIGIN_X_METERS - 100 + random.nextDouble() * 1100,
                                    TestNetworks.ORIGIN_Y_METERS - 100 + random.nextDouble() * 1100));
                    if (prepared.covers(p)) {
                        insideSamples++;
                        double bound = limit + options.offNetworkAllowanceMeters() + slackMeters;
                        assertThat(samples.walkMeters(p.getX(), p.getY(), bound))
                                .as("seed %d, %s", seed, p)
                                .isLessThanOrEqualTo(bound);
                    }
                }
                for (int i = 0; i < 300; i++) {
                    int e = random.nextInt(graph.edgeCount());
                    double fraction = random.nextDouble();
                    Coordinate q = new LengthIndexedLine(graph.edgeGeometryMeters(e))
                            .extractPoint(fraction * graph.edgeGeometryMeters(e).getLength());
                    if (!prepared.covers(meters.getFactory().createPoint(q))) {
                        outsideNetworkSamples++;
                        assertThat(samples.networkMeters(e, fraction))
                                .as("seed %d", seed)
                                .isGreaterThan(limit);
                    }
                }
            }
        }
        assertThat(insideSamples).isGreaterThan(300);
        assertThat(outsideNetworkSamples).isGreaterThan(300);
    }

    /** A 12 × 12 grid, 80 m apart, nodes jittered, a quarter of the edges dropped, costs up to 30 % above length. */
    private static List<RoadEdge> jitteredGrid(Random random) {
        int size = 12;
        double[][] x = new double[size][size];
        double[][] y = new double[size][size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                x[r][c] = c * 80 + random.nextDouble() * 30 - 15;
                y[r][c] = r * 80 + random.nextDouble() * 30 - 15;
            }
        }
        List<RoadEdge> edges = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                long id = (long) r * size + c;
                if (c + 1 < size && random.nextInt(4) > 0) {
                    edges.add(costlier(random, id, id + 1, x[r][c], y[r][c], x[r][c + 1], y[r][c + 1]));
                }
                if (r + 1 < size && random.nextInt(4) > 0) {
                    edges.add(costlier(random, id, id + size, x[r][c], y[r][c], x[r + 1][c], y[r + 1][c]));
                }
            }
        }
        return edges;
    }

    private static RoadEdge costlier(Random random, long a, long b, double... xy) {
        double length = Math.hypot(xy[2] - xy[0], xy[3] - xy[1]) * (1 + 0.3 * random.nextDouble());
        return TestNetworks.edgeWithLength(a, b, length, xy);
    }

    /**
     * Oracle for "how far is this point by walking": points every 0.5 m along every edge (and the
     * facility itself) with their exact network distance; a point's walk is the least network
     * distance plus straight walk to any of them.
     */
    private static final class NetworkSamples {
        private final WalkingGraph graph;
        private final DistanceSearch exact;
        private final SnappedPoint facility;
        private final double[] xs;
        private final double[] ys;
        private final double[] distances;

        NetworkSamples(WalkingGraph graph, DistanceSearch exact, SnappedPoint facility) {
            this.graph = graph;
            this.exact = exact;
            this.facility = facility;
            List<double[]> samples = new ArrayList<>();
            for (int e = 0; e < graph.edgeCount(); e++) {
                LengthIndexedLine line = new LengthIndexedLine(graph.edgeGeometryMeters(e));
                double length = graph.edgeGeometryMeters(e).getLength();
                int steps = (int) Math.ceil(length / 0.5);
                for (int k = 0; k <= steps; k++) {
                    double fraction = (double) k / steps;
                    Coordinate c = line.extractPoint(fraction * length);
                    samples.add(new double[] {c.x, c.y, networkMeters(e, fraction)});
                }
            }
            xs = new double[samples.size()];
            ys = new double[samples.size()];
            distances = new double[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                xs[i] = samples.get(i)[0];
                ys[i] = samples.get(i)[1];
                distances[i] = samples.get(i)[2];
            }
        }

        /** Network distance of the point at a fraction of an edge, including the same-edge walk. */
        double networkMeters(int edge, double fraction) {
            double length = graph.edgeLengthMeters(edge);
            double along = fraction * length;
            double best = Math.min(
                    exact.distanceMeters(graph.edgeSourceNode(edge)) + along,
                    exact.distanceMeters(graph.edgeTargetNode(edge)) + length - along);
            if (facility.edge() == edge) {
                best = Math.min(best, facility.offNetworkMeters() + Math.abs(facility.alongMeters() - along));
            }
            return best;
        }

        /** Least walk to the point, exact when it is at most {@code cutoff}. */
        double walkMeters(double x, double y, double cutoff) {
            double best = Math.hypot(x - facility.xMeters(), y - facility.yMeters());
            for (int i = 0; i < xs.length; i++) {
                if (distances[i] < Math.min(best, cutoff)) {
                    best = Math.min(best, distances[i] + Math.hypot(x - xs[i], y - ys[i]));
                }
            }
            return best;
        }
    }

    /*
     *  y=1000  ┼───┼───┼───┼───┼───┼───┼───┼───┼───┼───┼     11 × 11 grid, 100 m
     *    ⋮                                                  far bank
     *  y=600   ┼───┼───┼───┼───┼───┼───┼───┼───┼───┼───┼
     *          ≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈≈┃≈≈≈≈≈≈   river y 520–580, one bridge at x=900
     *  y=500   ┼───┼───┼───┼───┼───┼───┼───┼───┼───┼───┼
     *    ⋮         ▲ facility (150, 490)                    near bank
     *  y=0     ┼───┼───┼───┼───┼───┼───┼───┼───┼───┼───┼
     */
    private static List<RoadEdge> gridWithRiver() {
        List<RoadEdge> edges = new ArrayList<>();
        for (RoadEdge e : TestNetworks.grid(11, 11, 100)) {
            boolean crossesRiver = e.sourceNode() / 11 == 5 && e.targetNode() / 11 == 6;
            if (!crossesRiver) {
                edges.add(e);
            } else if (e.sourceNode() % 11 == 9) {
                edges.add(new RoadEdge(
                        e.sourceNode(), e.targetNode(), e.geometry(), e.lengthMeters(), "footway", false, true, false));
            }
        }
        return edges;
    }

    private static final List<Barrier> RIVER = List.of(new Barrier(
            BarrierKind.RIVER, "河", TestNetworks.lonLatPolygon(-1000, 520, 2000, 520, 2000, 580, -1000, 580)));

    @Test
    void riverWithOneBridgeIsCrossedOnlyThere() {
        WalkingGraph graph = WalkingGraph.fromEdges(gridWithRiver());
        ServiceAreaOptions options = ServiceAreaOptions.defaults().withThresholdsMinutes(List.of(10, 15));
        double[] facility = lonLat(150, 490);

        List<ServiceArea> network = new ServiceAreaBuilder(graph, RIVER, options)
                .forPoint(facility[0], facility[1])
                .areas();
        List<ServiceArea> circle = new ServiceAreaBuilder(graph, RIVER, options.withMode(ServiceAreaMode.CIRCLE))
                .forPoint(facility[0], facility[1])
                .areas();

        ServiceArea ten = network.get(0);
        ServiceArea fifteen = network.get(1);
        // Across the water from the facility: 120 m as the crow flies, 1,610 m by the bridge.
        assertThat(covers(circle.get(0), 150, 610)).isTrue();
        assertThat(covers(ten, 150, 610)).isFalse();
        assertThat(covers(ten, 150, 590)).isFalse();
        assertThat(covers(fifteen, 150, 610)).isFalse();
        assertThat(covers(fifteen, 500, 590)).isFalse();
        assertThat(covers(ten, 150, 510)).isTrue();
        // Over the bridge (860 m to its far end) the 15-minute area reaches the far bank there.
        assertThat(covers(ten, 900, 600)).isFalse();
        assertThat(covers(fifteen, 900, 550)).isTrue();
        assertThat(covers(fifteen, 900, 620)).isTrue();
        assertThat(covers(fifteen, 870, 590)).isTrue();
        assertThat(covers(fifteen, 900, 700)).isFalse();
    }

    @Test
    void riverNarrowerThanTheAllowanceDoesNotLeakToTheFarBank() {
        WalkingGraph graph = WalkingGraph.fromEdges(gridWithRiver());
        ServiceAreaOptions options =
                ServiceAreaOptions.defaults().withThresholdsMinutes(List.of(15)).withOffNetworkAllowanceMeters(100);
        double[] facility = lonLat(150, 490);

        ServiceArea fifteen = new ServiceAreaBuilder(graph, RIVER, options)
                .forPoint(facility[0], facility[1])
                .areas()
                .get(0);

        // 90 m from the reached near-bank road, on the far bank, whose reached part is by the bridge.
        assertThat(covers(fifteen, 150, 590)).isFalse();
        assertThat(covers(fifteen, 500, 595)).isFalse();
        assertThat(covers(fifteen, 150, 595)).isFalse();
        assertThat(covers(fifteen, 890, 590)).isTrue();
        assertThat(covers(fifteen, 150, 515)).isTrue();
        assertThat(fifteen.area().getNumGeometries()).isEqualTo(1);
    }

    /*
     *  rail line at x = 550 (north–south), one level crossing at y = 900;
     *  facility at (450, 110) on the west side.
     */
    @Test
    void railLineIsCrossedOnlyAtTheLevelCrossing() {
        List<RoadEdge> edges = new ArrayList<>();
        for (RoadEdge e : TestNetworks.grid(11, 11, 100)) {
            boolean crossesRail = e.sourceNode() % 11 == 5 && e.targetNode() == e.sourceNode() + 1;
            if (!crossesRail || e.sourceNode() / 11 == 9) {
                edges.add(e);
            }
        }
        WalkingGraph graph = WalkingGraph.fromEdges(edges);
        List<Barrier> rail =
                List.of(new Barrier(BarrierKind.RAIL, "京沪铁路", TestNetworks.lonLatLine(550, -1000, 550, 2000)));
        ServiceAreaOptions options = ServiceAreaOptions.defaults()
                .withThresholdsMinutes(List.of(10, 20))
                .withOffNetworkAllowanceMeters(100);
        double[] facility = lonLat(450, 110);

        List<ServiceArea> areas = new ServiceAreaBuilder(graph, rail, options)
                .forPoint(facility[0], facility[1])
                .areas();

        assertThat(covers(areas.get(0), 520, 100)).isTrue();
        assertThat(covers(areas.get(0), 580, 100)).isFalse();
        assertThat(covers(areas.get(1), 580, 100)).isFalse();
        assertThat(covers(areas.get(1), 600, 850)).isTrue();
        assertThat(covers(areas.get(1), 550, 900)).isTrue();
    }
}
