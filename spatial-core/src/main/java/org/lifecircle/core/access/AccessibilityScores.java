package org.lifecircle.core.access;

import java.util.Arrays;
import java.util.Objects;

/**
 * Result of a floating-catchment accessibility analysis for one facility type.
 *
 * <p>The arrays are owned by this record: the accessors return them without copying, and callers
 * must not modify them.
 *
 * @param options catchment and decay used
 * @param scorePerCell accessibility {@code A_i} per cell: supply units per unit of demand (e.g. m² of
 *     floor area, or places, per resident) reachable from the cell, decay-weighted; 0 for a cell no
 *     facility reaches
 * @param facilityRatio supply-to-demand ratio {@code R_j} per facility: its supply over the
 *     decay-weighted demand in its catchment; 0 when that demand is 0 (the facility serves nobody)
 * @param facilityWeightedDemand the denominator {@code Σ_i W(d_ij) P_i} per facility
 * @param facilityCellCount cells with a positive weight in each facility's catchment
 * @param pairCount stored (cell, facility) pairs with positive weight, the size of the sparse matrix
 * @param servedSupply {@code Σ_j S_j} over facilities with positive weighted demand; equals {@code
 *     Σ_i P_i A_i} up to rounding (see {@link TwoStepFloatingCatchment})
 */
public record AccessibilityScores(
        CatchmentOptions options,
        double[] scorePerCell,
        double[] facilityRatio,
        double[] facilityWeightedDemand,
        int[] facilityCellCount,
        long pairCount,
        double servedSupply) {
    public AccessibilityScores {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scorePerCell, "scorePerCell");
        Objects.requireNonNull(facilityRatio, "facilityRatio");
        Objects.requireNonNull(facilityWeightedDemand, "facilityWeightedDemand");
        Objects.requireNonNull(facilityCellCount, "facilityCellCount");
        if (facilityRatio.length != facilityWeightedDemand.length || facilityRatio.length != facilityCellCount.length) {
            throw new IllegalArgumentException("One ratio, weighted demand and cell count per facility");
        }
    }

    public double score(int cell) {
        return scorePerCell[cell];
    }

    public double ratio(int facility) {
        return facilityRatio[facility];
    }

    /** Whether a facility has any demand in its catchment (and so counts in {@link #servedSupply()}). */
    public boolean servesDemand(int facility) {
        return facilityWeightedDemand[facility] > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessibilityScores that
                && options.equals(that.options)
                && Arrays.equals(scorePerCell, that.scorePerCell)
                && Arrays.equals(facilityRatio, that.facilityRatio)
                && Arrays.equals(facilityWeightedDemand, that.facilityWeightedDemand)
                && Arrays.equals(facilityCellCount, that.facilityCellCount)
                && pairCount == that.pairCount
                && Double.compare(servedSupply, that.servedSupply) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, Arrays.hashCode(scorePerCell), Arrays.hashCode(facilityRatio), pairCount);
    }

    @Override
    public String toString() {
        return "AccessibilityScores[" + scorePerCell.length + " cells, " + facilityRatio.length + " facilities, "
                + pairCount + " pairs, " + options + "]";
    }
}
