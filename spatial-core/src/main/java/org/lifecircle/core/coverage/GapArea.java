package org.lifecircle.core.coverage;

import java.util.Arrays;
import java.util.Objects;
import org.locationtech.jts.geom.Polygon;

/**
 * One coverage gap: a connected area of uncovered cells, dissolved.
 *
 * @param rank 1 for the gap with the most households, then descending
 * @param area the dissolved cells, a polygon in EPSG:4326 (SRID 4326); owned by this record, do not
 *     modify
 * @param areaSquareMeters area measured in the CGCS2000 Gauss-Krüger zone of the gaps' centre
 * @param households households of its cells
 * @param cellCount number of its cells
 * @param cellIndices its cells, ascending; the record's own array, do not modify
 * @param nearestFacilityDistanceMeters the smallest walking distance from any of its cells to a
 *     facility of the type, {@code +∞} when every cell is beyond the search limit
 * @param nearestFacility the facility at that distance, -1 when none
 */
public record GapArea(
        int rank,
        Polygon area,
        double areaSquareMeters,
        long households,
        int cellCount,
        int[] cellIndices,
        double nearestFacilityDistanceMeters,
        int nearestFacility) {
    public GapArea {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(cellIndices, "cellIndices");
        if (cellIndices.length != cellCount) {
            throw new IllegalArgumentException(
                    "Cell count " + cellCount + " differs from " + cellIndices.length + " cell indices");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GapArea that
                && rank == that.rank
                && area.equalsExact(that.area)
                && Double.compare(areaSquareMeters, that.areaSquareMeters) == 0
                && households == that.households
                && Arrays.equals(cellIndices, that.cellIndices)
                && Double.compare(nearestFacilityDistanceMeters, that.nearestFacilityDistanceMeters) == 0
                && nearestFacility == that.nearestFacility;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rank, households, Arrays.hashCode(cellIndices));
    }

    @Override
    public String toString() {
        return "GapArea[rank " + rank + ", " + households + " households, " + cellCount + " cells, nearest "
                + nearestFacilityDistanceMeters + " m]";
    }
}
