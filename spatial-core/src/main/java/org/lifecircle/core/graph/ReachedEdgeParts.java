package org.lifecircle.core.graph;

/**
 * The parts of edges reachable within a distance limit, as intervals along each edge measured in
 * cost metres from the edge's source node. A fully reached edge is one interval {@code [0, length]};
 * a frontier edge has one interval from each reached end; an edge holding a source has the interval
 * around the source that its remaining budget covers. Intervals of the same edge may overlap (a
 * source's interval and an end's interval); consumers that union geometry need not care.
 *
 * <p>Immutable; the arrays are handed over by {@link DistanceSearch} and never exposed.
 */
public final class ReachedEdgeParts {
    private final double limitMeters;
    private final int size;
    private final int[] edges;
    private final double[] startMeters;
    private final double[] endMeters;

    ReachedEdgeParts(double limitMeters, int size, int[] edges, double[] startMeters, double[] endMeters) {
        this.limitMeters = limitMeters;
        this.size = size;
        this.edges = edges;
        this.startMeters = startMeters;
        this.endMeters = endMeters;
    }

    /** The distance limit the parts were cut at. */
    public double limitMeters() {
        return limitMeters;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int edge(int part) {
        check(part);
        return edges[part];
    }

    /** Start of the interval, metres from the edge's source node. */
    public double startMeters(int part) {
        check(part);
        return startMeters[part];
    }

    /** End of the interval, metres from the edge's source node; greater than the start. */
    public double endMeters(int part) {
        check(part);
        return endMeters[part];
    }

    private void check(int part) {
        if (part < 0 || part >= size) {
            throw new IndexOutOfBoundsException("Part " + part + " of " + size);
        }
    }
}
