package org.lifecircle.core.boundary;

import org.lifecircle.core.standards.StandardsCatalog;

/**
 * What a good plan is and how long to look for one.
 *
 * @param minHouseholds a community needs at least this many households
 * @param maxHouseholds and at most this many
 * @param targetHouseholds the ideal size the balance term pulls towards
 * @param balanceWeight weight of Σ ((h − target) / target)² over the communities the search may change
 * @param compactnessWeight weight of Σ (1 − Polsby–Popper) over them (Polsby &amp; Popper 1991:
 *     4πA / P², 1 for a disc)
 * @param changeWeight weight of the households assigned away from their community of today, in
 *     units of the target (moving a whole target-sized community costs {@code changeWeight})
 * @param scope which communities the search may change
 * @param ringDepth with {@link Scope#AROUND_VIOLATIONS}, how many rings of neighbours around the
 *     communities out of range also take part, {@code >= 0}
 * @param seed seeds the search; same inputs, seed and iteration budget give the same plan
 * @param iterationsPerCell search moves tried per cell that takes part, {@code >= 0}
 * @param timeLimitMillis the search stops at this wall-clock budget with the best plan so far
 * @param arterialsForIslands whether an area that hard breaks cut off and that holds fewer than the
 *     minimum may join a neighbour across an arterial ({@link IslandBridges}); {@code false} keeps
 *     every hard break closed and reports such areas as infeasible
 */
public record RegionalizationOptions(
        long minHouseholds,
        long maxHouseholds,
        long targetHouseholds,
        double balanceWeight,
        double compactnessWeight,
        double changeWeight,
        Scope scope,
        int ringDepth,
        long seed,
        int iterationsPerCell,
        long timeLimitMillis,
        boolean arterialsForIslands) {

    /** Which communities the search may change. */
    public enum Scope {
        /**
         * Communities out of range or not contiguous, the parts they were split into, and their
         * neighbours up to {@link #ringDepth()} rings out; every other community keeps its cells.
         * A plan that already meets the bounds comes back unchanged.
         */
        AROUND_VIOLATIONS,
        /** Every community, as tools that ignore today's boundaries do. */
        ALL
    }

    public static final double DEFAULT_BALANCE_WEIGHT = 1.0;
    public static final double DEFAULT_COMPACTNESS_WEIGHT = 0.3;
    public static final double DEFAULT_CHANGE_WEIGHT = 1.0;
    public static final int DEFAULT_RING_DEPTH = 2;
    public static final int DEFAULT_ITERATIONS_PER_CELL = 300;
    public static final long DEFAULT_TIME_LIMIT_MILLIS = 30_000;

    public RegionalizationOptions {
        if (!(0 <= minHouseholds && minHouseholds <= targetHouseholds && targetHouseholds <= maxHouseholds)) {
            throw new IllegalArgumentException("Households must satisfy 0 <= min <= target <= max, got " + minHouseholds
                    + ", " + targetHouseholds + ", " + maxHouseholds);
        }
        if (targetHouseholds <= 0) {
            throw new IllegalArgumentException("The target must be positive: " + targetHouseholds);
        }
        if (!(balanceWeight >= 0) || !(compactnessWeight >= 0) || !(changeWeight >= 0)) {
            throw new IllegalArgumentException("Weights must be >= 0");
        }
        if (scope == null) {
            throw new IllegalArgumentException("scope is required");
        }
        if (ringDepth < 0 || iterationsPerCell < 0 || timeLimitMillis < 0) {
            throw new IllegalArgumentException("Ring depth, iterations and time limit must be >= 0");
        }
    }

    /** Community bounds of the catalog (1,000 / 3,000 / 5,000 nationally) with the default weights. */
    public static RegionalizationOptions communities(StandardsCatalog catalog) {
        return of(
                (long) catalog.value(StandardsCatalog.HOUSEHOLDS_MIN),
                (long) catalog.value(StandardsCatalog.HOUSEHOLDS_TARGET),
                (long) catalog.value(StandardsCatalog.HOUSEHOLDS_MAX));
    }

    /** Any household range with the default weights, scope, seed 1 and limits. */
    public static RegionalizationOptions of(long min, long target, long max) {
        return new RegionalizationOptions(
                min,
                max,
                target,
                DEFAULT_BALANCE_WEIGHT,
                DEFAULT_COMPACTNESS_WEIGHT,
                DEFAULT_CHANGE_WEIGHT,
                Scope.AROUND_VIOLATIONS,
                DEFAULT_RING_DEPTH,
                1,
                DEFAULT_ITERATIONS_PER_CELL,
                DEFAULT_TIME_LIMIT_MILLIS,
                true);
    }

    public RegionalizationOptions withSeed(long value) {
        return new RegionalizationOptions(
                minHouseholds,
                maxHouseholds,
                targetHouseholds,
                balanceWeight,
                compactnessWeight,
                changeWeight,
                scope,
                ringDepth,
                value,
                iterationsPerCell,
                timeLimitMillis,
                arterialsForIslands);
    }

    public RegionalizationOptions withScope(Scope value) {
        return new RegionalizationOptions(
                minHouseholds,
                maxHouseholds,
                targetHouseholds,
                balanceWeight,
                compactnessWeight,
                changeWeight,
                value,
                ringDepth,
                seed,
                iterationsPerCell,
                timeLimitMillis,
                arterialsForIslands);
    }

    public RegionalizationOptions withWeights(double balance, double compactness, double change) {
        return new RegionalizationOptions(
                minHouseholds,
                maxHouseholds,
                targetHouseholds,
                balance,
                compactness,
                change,
                scope,
                ringDepth,
                seed,
                iterationsPerCell,
                timeLimitMillis,
                arterialsForIslands);
    }

    public RegionalizationOptions withIterationsPerCell(int value) {
        return new RegionalizationOptions(
                minHouseholds,
                maxHouseholds,
                targetHouseholds,
                balanceWeight,
                compactnessWeight,
                changeWeight,
                scope,
                ringDepth,
                seed,
                value,
                timeLimitMillis,
                arterialsForIslands);
    }

    public RegionalizationOptions withTimeLimitMillis(long value) {
        return new RegionalizationOptions(
                minHouseholds,
                maxHouseholds,
                targetHouseholds,
                balanceWeight,
                compactnessWeight,
                changeWeight,
                scope,
                ringDepth,
                seed,
                iterationsPerCell,
                value,
                arterialsForIslands);
    }

    public RegionalizationOptions withArterialsForIslands(boolean value) {
        return new RegionalizationOptions(
                minHouseholds,
                maxHouseholds,
                targetHouseholds,
                balanceWeight,
                compactnessWeight,
                changeWeight,
                scope,
                ringDepth,
                seed,
                iterationsPerCell,
                timeLimitMillis,
                value);
    }

    /** Whether a community of this many households is within the bounds. */
    public boolean inRange(long households) {
        return households >= minHouseholds && households <= maxHouseholds;
    }
}
