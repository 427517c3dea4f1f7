package org.lifecircle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
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
 * The peer of {@link NetworkAreaBenchmark}: GraphHopper's 15-minute isochrone for the same
 * starting points ({@link BenchNetwork#sampleLocations()}) on the same edges ({@link GraphHopperNetwork}), and its shortest-path tree alone bounded
 * at 900 m. Both include GraphHopper's snapping and query graph, which it needs per query.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GraphHopperIsochroneBenchmark {
    @Param({"town", "district", "city", "nanjing"})
    public String size;

    private GraphHopperNetwork graphHopper;
    private double[] lons;
    private double[] lats;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        BenchNetwork network = BenchNetwork.load(size);
        graphHopper = GraphHopperNetwork.fromEdges(network.roadEdges);
        List<Point> sample = network.sampleLocations();
        lons = new double[sample.size()];
        lats = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            lons[i] = sample.get(i).getX();
            lats[i] = sample.get(i).getY();
        }
    }

    private int nextFacility() {
        int i = next;
        next = i + 1 == lons.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Polygon isochrone15Min() {
        int i = nextFacility();
        return graphHopper.isochrone(lons[i], lats[i], BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS);
    }

    @Benchmark
    public int tree15Min() {
        int i = nextFacility();
        return graphHopper.treeNodeCount(lons[i], lats[i], BenchNetwork.FIFTEEN_MINUTE_LIMIT_METERS);
    }
}
