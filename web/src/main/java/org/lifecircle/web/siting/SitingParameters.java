package org.lifecircle.web.siting;

import java.util.List;

/**
 * A validated {@code siting} request.
 *
 * @param type the facility type to site
 * @param sites at most this many new sites
 * @param targetPercent stop once existing and new sites cover this percentage of households; null
 *     for no target (exactly {@code sites} sites unless candidates run out of gain)
 * @param thresholdMeters a site covers cells within this walking distance (default the type's
 *     service radius)
 * @param candidates the planner's candidate points as {@code [lon, lat]}, or null to take the
 *     centroids of the gap cells of the type
 * @param maxCandidates gap-cell candidates kept, those with most households first
 */
record SitingParameters(
        String kind,
        String type,
        int sites,
        Double targetPercent,
        double thresholdMeters,
        List<double[]> candidates,
        int maxCandidates) {}
