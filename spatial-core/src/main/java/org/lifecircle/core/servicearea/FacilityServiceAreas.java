package org.lifecircle.core.servicearea;

import java.util.List;
import java.util.Objects;
import org.lifecircle.core.graph.SnappedPoint;

/**
 * The service areas of one facility, one per threshold in ascending order.
 *
 * @param facilityIndex position of the facility in the input list
 * @param snap where the facility joins the network; unsnapped facilities are reported with empty
 *     network areas, never dropped
 * @param areas one per threshold of the options
 */
public record FacilityServiceAreas(int facilityIndex, SnappedPoint snap, List<ServiceArea> areas) {
    public FacilityServiceAreas {
        Objects.requireNonNull(snap, "snap");
        areas = List.copyOf(areas);
    }
}
