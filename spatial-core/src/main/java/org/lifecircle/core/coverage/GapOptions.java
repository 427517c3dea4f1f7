package org.lifecircle.core.coverage;

/**
 * Which uncovered cells form gap areas and which gaps are reported.
 *
 * @param includeEmptyCells whether uncovered cells without households (parks, water, industry) join
 *     gaps. Default {@code false}: a gap is where people are unserved, and empty cells would only
 *     bridge separate gaps into one.
 * @param minGapHouseholds gaps with fewer households are dropped, {@code >= 0}; default 0 keeps all
 */
public record GapOptions(boolean includeEmptyCells, long minGapHouseholds) {
    public GapOptions {
        if (minGapHouseholds < 0) {
            throw new IllegalArgumentException("Minimum gap households must be >= 0: " + minGapHouseholds);
        }
    }

    /** Populated cells only, every gap reported. */
    public static GapOptions defaults() {
        return new GapOptions(false, 0);
    }

    public GapOptions withIncludeEmptyCells(boolean include) {
        return new GapOptions(include, minGapHouseholds);
    }

    public GapOptions withMinGapHouseholds(long households) {
        return new GapOptions(includeEmptyCells, households);
    }
}
