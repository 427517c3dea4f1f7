package org.lifecircle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * Retained heap of the walking graph and of GraphHopper's graph + location index for one size
 * ({@link BenchNetwork}), estimated as the heap in use after a full collection with the graph held, minus the same
 * before it was built (the edges themselves are held throughout and not counted). Run in a fresh
 * JVM per size; the estimate is good to a few hundred KiB (whatever else the JVM allocates on the
 * side).
 *
 * <p>Usage: {@code GraphFootprint <size>}; prints {@code key=value} lines.
 */
public final class GraphFootprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private GraphFootprint() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GraphFootprint town|district|city|nanjing");
        }
        BenchNetwork network = BenchNetwork.load(args[0]);
        long baseBytes = usedAfterGc();
        WalkingGraph graph = WalkingGraph.fromEdges(network.roadEdges);
        long graphBytes = usedAfterGc() - baseBytes;
        print("nodes", graph.nodeCount());
        print("edges", graph.edgeCount());
        print("walkingGraph.retainedBytes", graphBytes);
        print("facilities", network.facilities.size());
        print("components", graph.componentCount());
        print("largestComponentNodes", graph.componentNodeCount(graph.largestComponent()));
        print("samples", network.sampleLocations().size());
        System.out.println("sampleKind=" + network.sampleKind());
        System.out.println("typeCode=" + network.typeCode);
        print("typeFacilities", network.typeFacilities().size());

        long withOursBytes = usedAfterGc();
        GraphHopperNetwork graphHopper = GraphHopperNetwork.fromEdges(network.roadEdges);
        long graphHopperBytes = usedAfterGc() - withOursBytes;
        print("graphHopper.retainedBytes", graphHopperBytes);
        print("graphHopper.nodes", graphHopper.nodeCount());
        Reference.reachabilityFence(graph);
        Reference.reachabilityFence(graphHopper);
        Reference.reachabilityFence(network);
    }

    /** Heap in use after collections have stopped freeing anything (at most five). */
    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static void print(String key, long value) {
        System.out.println(String.format(Locale.ROOT, "%s=%d", key, value));
    }
}
