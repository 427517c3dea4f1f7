package org.lifecircle.core.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Bounded single- and multi-source shortest walking distances on a {@link WalkingGraph}, from
 * snapped points, reusable across queries.
 *
 * <p><b>What is computed.</b> For every node, the shortest walking distance in metres from the
 * nearest source and which source that is (the graph Voronoi partition of the sources), limited to
 * a bound: nodes farther than the bound are reported unreached ({@code +∞}, source -1), so no
 * reported distance ever exceeds the bound. A source snapped onto edge {@code (u, v)} of length
 * {@code L} at {@code a} metres from {@code u} with an off-network walk {@code o} enters the network
 * at {@code u} with {@code o + a} and at {@code v} with {@code o + L - a}; a source exactly at a node
 * is the case {@code a = 0} or {@code a = L}. For any other snapped point (a target), {@link
 * #distanceToMeters(SnappedPoint)} adds the target's own along-edge and off-network parts, and also
 * considers the direct walk along the edge from a source on the same edge. Walking time is distance
 * divided by speed ({@link WalkingTime}).
 *
 * <p><b>Method.</b> Dijkstra's algorithm (E. W. Dijkstra, "A note on two problems in connexion with
 * graphs", Numerische Mathematik 1, 269–271, 1959) with every source seeded at once, which yields
 * distances and nearest-source labels in one pass (K. Mehlhorn, "A faster approximation algorithm
 * for the Steiner problem in graphs", Information Processing Letters 27(3), 125–128, 1988; M. Erwig,
 * "The graph Voronoi diagram with applications", Networks 36(3), 156–163, 2000). O((n' + m') log n')
 * for the n' nodes and m' adjacency entries within the bound.
 *
 * <p><b>IMPLEMENTATION NOTE.</b> The search is shaped after GraphHopper's {@code DijkstraOneToMany}:
 *
 * <ul>
 *   <li>Graph-sized state lives in primitive arrays allocated once per search object: distances,
 *       nearest-source labels and a 4-ary heap ({@code IntDoubleMinHeap}) without decrease-key: an
 *       improved node is queued again and its stale entry skipped when polled (its key exceeds the
 *       node's distance). No boxing, streams, lambdas or allocation happen in the relaxation loop
 *       (the heap grows only while it finds no room, which stops after the first searches).
 *   <li>{@code changedNodes} lists every node whose distance was set. Resetting before the next query
 *       touches only those, so a 15-minute search on a city graph costs what its neighbourhood costs,
 *       not what the city costs.
 *   <li>The bound is enforced at insertion: a tentative distance above it is never stored or queued.
 *       Hence everything stored is final once the heap runs dry, there is no early-exit test in the
 *       loop, and the reported distances are exact shortest distances not above the bound.
 *   <li>The length of an adjacency entry is read from {@code adjacentLengthMeters}, parallel to the
 *       neighbour array, instead of through the edge index: one sequential stream per node.
 *   <li>The nearest-source label travels with each improvement; ties keep the label that arrived
 *       first (the lowest source index among seeds at equal distance).
 *   <li>Sources sorted by edge (packed {@code edge << 32 | index} longs) answer the same-edge case
 *       for targets and reached-edge parts with a binary search.
 * </ul>
 *
 * <p>Not thread-safe: one object per thread, reused across queries. Results of a query stay
 * readable until the next {@code run}.
 */
public final class DistanceSearch {
    private static final double UNREACHED = Double.POSITIVE_INFINITY;

    private final WalkingGraph graph;
    private final double[] distanceMeters;
    private final int[] nearestSource;
    private final IntDoubleMinHeap heap;
    private int[] changedNodes;
    private int changedCount;
    private double limitMeters = Double.NaN;
    private long relaxedEdgeCount;
    private List<SnappedPoint> sources = List.of();
    private long[] sourcesByEdge = new long[0];
    private double targetDistanceMeters;
    private int targetSource;

    public DistanceSearch(WalkingGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.distanceMeters = new double[graph.nodeCount];
        Arrays.fill(distanceMeters, UNREACHED);
        this.nearestSource = new int[graph.nodeCount];
        Arrays.fill(nearestSource, -1);
        this.heap = new IntDoubleMinHeap(Math.min(graph.nodeCount, 1024));
        this.changedNodes = new int[Math.min(graph.nodeCount, 1024)];
    }

    public WalkingGraph graph() {
        return graph;
    }

    /** Single-source search; see {@link #run(List, double)}. */
    public void run(SnappedPoint source, double limitMeters) {
        run(List.of(source), limitMeters);
    }

    /**
     * Computes distances from the nearest of the sources, up to a bound.
     *
     * @param sources snapped points of this graph; unsnapped ones are ignored (never nearest). Source
     *     indices in results are positions in this list.
     * @param limitMeters bound, {@code >= 0}; {@code Double.POSITIVE_INFINITY} searches the whole
     *     component(s) of the sources
     */
    public void run(List<SnappedPoint> sources, double limitMeters) {
        Objects.requireNonNull(sources, "sources");
        if (!(limitMeters >= 0)) {
            throw new IllegalArgumentException("Distance limit must be >= 0 metres: " + limitMeters);
        }
        reset();
        this.limitMeters = limitMeters;
        this.sources = List.copyOf(sources);
        indexSourcesByEdge();
        for (int s = 0; s < this.sources.size(); s++) {
            SnappedPoint source = this.sources.get(s);
            if (!source.isSnapped()) {
                continue;
            }
            int edge = source.edge();
            double length = graph.edgeLengthMeters[edge];
            double along = Math.min(source.alongMeters(), length);
            improve(graph.edgeSourceNode[edge], source.offNetworkMeters() + along, s);
            improve(graph.edgeTargetNode[edge], source.offNetworkMeters() + (length - along), s);
        }
        settleAll();
    }

    private void indexSourcesByEdge() {
        int snapped = 0;
        long[] keys = new long[sources.size()];
        for (int s = 0; s < sources.size(); s++) {
            int edge = sources.get(s).edge();
            if (edge >= graph.edgeCount) {
                throw new IllegalArgumentException(
                        "Source " + s + " names edge " + edge + " of a graph with " + graph.edgeCount + " edges");
            }
            if (edge >= 0) {
                keys[snapped++] = ((long) edge << 32) | s;
            }
        }
        sourcesByEdge = Arrays.copyOf(keys, snapped);
        Arrays.sort(sourcesByEdge);
    }

    private void settleAll() {
        final int[] first = graph.firstAdjacency;
        final int[] adjacent = graph.adjacentNode;
        final double[] lengths = graph.adjacentLengthMeters;
        final double[] dist = distanceMeters;
        final int[] label = nearestSource;
        final double limit = limitMeters;
        long relaxed = 0;
        while (!heap.isEmpty()) {
            double du = heap.peekKey();
            int u = heap.pollMin();
            if (du > dist[u]) {
                continue; // stale: u was queued again with a shorter distance, settled before this
            }
            int source = label[u];
            int end = first[u + 1];
            relaxed += end - first[u];
            for (int i = first[u]; i < end; i++) {
                int v = adjacent[i];
                double dv = du + lengths[i];
                if (dv < dist[v] && dv <= limit) {
                    if (dist[v] == UNREACHED) {
                        recordChanged(v);
                    }
                    dist[v] = dv;
                    label[v] = source;
                    heap.push(v, dv);
                }
            }
        }
        relaxedEdgeCount += relaxed;
    }

    private void improve(int node, double distance, int source) {
        if (distance <= limitMeters && distance < distanceMeters[node]) {
            if (distanceMeters[node] == UNREACHED) {
                recordChanged(node);
            }
            distanceMeters[node] = distance;
            nearestSource[node] = source;
            heap.push(node, distance);
        }
    }

    private void recordChanged(int node) {
        if (changedCount == changedNodes.length) {
            changedNodes = Arrays.copyOf(changedNodes, Math.max(16, changedNodes.length * 2));
        }
        changedNodes[changedCount++] = node;
    }

    private void reset() {
        for (int i = 0; i < changedCount; i++) {
            int node = changedNodes[i];
            distanceMeters[node] = UNREACHED;
            nearestSource[node] = -1;
        }
        changedCount = 0;
        heap.clear();
    }

    /** Bound of the last run; NaN before the first. */
    public double limitMeters() {
        return limitMeters;
    }

    /** Sources of the last run, in the order given. */
    public List<SnappedPoint> sources() {
        return sources;
    }

    /** Distance of a node from its nearest source, {@code +∞} when beyond the bound or unreachable. */
    public double distanceMeters(int node) {
        return distanceMeters[node];
    }

    /** Index of the node's nearest source in the last run's list, -1 when unreached. */
    public int nearestSourceIndex(int node) {
        return nearestSource[node];
    }

    /** Number of nodes within the bound. */
    public int reachedNodeCount() {
        return changedCount;
    }

    /** The i-th node within the bound, {@code 0 <= i < reachedNodeCount()}, in discovery order. */
    public int reachedNode(int i) {
        if (i < 0 || i >= changedCount) {
            throw new IndexOutOfBoundsException("Reached node " + i + " of " + changedCount);
        }
        return changedNodes[i];
    }

    /** Adjacency entries scanned since this object was created; for throughput measurements. */
    public long relaxedEdgeCount() {
        return relaxedEdgeCount;
    }

    /**
     * Walking distance from the nearest source to a snapped target: the better of entering the
     * target's edge from either end node (node distance + along-edge part) and, for a source on the
     * same edge, walking directly along it; plus the target's own off-network walk. {@code +∞} when
     * the target is unsnapped or the total exceeds the bound.
     */
    public double distanceToMeters(SnappedPoint target) {
        evaluate(target);
        return targetDistanceMeters;
    }

    /** The source {@link #distanceToMeters(SnappedPoint)} measures from, -1 when unreached. */
    public int nearestSourceIndexOf(SnappedPoint target) {
        evaluate(target);
        return targetSource;
    }

    /**
     * Distances and nearest sources of many targets at once.
     *
     * @param distanceMetersOut receives {@link #distanceToMeters(SnappedPoint)} per target
     * @param nearestSourceOut receives {@link #nearestSourceIndexOf(SnappedPoint)} per target
     */
    public void measureTargets(List<SnappedPoint> targets, double[] distanceMetersOut, int[] nearestSourceOut) {
        if (distanceMetersOut.length < targets.size() || nearestSourceOut.length < targets.size()) {
            throw new IllegalArgumentException("Output arrays shorter than the " + targets.size() + " targets");
        }
        for (int t = 0; t < targets.size(); t++) {
            evaluate(targets.get(t));
            distanceMetersOut[t] = targetDistanceMeters;
            nearestSourceOut[t] = targetSource;
        }
    }

    private void evaluate(SnappedPoint target) {
        targetDistanceMeters = UNREACHED;
        targetSource = -1;
        if (Double.isNaN(limitMeters)) {
            throw new IllegalStateException("No search has run yet");
        }
        if (!target.isSnapped()) {
            return;
        }
        int edge = target.edge();
        double length = graph.edgeLengthMeters[edge];
        double along = Math.min(target.alongMeters(), length);
        int u = graph.edgeSourceNode[edge];
        int v = graph.edgeTargetNode[edge];
        double best = distanceMeters[u] + along;
        int bestSource = nearestSource[u];
        if (distanceMeters[v] + (length - along) < best) {
            best = distanceMeters[v] + (length - along);
            bestSource = nearestSource[v];
        }
        for (int k = firstSourceOn(edge); k < sourcesByEdge.length && (int) (sourcesByEdge[k] >>> 32) == edge; k++) {
            int s = (int) sourcesByEdge[k];
            SnappedPoint source = sources.get(s);
            double direct = source.offNetworkMeters() + Math.abs(Math.min(source.alongMeters(), length) - along);
            if (direct < best) {
                best = direct;
                bestSource = s;
            }
        }
        double total = best + target.offNetworkMeters();
        if (total <= limitMeters) {
            targetDistanceMeters = total;
            targetSource = bestSource;
        }
    }

    /** Position of the first source on an edge in {@code sourcesByEdge}, or where it would be. */
    private int firstSourceOn(int edge) {
        int i = Arrays.binarySearch(sourcesByEdge, (long) edge << 32);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * The parts of edges within a distance, from this search's node distances: each edge touching a
     * node within the distance contributes the stretch its reached ends cover ({@code limit - d} from
     * each end, the whole edge when the stretches meet), and each source's edge the stretch
     * {@code limit - offNetwork} either side of the source. O(reached adjacency entries) plus the
     * output.
     *
     * @param limitMeters at most the bound of the last run (node distances beyond it are unknown)
     */
    public ReachedEdgeParts reachedEdgeParts(double limitMeters) {
        if (!(limitMeters >= 0 && limitMeters <= this.limitMeters)) {
            throw new IllegalArgumentException(
                    "Parts limit must be in [0, " + this.limitMeters + "] metres, got " + limitMeters);
        }
        return new ReachedEdgePartsCollector(graph, distanceMeters, changedNodes, changedCount)
                .collect(limitMeters, sources);
    }
}
