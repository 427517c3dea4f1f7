package org.lifecircle.core.graph;

/**
 * A point placed on the walking network at the orthogonal projection onto its nearest edge.
 *
 * <p>A point farther than the snapping limit, or with no eligible edge at all, is kept as an
 * <em>unsnapped</em> point ({@link #isSnapped()} false, {@link #edge()} -1) so callers can report it
 * instead of silently losing it; its {@link #offNetworkMeters()} is still the distance to the nearest
 * eligible edge, or NaN when there is none.
 *
 * @param lon longitude of the input point, EPSG:4326
 * @param lat latitude of the input point, EPSG:4326
 * @param edge graph edge the point snaps onto, -1 when unsnapped
 * @param alongMeters walking distance from the edge's source node to the projection, in the edge's
 *     cost metres (0 … {@link WalkingGraph#edgeLengthMeters(int)}); NaN when unsnapped
 * @param offNetworkMeters straight-line walk from the point to its projection, in Gauss-Krüger metres
 * @param xMeters input point in the graph's Gauss-Krüger zone
 * @param yMeters input point in the graph's Gauss-Krüger zone
 * @param snapXMeters projection on the edge, Gauss-Krüger; NaN when unsnapped
 * @param snapYMeters projection on the edge, Gauss-Krüger; NaN when unsnapped
 */
public record SnappedPoint(
        double lon,
        double lat,
        int edge,
        double alongMeters,
        double offNetworkMeters,
        double xMeters,
        double yMeters,
        double snapXMeters,
        double snapYMeters) {
    public SnappedPoint {
        if (edge < -1) {
            throw new IllegalArgumentException("Edge must be -1 (unsnapped) or an edge index: " + edge);
        }
        if (edge >= 0 && !(alongMeters >= 0 && offNetworkMeters >= 0)) {
            throw new IllegalArgumentException("A snapped point needs non-negative along and off-network metres: "
                    + alongMeters + ", " + offNetworkMeters);
        }
    }

    /** A point that did not snap; {@code offNetworkMeters} is the distance to the nearest edge or NaN. */
    public static SnappedPoint unsnapped(
            double lon, double lat, double xMeters, double yMeters, double offNetworkMeters) {
        return new SnappedPoint(lon, lat, -1, Double.NaN, offNetworkMeters, xMeters, yMeters, Double.NaN, Double.NaN);
    }

    public boolean isSnapped() {
        return edge >= 0;
    }
}
