package org.lifecircle.core.coverage;

import java.util.Objects;
import org.lifecircle.core.standards.FacilityTypeSpec;
import org.lifecircle.core.standards.StandardsCatalog;

/**
 * Parameters of a coverage analysis, validated on construction.
 *
 * @param thresholdMeters a cell is covered when its walking distance to the nearest facility is at
 *     most this, {@code > 0} and finite: the type's service radius (GB 50180-2018 附录 B, e.g. 300 m
 *     for a kindergarten) or speed × time of a life circle
 * @param searchLimitMeters how far distances are measured, {@code >= thresholdMeters}, may be {@code
 *     +∞}: cells farther from every facility report {@code +∞}. The search costs what the area within
 *     this limit costs, so it is the one knob for speed. See {@link #defaultSearchLimitMeters(double)}.
 * @param walkSpeedMetersPerSecond converts distances to walking times, in (0, 10]
 */
public record CoverageOptions(double thresholdMeters, double searchLimitMeters, double walkSpeedMetersPerSecond) {
    /**
     * The search limit never goes below this: 3,000 m is 50 minutes at 1 m/s, beyond which a
     * walking distance stops being a planning number (the brief's longest life circle is 15
     * minutes), while a map of distances up to it still shows how far a gap is from service.
     */
    public static final double MIN_DEFAULT_SEARCH_LIMIT_METERS = 3000;
    /** Default limit as a multiple of the threshold, for thresholds above 1,000 m. */
    public static final double DEFAULT_SEARCH_LIMIT_FACTOR = 3;

    private static final double MAX_WALK_SPEED_METERS_PER_SECOND = 10;

    public CoverageOptions {
        if (!(thresholdMeters > 0) || Double.isInfinite(thresholdMeters)) {
            throw new IllegalArgumentException("Threshold must be positive and finite metres: " + thresholdMeters);
        }
        if (!(searchLimitMeters >= thresholdMeters)) {
            throw new IllegalArgumentException(
                    "Search limit must be >= the threshold " + thresholdMeters + " metres: " + searchLimitMeters);
        }
        if (!(walkSpeedMetersPerSecond > 0 && walkSpeedMetersPerSecond <= MAX_WALK_SPEED_METERS_PER_SECOND)) {
            throw new IllegalArgumentException("Walking speed must be in (0, " + MAX_WALK_SPEED_METERS_PER_SECOND
                    + "] m/s: " + walkSpeedMetersPerSecond);
        }
    }

    /** A distance threshold with the default search limit. */
    public static CoverageOptions ofMeters(double thresholdMeters, double walkSpeedMetersPerSecond) {
        return new CoverageOptions(
                thresholdMeters, defaultSearchLimitMeters(thresholdMeters), walkSpeedMetersPerSecond);
    }

    /** A walking-time threshold (minutes × 60 × speed metres) with the default search limit. */
    public static CoverageOptions ofWalkingMinutes(double thresholdMinutes, double walkSpeedMetersPerSecond) {
        if (!(thresholdMinutes > 0) || Double.isInfinite(thresholdMinutes)) {
            throw new IllegalArgumentException("Threshold must be positive and finite minutes: " + thresholdMinutes);
        }
        return ofMeters(thresholdMinutes * 60.0 * walkSpeedMetersPerSecond, walkSpeedMetersPerSecond);
    }

    /**
     * The threshold of a catalog facility type: its service radius, walked at the catalog's speed
     * ({@link StandardsCatalog#WALKING_SPEED}).
     */
    public static CoverageOptions forFacilityType(StandardsCatalog catalog, String typeCode) {
        Objects.requireNonNull(catalog, "catalog");
        FacilityTypeSpec spec = catalog.facilityType(typeCode);
        return ofMeters(spec.serviceRadiusMeters(), catalog.value(StandardsCatalog.WALKING_SPEED));
    }

    /** max(3,000 m, 3 × threshold). */
    public static double defaultSearchLimitMeters(double thresholdMeters) {
        return Math.max(MIN_DEFAULT_SEARCH_LIMIT_METERS, DEFAULT_SEARCH_LIMIT_FACTOR * thresholdMeters);
    }

    public CoverageOptions withSearchLimitMeters(double meters) {
        return new CoverageOptions(thresholdMeters, meters, walkSpeedMetersPerSecond);
    }

    /** The threshold as a walking time. */
    public double thresholdSeconds() {
        return thresholdMeters / walkSpeedMetersPerSecond;
    }
}
