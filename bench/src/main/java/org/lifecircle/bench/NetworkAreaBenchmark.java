package org.lifecircle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnapOptions;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.Snapper;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.core.servicearea.ServiceAreaBuilder;
import org.lifecircle.core.servicearea.ServiceAreaOptions;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 15-minute (900 m at 1.0 m/s) network service area per call, cycling through the same
 * sample of up to 200 facilities, or network nodes where a network has fewer facilities ({@link
 * BenchNetwork#sampleLocations()}); sample-time mode gives the p50/p95 over them.
 *
 * <ul>
 *   <li>{@link #search15Min}: the bounded search alone, from the facility's snapped point (snapped
 *       once in setup), one reused {@link DistanceSearch};
 *   <li>{@link #search15MinFromNearestNode}: the same from the node nearest the facility, the start
 *       vertex pgRouting gets;
 *   <li>{@link #area15Min}: {@link ServiceAreaBuilder#forPoint} in network mode with the single
 *       15-minute threshold, everything a caller pays: snapping, a fresh search object, reached
 *       lines, barrier-aware buffer, simplification, transform to EPSG:4326.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NetworkAreaBenchmark {
    @Param({"town", "district", "city", "nanjing"})
    public String size;

    private double[] lons;
    private double[] lats;
    private List<SnappedPoint> snapped;
    private List<SnappedPoint> atNearestNodes;
    private DistanceSearch search;
    private ServiceAreaBuilder builder;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        BenchNetwork network = BenchNetwork.load(size);
        WalkingGraph graph = WalkingGraph.fromEdges(network.roadEdges);
        List<Point> sample = network.sampleLocations();
        ServiceAreaOptions options = ServiceAreaOptions.defaults().withThresholdsMinutes(List.of(15));
        if (options.maxLimitMeters() != BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS) {
            throw new IllegalStateException("15 minutes at the default speed is " + options.maxLimitMeters() + " m");
        }
        builder = new ServiceAreaBuilder(graph, network.barriers, options);
        Snapper snapper = new Snapper(graph, SnapOptions.within(options.maxSnapDistanceMeters()));
        lons = new double[sample.size()];
        lats = new double[sample.size()];
        SnappedPoint[] points = new SnappedPoint[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            lons[i] = sample.get(i).getX();
            lats[i] = sample.get(i).getY();
            points[i] = snapper.snap(lons[i], lats[i]);
        }
        snapped = List.of(points);
        atNearestNodes = NearestNodes.atNodes(graph, NearestNodes.ofLocations(graph, sample));
        search = new DistanceSearch(graph);
    }

    private int nextFacility() {
        int i = next;
        next = i + 1 == lons.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public int search15Min() {
        search.run(snapped.get(nextFacility()), BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS);
        return search.reachedNodeCount();
    }

    @Benchmark
    public int search15MinFromNearestNode() {
        search.run(atNearestNodes.get(nextFacility()), BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS);
        return search.reachedNodeCount();
    }

    @Benchmark
    public Geometry area15Min() {
        int i = nextFacility();
        return builder.forPoint(lons[i], lats[i]).areas().get(0).area();
    }
}
