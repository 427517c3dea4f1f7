package org.lifecircle.core.graph;

import java.util.Arrays;
import java.util.List;

/**
 * Cuts the reached parts of edges out of a finished {@link DistanceSearch}. One use.
 *
 * <p>Each edge is emitted once, from its owner: the source node when that is within the limit, else
 * the target node. This needs no per-edge marks; a self-loop, listed twice at its node, is emitted
 * twice, which only repeats an interval.
 */
final class ReachedEdgePartsCollector {
    private final WalkingGraph graph;
    private final double[] distanceMeters;
    private final int[] reachedNodes;
    private final int reachedCount;
    private int size;
    private int[] edges = new int[64];
    private double[] starts = new double[64];
    private double[] ends = new double[64];

    ReachedEdgePartsCollector(WalkingGraph graph, double[] distanceMeters, int[] reachedNodes, int reachedCount) {
        this.graph = graph;
        this.distanceMeters = distanceMeters;
        this.reachedNodes = reachedNodes;
        this.reachedCount = reachedCount;
    }

    ReachedEdgeParts collect(double limitMeters, List<SnappedPoint> sources) {
        for (int k = 0; k < reachedCount; k++) {
            int u = reachedNodes[k];
            if (distanceMeters[u] > limitMeters) {
                continue;
            }
            for (int i = graph.firstAdjacency[u], end = graph.firstAdjacency[u + 1]; i < end; i++) {
                int edge = graph.adjacentEdge[i];
                int s = graph.edgeSourceNode[edge];
                int t = graph.edgeTargetNode[edge];
                double ds = distanceMeters[s];
                boolean owner = u == s || (u == t && !(ds <= limitMeters));
                if (owner) {
                    addEndParts(edge, ds, distanceMeters[t], limitMeters);
                }
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            SnappedPoint source = sources.get(i);
            if (!source.isSnapped() || source.offNetworkMeters() > limitMeters) {
                continue;
            }
            double length = graph.edgeLengthMeters[source.edge()];
            double along = Math.min(source.alongMeters(), length);
            double budget = limitMeters - source.offNetworkMeters();
            add(source.edge(), Math.max(0, along - budget), Math.min(length, along + budget));
        }
        return new ReachedEdgeParts(
                limitMeters, size, Arrays.copyOf(edges, size), Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
    }

    private void addEndParts(int edge, double sourceDistance, double targetDistance, double limitMeters) {
        double length = graph.edgeLengthMeters[edge];
        boolean fromSource = sourceDistance <= limitMeters;
        boolean fromTarget = targetDistance <= limitMeters;
        double sourceReach = fromSource ? Math.min(length, limitMeters - sourceDistance) : 0;
        double targetReach = fromTarget ? Math.max(0, length - (limitMeters - targetDistance)) : length;
        if (fromSource && fromTarget && sourceReach >= targetReach) {
            add(edge, 0, length);
            return;
        }
        if (fromSource) {
            add(edge, 0, sourceReach);
        }
        if (fromTarget) {
            add(edge, targetReach, length);
        }
    }

    private void add(int edge, double start, double end) {
        if (!(end > start)) {
            return;
        }
        if (size == edges.length) {
            edges = Arrays.copyOf(edges, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        edges[size] = edge;
        starts[size] = start;
        ends[size] = end;
        size++;
    }
}
