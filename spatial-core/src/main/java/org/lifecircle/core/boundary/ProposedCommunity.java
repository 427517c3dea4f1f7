package org.lifecircle.core.boundary;

/**
 * One community of a plan.
 *
 * @param index its number in the plan (the value in {@link RegionalizationResult#communityOfCell()})
 * @param continuesCommunity today's community it continues, because it holds the majority of that
 *     community's households (it keeps that community's name and code); -1 for a new community
 * @param households households of its cells
 * @param cells number of cells
 * @param areaSquareMeters sum of its cells' areas
 * @param polsbyPopper compactness 4πA / P² in (0, 1]
 * @param deviationPercent (households − target) / target × 100
 * @param status where its households fall against the bounds
 * @param reason why it is out of range, {@link Infeasibility#NONE} when it is not
 */
public record ProposedCommunity(
        int index,
        int continuesCommunity,
        long households,
        int cells,
        double areaSquareMeters,
        double polsbyPopper,
        double deviationPercent,
        Status status,
        Infeasibility reason) {

    /** Against the household bounds. */
    public enum Status {
        IN_RANGE,
        UNDER,
        OVER
    }

    /** Why a community could not be brought within the bounds. */
    public enum Infeasibility {
        NONE,
        /** One of its cells alone holds more households than the maximum. */
        SINGLE_CELL_OVER_MAX,
        /**
         * It lies in an area that hard breaks cut off from everything else and that holds fewer
         * households than the minimum, and none of the breaks may be crossed (rivers, rail, a
         * subdistrict border): there is nothing to join.
         */
        ISLAND_TOO_SMALL,
        /** A feasible plan may exist, but the search did not find one within its budget. */
        NOT_RESOLVED
    }
}
