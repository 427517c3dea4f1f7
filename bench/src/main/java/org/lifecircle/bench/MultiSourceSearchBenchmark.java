package org.lifecircle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * One unbounded multi-source search over the whole graph with every facility of the size's type
 * ({@link BenchNetwork#typeCode}: kindergartens in the demo cities) as a source,
 * started at the node nearest each (the start vertices the pgRouting peer gets), on one thread.
 * Throughput mode: the primary score is searches per second, the auxiliary counter {@code
 * relaxedEdges} the adjacency entries scanned per second ({@link DistanceSearch#relaxedEdgeCount()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MultiSourceSearchBenchmark {
    @Param({"town", "district", "city", "nanjing"})
    public String size;

    private DistanceSearch search;
    private List<SnappedPoint> sources;

    /** Relaxations counted per iteration; JMH reports them as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Relaxations {
        public long relaxedEdges;

        @Setup(Level.Iteration)
        public void clear() {
            relaxedEdges = 0;
        }
    }

    @Setup(Level.Trial)
    public void prepare() {
        BenchNetwork network = BenchNetwork.load(size);
        WalkingGraph graph = WalkingGraph.fromEdges(network.roadEdges);
        sources = NearestNodes.atNodes(graph, NearestNodes.of(graph, network.typeFacilities()));
        search = new DistanceSearch(graph);
    }

    @Benchmark
    public int wholeGraphFromOneType(Relaxations counter) {
        long before = search.relaxedEdgeCount();
        search.run(sources, Double.POSITIVE_INFINITY);
        counter.relaxedEdges += search.relaxedEdgeCount() - before;
        return search.reachedNodeCount();
    }
}
