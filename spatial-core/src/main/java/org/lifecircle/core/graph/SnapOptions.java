package org.lifecircle.core.graph;

/**
 * How points snap onto the walking graph.
 *
 * @param maxSnapDistanceMeters farthest off-network walk accepted; a point farther from every
 *     eligible edge is reported unsnapped. {@code Double.POSITIVE_INFINITY} snaps everything.
 * @param minComponentNodeCount edges of connected components with fewer nodes are not eligible, so a
 *     facility next to a stray footway fragment snaps to the real network instead; 1 accepts all.
 */
public record SnapOptions(double maxSnapDistanceMeters, int minComponentNodeCount) {
    public SnapOptions {
        if (!(maxSnapDistanceMeters >= 0)) {
            throw new IllegalArgumentException("Max snap distance must be >= 0 metres: " + maxSnapDistanceMeters);
        }
        if (minComponentNodeCount < 1) {
            throw new IllegalArgumentException("Min component node count must be >= 1: " + minComponentNodeCount);
        }
    }

    /** Snap to the nearest edge however far, on any component. */
    public static SnapOptions unlimited() {
        return new SnapOptions(Double.POSITIVE_INFINITY, 1);
    }

    /** Snap within a distance, on any component. */
    public static SnapOptions within(double maxSnapDistanceMeters) {
        return new SnapOptions(maxSnapDistanceMeters, 1);
    }
}
