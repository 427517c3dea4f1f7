package org.lifecircle.core.coverage;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * Snapped points (population-cell centroids) grouped by the edge they snap onto, so that after a
 * bounded {@link DistanceSearch} only the points that can be within its bound are measured, instead
 * of every point of the city.
 *
 * <p><b>What is computed.</b> {@link #collect(DistanceSearch)} lists every indexed point whose edge
 * has a reached end node or holds one of the search's sources. That is a superset of the points
 * with a finite {@link DistanceSearch#distanceToMeters(SnappedPoint)}: a finite distance is either
 * {@code distance(end node) + along-edge part} for a reached end node, or the direct walk from a
 * source on the same edge. The caller still measures each collected point and applies its own
 * threshold.
 *
 * <p><b>Method.</b> A CSR index from edge to points (counting sort by edge, O(p + m) to build for p
 * points and m edges). Collection walks the adjacency entries of the reached nodes, O(reached
 * adjacency entries + collected points), the same order of work as the search itself.
 *
 * <p><b>IMPLEMENTATION NOTE.</b> An edge is reached from both its ends; an {@code int} stamp per edge,
 * bumped once per collection, marks edges already emitted, so no per-query clearing of a graph-sized
 * array is needed (the stamps are cleared only when the counter wraps around after 2<sup>31</sup>
 * collections). The output buffer grows by doubling and is reused across collections.
 *
 * <p>Not thread-safe: it holds the per-query stamps and output; one object per thread.
 */
public final class PointsByEdge {
    private final WalkingGraph graph;
    private final int[] firstPointOfEdge;
    private final int[] pointsByEdge;
    private final int[] edgeStamp;
    private int stamp;
    private int[] found = new int[64];
    private int foundCount;

    /** Indexes every snapped point of the list; unsnapped points are never collected. */
    public PointsByEdge(WalkingGraph graph, List<SnappedPoint> points) {
        this(graph, points, null);
    }

    /**
     * Indexes the snapped points of the list for which {@code include[i]} is true.
     *
     * @param include same length as {@code points}, or {@code null} for all
     */
    public PointsByEdge(WalkingGraph graph, List<SnappedPoint> points, boolean[] include) {
        this.graph = Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(points, "points");
        if (include != null && include.length != points.size()) {
            throw new IllegalArgumentException(
                    "Include flags for " + include.length + " points, but " + points.size() + " points given");
        }
        int edgeCount = graph.edgeCount();
        this.firstPointOfEdge = new int[edgeCount + 1];
        int indexed = 0;
        for (int i = 0; i < points.size(); i++) {
            int edge = points.get(i).edge();
            if (edge >= edgeCount) {
                throw new IllegalArgumentException(
                        "Point " + i + " names edge " + edge + " of a graph with " + edgeCount + " edges");
            }
            if (edge >= 0 && (include == null || include[i])) {
                firstPointOfEdge[edge + 1]++;
                indexed++;
            }
        }
        for (int e = 0; e < edgeCount; e++) {
            firstPointOfEdge[e + 1] += firstPointOfEdge[e];
        }
        this.pointsByEdge = new int[indexed];
        int[] next = Arrays.copyOf(firstPointOfEdge, edgeCount);
        for (int i = 0; i < points.size(); i++) {
            int edge = points.get(i).edge();
            if (edge >= 0 && (include == null || include[i])) {
                pointsByEdge[next[edge]++] = i;
            }
        }
        this.edgeStamp = new int[edgeCount];
    }

    /** Number of indexed points. */
    public int indexedCount() {
        return pointsByEdge.length;
    }

    /**
     * Collects the indexed points that the last run of a search can reach: those on edges with a
     * reached end node or a source. Read them with {@link #foundPoint(int)}; they stay readable until
     * the next collection. Each point appears once, grouped by edge.
     *
     * @param search a search over the same graph that has run
     * @return the number of points collected
     */
    public int collect(DistanceSearch search) {
        if (search.graph() != graph) {
            throw new IllegalArgumentException("The search runs on another graph");
        }
        nextStamp();
        foundCount = 0;
        int reached = search.reachedNodeCount();
        for (int k = 0; k < reached; k++) {
            int node = search.reachedNode(k);
            int end = graph.firstAdjacency(node + 1);
            for (int a = graph.firstAdjacency(node); a < end; a++) {
                emitEdge(graph.adjacentEdge(a));
            }
        }
        List<SnappedPoint> sources = search.sources();
        for (int s = 0; s < sources.size(); s++) {
            int edge = sources.get(s).edge();
            if (edge >= 0) {
                emitEdge(edge);
            }
        }
        return foundCount;
    }

    /** The i-th point of the last collection, an index into the indexed list. */
    public int foundPoint(int i) {
        if (i < 0 || i >= foundCount) {
            throw new IndexOutOfBoundsException("Found point " + i + " of " + foundCount);
        }
        return found[i];
    }

    private void emitEdge(int edge) {
        if (edgeStamp[edge] == stamp) {
            return;
        }
        edgeStamp[edge] = stamp;
        int from = firstPointOfEdge[edge];
        int to = firstPointOfEdge[edge + 1];
        if (from == to) {
            return;
        }
        if (foundCount + (to - from) > found.length) {
            found = Arrays.copyOf(found, Math.max(found.length * 2, foundCount + (to - from)));
        }
        for (int p = from; p < to; p++) {
            found[foundCount++] = pointsByEdge[p];
        }
    }

    private void nextStamp() {
        stamp++;
        if (stamp == 0) {
            Arrays.fill(edgeStamp, 0);
            stamp = 1;
        }
    }
}
