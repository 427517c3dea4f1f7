package org.lifecircle.core.siting;

/**
 * One proposed new site.
 *
 * @param order 1 for the site to build first: sites are listed in greedy order within the final set,
 *     each adding the most households given the ones before it
 * @param candidateIndex position of the site in the candidate list
 * @param lon longitude of the candidate (EPSG:4326)
 * @param lat latitude of the candidate (EPSG:4326)
 * @param addedHouseholds households newly covered by this site given existing facilities and the
 *     sites before it in this order (its marginal gain)
 * @param exclusiveHouseholds households that only this site covers in the final proposal: what is
 *     lost if it alone is dropped
 * @param cumulativeCoveredHouseholds households covered by existing facilities and the sites up to
 *     and including this one
 * @param cumulativeCoveredPercent the same in percent of all households
 */
public record SiteChoice(
        int order,
        int candidateIndex,
        double lon,
        double lat,
        long addedHouseholds,
        long exclusiveHouseholds,
        long cumulativeCoveredHouseholds,
        double cumulativeCoveredPercent) {}
