package org.lifecircle.core.servicearea;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * The area within one walking time of a facility or of any facility of a group.
 *
 * @param thresholdMinutes the walking time
 * @param limitMeters the walking distance it stands for (speed × time)
 * @param area polygonal geometry in EPSG:4326 (SRID 4326), empty when nothing is reachable; owned by
 *     this record, callers must not modify it
 * @param areaSquareMeters area measured in a CGCS2000 Gauss-Krüger zone: the graph's for network
 *     areas, the area's own for circles (so a circle far from the graph is not distorted)
 */
public record ServiceArea(int thresholdMinutes, double limitMeters, Geometry area, double areaSquareMeters) {
    public ServiceArea {
        Objects.requireNonNull(area, "area");
    }
}
