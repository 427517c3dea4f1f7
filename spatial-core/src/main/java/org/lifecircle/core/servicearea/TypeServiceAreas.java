package org.lifecircle.core.servicearea;

import java.util.List;
import java.util.Objects;

/**
 * The dissolved service areas of all facilities of one type: the land within each walking time of
 * at least one of them.
 *
 * @param typeCode the facility type
 * @param facilityCount facilities of the type in the input
 * @param unsnappedFacilityCount of those, how many were too far from the network to contribute
 *     (network mode)
 * @param areas one per threshold of the options, ascending
 */
public record TypeServiceAreas(
        String typeCode, int facilityCount, int unsnappedFacilityCount, List<ServiceArea> areas) {
    public TypeServiceAreas {
        Objects.requireNonNull(typeCode, "typeCode");
        areas = List.copyOf(areas);
    }
}
