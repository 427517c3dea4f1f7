package org.lifecircle.core.coverage;

/**
 * The household-weighted walking centre of one community: the cell centroid from which the sum of
 * households × walking distance to every cell of the community is smallest.
 *
 * @param communityIndex the community
 * @param centreCell the chosen cell, -1 when the community has no cell on the network
 * @param lon longitude of the chosen cell's centroid (EPSG:4326), NaN without a centre
 * @param lat latitude of the chosen cell's centroid (EPSG:4326), NaN without a centre
 * @param cellCount cells of the community
 * @param households households of the community
 * @param reachedHouseholds households of the cells weighed: on the community's main network component
 *     within the search limit of its anchor cell; the rest are not weighed
 * @param householdMeters the minimised sum of households × walking distance over the weighed cells
 * @param meanWalkMeters {@code householdMeters / reachedHouseholds}, 0 when no households are reached,
 *     NaN without a centre
 * @param maxWalkMeters the longest walk from the centre to a weighed cell with households, 0 when
 *     there is none, NaN without a centre
 * @param candidateCount cells that were candidates (the weighed cells)
 * @param searchCount shortest-path searches run for this community: the anchor's (one per doubling of
 *     its bound), one per further landmark, one per candidate evaluated and one for the winner unless
 *     it is a landmark; usually a few percent of {@code candidateCount} thanks to the lower bounds
 */
public record CentreLocation(
        int communityIndex,
        int centreCell,
        double lon,
        double lat,
        int cellCount,
        long households,
        long reachedHouseholds,
        double householdMeters,
        double meanWalkMeters,
        double maxWalkMeters,
        int candidateCount,
        int searchCount) {

    /** Whether a centre was found. */
    public boolean hasCentre() {
        return centreCell >= 0;
    }
}
