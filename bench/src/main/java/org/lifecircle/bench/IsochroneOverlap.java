package org.lifecircle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lifecircle.core.graph.MetricProjection;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.core.servicearea.ServiceAreaBuilder;
import org.lifecircle.core.servicearea.ServiceAreaOptions;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Compares the shapes, not the speed: for each sampled start ({@link BenchNetwork#sampleLocations}),
 * our 15-minute network area against GraphHopper's 15-minute isochrone on the same edges, and how
 * much land across a river (the demo river; the Nanjing extract's mapped rivers and water areas)
 * GraphHopper's contour claims that cannot be walked to within 900 m.
 *
 * <p><b>Far bank.</b> The network's bounding box minus the river polygon falls apart into banks; the
 * bank holding the facility is its own, the others are the far bank. Land there is counted as
 * reachable when it lies within 100 m of a path our search reaches (our area grown by another 50 m
 * beyond its own 50 m allowance, so block interiors a planner would count do not inflate the
 * figure). GraphHopper's isochrone minus that, on the far bank, is unreachable land it covers:
 * its triangulation joins reached nodes on both banks straight across the water wherever a bridge
 * makes both sides reachable within its extra exploration (limit + 2 km).
 *
 * <p>Usage: {@code IsochroneOverlap <size>}; prints {@code key=value} lines. All areas in Gauss-Krüger
 * square metres, reported in hectares.
 */
public final class IsochroneOverlap {
    /** How far from a reached path the far bank still counts as reachable, beyond our allowance. */
    private static final double EXTRA_REACH_METERS = 50;

    /** Far-bank land below this per facility is noise of two polygon approximations, not a leak. */
    private static final double LEAK_THRESHOLD_SQUARE_METERS = 10_000;

    private static final double SQUARE_METERS_PER_HECTARE = 10_000;

    private static final double BOX_INSET_METERS = 1;

    /**
     * OSM maps many rivers as centre lines only (the Nanjing extract's 珍珠河 and parts of the inner
     * Qinhuai): they become 1 m strips, enough to split the land into banks, so the water areas
     * counted are essentially the mapped water areas.
     */
    private static final double RIVER_LINE_HALF_WIDTH_METERS = 0.5;

    private IsochroneOverlap() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: IsochroneOverlap town|district|city|nanjing");
        }
        BenchNetwork network = BenchNetwork.load(args[0]);
        WalkingGraph graph = WalkingGraph.fromEdges(network.roadEdges);
        MetricProjection projection = graph.projection();
        GeometryFactory meters = projection.metricFactory();
        ServiceAreaBuilder builder = new ServiceAreaBuilder(
                graph, network.barriers, ServiceAreaOptions.defaults().withThresholdsMinutes(List.of(15)));
        GraphHopperNetwork graphHopper = GraphHopperNetwork.fromEdges(network.roadEdges);

        List<Geometry> riverParts = new ArrayList<>();
        for (Geometry river : network.riverGeometries()) {
            Geometry part = projection.toMeters(river);
            riverParts.add(part.getDimension() < 2 ? part.buffer(RIVER_LINE_HALF_WIDTH_METERS) : part);
        }
        Geometry river = UnaryUnionOp.union(riverParts, meters);
        List<Geometry> banks = banks(graph, river, meters);

        List<Point> sample = network.sampleLocations();
        double[] oursSquareMeters = new double[sample.size()];
        double[] graphHopperSquareMeters = new double[sample.size()];
        double graphHopperOutsideOurs = 0;
        double oursOutsideGraphHopper = 0;
        double graphHopperWater = 0;
        double oursWater = 0;
        double farBankLeakTotal = 0;
        double farBankLeakMax = 0;
        double farBankOutsideOursTotal = 0;
        int nearRiver = 0;
        int leaking = 0;
        int failures = 0;
        for (int i = 0; i < sample.size(); i++) {
            double lon = sample.get(i).getX();
            double lat = sample.get(i).getY();
            Geometry ours = valid(projection.toMeters(
                    builder.forPoint(lon, lat).areas().get(0).area()));
            Geometry theirs;
            try {
                theirs = valid(
                        projection.toMeters(graphHopper.isochrone(lon, lat, BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS)));
            } catch (IllegalArgumentException e) {
                failures++;
                continue;
            }
            oursSquareMeters[i] = ours.getArea();
            graphHopperSquareMeters[i] = theirs.getArea();
            graphHopperOutsideOurs += difference(theirs, ours).getArea();
            oursOutsideGraphHopper += difference(ours, theirs).getArea();
            graphHopperWater += intersection(theirs, river).getArea();
            oursWater += intersection(ours, river).getArea();

            Point site = (Point) projection.toMeters(sample.get(i));
            if (site.distance(river) > BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS) {
                continue;
            }
            nearRiver++;
            Geometry farBank = farBank(banks, site, meters);
            Geometry reachable = ours.buffer(EXTRA_REACH_METERS);
            Geometry theirsOnFarBank = intersection(theirs, farBank);
            farBankOutsideOursTotal += difference(theirsOnFarBank, ours).getArea();
            double leak = difference(theirsOnFarBank, reachable).getArea();
            farBankLeakTotal += leak;
            farBankLeakMax = Math.max(farBankLeakMax, leak);
            if (leak > LEAK_THRESHOLD_SQUARE_METERS) {
                leaking++;
            }
        }
        double graphHopperTotal = Arrays.stream(graphHopperSquareMeters).sum();
        double oursTotal = Arrays.stream(oursSquareMeters).sum();
        print("facilities", sample.size());
        print("graphHopper.failures", failures);
        print("banks", banks.size());
        print("ours.area.p50.ha", median(oursSquareMeters) / SQUARE_METERS_PER_HECTARE);
        print("graphHopper.area.p50.ha", median(graphHopperSquareMeters) / SQUARE_METERS_PER_HECTARE);
        print("graphHopper.outsideOurs.share", graphHopperOutsideOurs / graphHopperTotal);
        print("ours.outsideGraphHopper.share", oursOutsideGraphHopper / oursTotal);
        print("graphHopper.water.ha", graphHopperWater / SQUARE_METERS_PER_HECTARE);
        print("ours.water.ha", oursWater / SQUARE_METERS_PER_HECTARE);
        print("nearRiver", nearRiver);
        print("graphHopper.farBank.outsideOurs.ha", farBankOutsideOursTotal / SQUARE_METERS_PER_HECTARE);
        print("graphHopper.farBank.facilities", leaking);
        print("graphHopper.farBank.total.ha", farBankLeakTotal / SQUARE_METERS_PER_HECTARE);
        print("graphHopper.farBank.max.ha", farBankLeakMax / SQUARE_METERS_PER_HECTARE);
    }

    /**
     * The network's bounding box minus the river, as separate polygons. The demo river is clipped to
     * the city's edge, which is where the outermost nodes lie; the box is pulled in by {@link
     * #BOX_INSET_METERS} so projection noise cannot leave a sliver of land joining the banks there.
     */
    private static List<Geometry> banks(WalkingGraph graph, Geometry river, GeometryFactory meters) {
        Envelope extent = new Envelope();
        for (int node = 0; node < graph.nodeCount(); node++) {
            extent.expandToInclude(graph.nodeXMeters(node), graph.nodeYMeters(node));
        }
        extent.expandBy(-BOX_INSET_METERS);
        Geometry land = difference(meters.toGeometry(extent), river);
        List<Geometry> banks = new ArrayList<>();
        for (int i = 0; i < land.getNumGeometries(); i++) {
            if (land.getGeometryN(i) instanceof Polygon polygon) {
                banks.add(polygon);
            }
        }
        return banks;
    }

    /** All banks but the one holding the site (or, off every bank, the nearest). */
    private static Geometry farBank(List<Geometry> banks, Point site, GeometryFactory meters) {
        int own = 0;
        for (int b = 1; b < banks.size(); b++) {
            if (banks.get(b).distance(site) < banks.get(own).distance(site)) {
                own = b;
            }
        }
        List<Geometry> others = new ArrayList<>(banks);
        others.remove(own);
        return others.isEmpty() ? meters.createPolygon() : UnaryUnionOp.union(others, meters);
    }

    private static Geometry valid(Geometry geometry) {
        return geometry.isValid() ? geometry : geometry.buffer(0);
    }

    private static Geometry difference(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
    }

    private static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    private static void print(String key, int value) {
        System.out.println(key + "=" + value);
    }

    private static void print(String key, double value) {
        System.out.println(String.format(Locale.ROOT, "%s=%.4f", key, value));
    }
}
