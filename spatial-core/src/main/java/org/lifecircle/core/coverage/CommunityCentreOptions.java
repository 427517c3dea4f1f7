package org.lifecircle.core.coverage;

/**
 * Parameters of {@link CommunityCentre}, validated on construction.
 *
 * @param searchLimitMeters cells farther than this from the community's anchor cell (its most
 *     populous cell on its main network component) are reported as unreached and do not weigh on the
 *     centre, {@code > 0}, may be {@code +∞}. Default 10,000 m: no community spans that on foot (a
 *     5,000-household community at urban densities is about 1 km across), so only data errors are cut
 *     off, while a search never floods a whole city graph.
 * @param landmarkCount cells whose distances to all others give the lower bounds that spare exact
 *     searches, in [1, 16]. Default 3: the anchor and two farthest-point picks; more landmarks tighten
 *     the bounds by less than each costs.
 */
public record CommunityCentreOptions(double searchLimitMeters, int landmarkCount) {
    public static final double DEFAULT_SEARCH_LIMIT_METERS = 10_000;
    public static final int DEFAULT_LANDMARK_COUNT = 3;
    private static final int MAX_LANDMARK_COUNT = 16;

    public CommunityCentreOptions {
        if (!(searchLimitMeters > 0)) {
            throw new IllegalArgumentException("Search limit must be positive metres: " + searchLimitMeters);
        }
        if (landmarkCount < 1 || landmarkCount > MAX_LANDMARK_COUNT) {
            throw new IllegalArgumentException(
                    "Landmark count must be in [1, " + MAX_LANDMARK_COUNT + "]: " + landmarkCount);
        }
    }

    public static CommunityCentreOptions defaults() {
        return new CommunityCentreOptions(DEFAULT_SEARCH_LIMIT_METERS, DEFAULT_LANDMARK_COUNT);
    }

    public CommunityCentreOptions withSearchLimitMeters(double meters) {
        return new CommunityCentreOptions(meters, landmarkCount);
    }

    public CommunityCentreOptions withLandmarkCount(int count) {
        return new CommunityCentreOptions(searchLimitMeters, count);
    }
}
