package org.lifecircle.core.domain;

import java.util.Objects;
import org.locationtech.jts.geom.LineString;

/**
 * One walkable edge between two network nodes.
 *
 * @param sourceNode id of the node at the first vertex
 * @param targetNode id of the node at the last vertex
 * @param geometry line in EPSG:4326 from source to target
 * @param lengthMeters length in metres, positive: geodesic, or planar in the local CGCS2000
 *     Gauss-Krüger zone (the two differ by under 0.02 % within 1.5° of the central meridian)
 * @param roadClass OSM-style class: {@code primary}, {@code secondary}, {@code residential}, {@code
 *     footway}, …
 * @param arterial the edge belongs to an arterial road, a hard break for community boundaries
 * @param bridge the edge crosses a river or canal
 * @param railCrossing the edge crosses a rail line (level crossing, underpass or footbridge)
 */
public record RoadEdge(
        long sourceNode,
        long targetNode,
        LineString geometry,
        double lengthMeters,
        String roadClass,
        boolean arterial,
        boolean bridge,
        boolean railCrossing) {
    public RoadEdge {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(roadClass, "roadClass");
        if (!(lengthMeters > 0)) {
            throw new IllegalArgumentException("Edge length must be positive: " + lengthMeters);
        }
    }
}
