package org.lifecircle.web.coverage;

import java.util.List;

/**
 * The coverage change a hypothetical facility would make, per community and in total.
 *
 * @param offNetworkMeters the walk from the point to the street it joins
 * @param newlyCoveredCells cells that only the new facility brings within the threshold
 * @param communities the communities whose coverage changes, most added households first
 * @param computeMillis time spent on the answer after the baseline was available
 */
record WhatIfResult(
        String type,
        double lon,
        double lat,
        double thresholdMeters,
        double offNetworkMeters,
        long households,
        long coveredHouseholdsBefore,
        long coveredHouseholdsAfter,
        double coveredPercentBefore,
        double coveredPercentAfter,
        int newlyCoveredCells,
        List<CommunityChange> communities,
        double computeMillis) {

    /** One community's change. */
    record CommunityChange(
            long id,
            String code,
            String name,
            long households,
            long coveredHouseholdsBefore,
            long coveredHouseholdsAfter,
            double coveredPercentBefore,
            double coveredPercentAfter) {}
}
