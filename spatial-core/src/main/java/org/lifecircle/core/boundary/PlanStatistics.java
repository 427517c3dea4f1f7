package org.lifecircle.core.boundary;

/**
 * How a plan measures up, for the before/after table.
 *
 * @param communities communities with at least one cell
 * @param outOfRange of those, with households outside [min, max]
 * @param meanAbsoluteDeviation mean |households − target| over the communities
 * @param householdsMoved households assigned away from their community of today
 * @param meanPolsbyPopper mean Polsby–Popper compactness 4πA / P²
 */
public record PlanStatistics(
        int communities, int outOfRange, double meanAbsoluteDeviation, long householdsMoved, double meanPolsbyPopper) {

    static PlanStatistics of(Partition partition, RegionalizationOptions options, long householdsMoved) {
        int communities = 0;
        int outOfRange = 0;
        double deviation = 0;
        double compactness = 0;
        for (int r = 0; r < partition.regionCount; r++) {
            if (partition.size[r] == 0) {
                continue;
            }
            communities++;
            if (!options.inRange(partition.households[r])) {
                outOfRange++;
            }
            deviation += Math.abs(partition.households[r] - options.targetHouseholds());
            compactness += partition.polsbyPopper(r);
        }
        return new PlanStatistics(
                communities,
                outOfRange,
                communities == 0 ? 0 : deviation / communities,
                householdsMoved,
                communities == 0 ? 0 : compactness / communities);
    }
}
