package org.lifecircle.core.coverage;

/**
 * Coverage of one community (or of all cells, community index -1) by one facility type.
 *
 * @param communityIndex the community, -1 for the total over all cells
 * @param cellCount cells of the community
 * @param coveredCellCount of those, cells within the threshold
 * @param households households of the community
 * @param coveredHouseholds households of covered cells
 */
public record CommunityCoverage(
        int communityIndex, int cellCount, int coveredCellCount, long households, long coveredHouseholds) {
    public CommunityCoverage {
        if (coveredCellCount < 0 || coveredCellCount > cellCount) {
            throw new IllegalArgumentException("Covered cells " + coveredCellCount + " not in [0, " + cellCount + "]");
        }
        if (coveredHouseholds < 0 || coveredHouseholds > households) {
            throw new IllegalArgumentException(
                    "Covered households " + coveredHouseholds + " not in [0, " + households + "]");
        }
    }

    public long uncoveredHouseholds() {
        return households - coveredHouseholds;
    }

    /**
     * Covered households in percent of all households; 100 when there are no households, since
     * nobody is left out.
     */
    public double coveredPercent() {
        return households == 0 ? 100.0 : 100.0 * coveredHouseholds / households;
    }
}
