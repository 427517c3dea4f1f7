package org.lifecircle.core.boundary;

/**
 * A community of a plan being edited, measured after the latest edit.
 *
 * @param community its index in the plan
 * @param households households of its cells
 * @param cells number of cells (0 for a community emptied by edits)
 * @param areaSquareMeters sum of its cells' areas
 * @param polsbyPopper compactness 4πA / P², 0 when empty
 * @param deviationPercent (households − target) / target × 100
 * @param status against the household bounds
 * @param contiguous whether its cells are connected over soft adjacencies (an empty community is not)
 */
public record CommunityMetrics(
        int community,
        long households,
        int cells,
        double areaSquareMeters,
        double polsbyPopper,
        double deviationPercent,
        ProposedCommunity.Status status,
        boolean contiguous) {}
