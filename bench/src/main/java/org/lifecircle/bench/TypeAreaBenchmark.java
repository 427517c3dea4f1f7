package org.lifecircle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.core.servicearea.ServiceAreaBuilder;
import org.lifecircle.core.servicearea.ServiceAreaOptions;
import org.lifecircle.core.servicearea.TypeServiceAreas;
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
 * Every 15-minute network area of one facility type ({@link BenchNetwork#typeCode}: kindergartens in
 * the demo cities, fitness grounds in the Nanjing extract) dissolved into one ({@link
 * ServiceAreaBuilder#perType}): one multi-source search from all of them, then one polygon. No peer
 * offers this in one call; GraphHopper's isochrone is single-source. Single-shot: one dissolve per
 * analysis run, and on the city one call takes seconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class TypeAreaBenchmark {
    @Param({"town", "district", "city", "nanjing"})
    public String size;

    private ServiceAreaBuilder builder;
    private List<Facility> facilities;

    @Setup(Level.Trial)
    public void prepare() {
        BenchNetwork network = BenchNetwork.load(size);
        WalkingGraph graph = WalkingGraph.fromEdges(network.roadEdges);
        builder = new ServiceAreaBuilder(
                graph, network.barriers, ServiceAreaOptions.defaults().withThresholdsMinutes(List.of(15)));
        facilities = network.typeFacilities();
    }

    @Benchmark
    public TypeServiceAreas oneType15Min() {
        return builder.perType(facilities).get(0);
    }
}
