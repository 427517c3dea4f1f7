package org.lifecircle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.graph.WalkingGraph;
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
 * Building the walking graph from one size's road edges ({@link BenchNetwork}) (renumbering, projection, CSR,
 * components, STRtree), against building GraphHopper's graph and location index from the same
 * edges. Single-shot: a graph is built once per analysis run, so a cold-ish build is the number that
 * matters; the warm-up iterations still let the JIT see the code three times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class GraphBuildBenchmark {
    @Param({"town", "district", "city", "nanjing"})
    public String size;

    private List<RoadEdge> edges;

    @Setup(Level.Trial)
    public void load() {
        edges = BenchNetwork.load(size).roadEdges;
    }

    @Benchmark
    public WalkingGraph walkingGraph() {
        return WalkingGraph.fromEdges(edges);
    }

    @Benchmark
    public Object graphHopperGraph() {
        return GraphHopperNetwork.fromEdges(edges);
    }
}
