package org.lifecircle.core.coverage;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Coverage of population cells by the facilities of one type: per cell, per community and in total.
 *
 * <p>The per-cell arrays are owned by this record: the accessors return them without copying, and
 * callers must not modify them.
 *
 * @param options threshold, search limit and speed used
 * @param distanceMeters per cell, the walking distance to the nearest facility (off-network walks at
 *     both ends included); {@code +∞} when the cell is unsnapped, unreachable or beyond the search
 *     limit
 * @param nearestFacility per cell, the index of that facility in the input list, -1 when the distance
 *     is {@code +∞}
 * @param communities one entry per community, entry {@code c} for community {@code c}
 * @param total all cells, including cells in no community (community index -1)
 * @param unsnappedCellCount cells whose centroid did not snap (never covered)
 * @param unsnappedFacilityCount facilities that did not snap (serve nobody)
 */
public record TypeCoverage(
        CoverageOptions options,
        double[] distanceMeters,
        int[] nearestFacility,
        List<CommunityCoverage> communities,
        CommunityCoverage total,
        int unsnappedCellCount,
        int unsnappedFacilityCount) {
    public TypeCoverage {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(distanceMeters, "distanceMeters");
        Objects.requireNonNull(nearestFacility, "nearestFacility");
        Objects.requireNonNull(total, "total");
        communities = List.copyOf(communities);
        if (distanceMeters.length != nearestFacility.length) {
            throw new IllegalArgumentException("One distance and one nearest facility per cell");
        }
    }

    public int cellCount() {
        return distanceMeters.length;
    }

    /** Walking distance of a cell to the nearest facility, {@code +∞} when beyond the search limit. */
    public double distanceMeters(int cell) {
        return distanceMeters[cell];
    }

    /** Walking time of a cell to the nearest facility at the options' speed, {@code +∞} likewise. */
    public double walkSeconds(int cell) {
        return distanceMeters[cell] / options.walkSpeedMetersPerSecond();
    }

    /** The nearest facility of a cell, -1 when none is within the search limit. */
    public int nearestFacility(int cell) {
        return nearestFacility[cell];
    }

    /** Whether a cell is within the threshold of a facility. */
    public boolean covered(int cell) {
        return distanceMeters[cell] <= options.thresholdMeters();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypeCoverage that
                && options.equals(that.options)
                && Arrays.equals(distanceMeters, that.distanceMeters)
                && Arrays.equals(nearestFacility, that.nearestFacility)
                && communities.equals(that.communities)
                && total.equals(that.total)
                && unsnappedCellCount == that.unsnappedCellCount
                && unsnappedFacilityCount == that.unsnappedFacilityCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, Arrays.hashCode(distanceMeters), communities, total);
    }

    @Override
    public String toString() {
        return "TypeCoverage[" + cellCount() + " cells, threshold " + options.thresholdMeters() + " m, covered "
                + total.coveredHouseholds() + " of " + total.households() + " households]";
    }
}
