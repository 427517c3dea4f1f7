package org.lifecircle.core.siting;

/**
 * Parameters of a maximal covering location run, validated on construction.
 *
 * @param thresholdMeters a cell is covered by a site within this walking distance, positive and
 *     finite: the facility type's service radius, as in the coverage analysis
 * @param maxNewSites at most this many new sites, {@code >= 1}
 * @param targetCoveredPercent stop adding sites once existing plus new sites cover this percentage
 *     of all households, in (0, 100]; NaN for no target (add up to {@code maxNewSites})
 * @param lazyEvaluation evaluate marginal gains lazily (Minoux's accelerated greedy); {@code false}
 *     recomputes every candidate's gain every round. Both pick the same sites; the flag exists to
 *     show that and to measure the saving. Default {@code true}.
 * @param maxSwapPasses passes of the swap improvement over all candidates, {@code >= 0}; 0 keeps the
 *     greedy solution. Default 100: swaps that still improve after that many passes are rare, and
 *     every pass costs one sweep of the coverage relation.
 * @param restarts extra greedy-plus-swap runs, each forced to start from one of the candidates that
 *     cover the most households on their own (the unforced greedy's first pick excluded), {@code >=
 *     0}; the run covering most wins. A swap-optimal proposal can still trail the optimum when
 *     reaching it takes two trades at once; a different first site usually leads elsewhere. Default
 *     8: on 1,000 random instances small enough to enumerate (12 candidates, 3 sites), greedy plus
 *     swaps alone missed the optimum in 5 (the worst at 88 % of it), with 2 restarts in 2, with 8 in
 *     none; each restart costs one more greedy and swap phase, milliseconds for thousands of
 *     candidates.
 * @param swapTimeLimitMillis wall-clock budget in milliseconds of all swap phases and restarts
 *     together, {@code >= 0}; 0 for none. Default 10,000 so an interactive request returns. When it
 *     cuts the work the result depends on machine speed and says so ({@link
 *     SitingResult#timeLimitReached()}); otherwise the run is deterministic.
 */
public record SitingOptions(
        double thresholdMeters,
        int maxNewSites,
        double targetCoveredPercent,
        boolean lazyEvaluation,
        int maxSwapPasses,
        int restarts,
        long swapTimeLimitMillis) {
    public static final int DEFAULT_MAX_SWAP_PASSES = 100;
    public static final int DEFAULT_RESTARTS = 8;
    public static final long DEFAULT_SWAP_TIME_LIMIT_MILLIS = 10_000;

    public SitingOptions {
        if (!(thresholdMeters > 0) || Double.isInfinite(thresholdMeters)) {
            throw new IllegalArgumentException("Threshold must be positive and finite metres: " + thresholdMeters);
        }
        if (maxNewSites < 1) {
            throw new IllegalArgumentException("At least one new site must be allowed: " + maxNewSites);
        }
        if (!Double.isNaN(targetCoveredPercent) && !(targetCoveredPercent > 0 && targetCoveredPercent <= 100)) {
            throw new IllegalArgumentException(
                    "Target coverage must be in (0, 100] percent or NaN for none: " + targetCoveredPercent);
        }
        if (maxSwapPasses < 0) {
            throw new IllegalArgumentException("Swap passes must be >= 0: " + maxSwapPasses);
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("Restarts must be >= 0: " + restarts);
        }
        if (swapTimeLimitMillis < 0) {
            throw new IllegalArgumentException("Swap time limit must be >= 0 ms: " + swapTimeLimitMillis);
        }
    }

    /** Up to k sites within a threshold: lazy greedy, swaps and restarts with the default limits, no target. */
    public static SitingOptions of(double thresholdMeters, int maxNewSites) {
        return new SitingOptions(
                thresholdMeters,
                maxNewSites,
                Double.NaN,
                true,
                DEFAULT_MAX_SWAP_PASSES,
                DEFAULT_RESTARTS,
                DEFAULT_SWAP_TIME_LIMIT_MILLIS);
    }

    public SitingOptions withTargetCoveredPercent(double percent) {
        return new SitingOptions(
                thresholdMeters, maxNewSites, percent, lazyEvaluation, maxSwapPasses, restarts, swapTimeLimitMillis);
    }

    public SitingOptions withLazyEvaluation(boolean lazy) {
        return new SitingOptions(
                thresholdMeters, maxNewSites, targetCoveredPercent, lazy, maxSwapPasses, restarts, swapTimeLimitMillis);
    }

    public SitingOptions withMaxSwapPasses(int passes) {
        return new SitingOptions(
                thresholdMeters,
                maxNewSites,
                targetCoveredPercent,
                lazyEvaluation,
                passes,
                restarts,
                swapTimeLimitMillis);
    }

    public SitingOptions withRestarts(int count) {
        return new SitingOptions(
                thresholdMeters,
                maxNewSites,
                targetCoveredPercent,
                lazyEvaluation,
                maxSwapPasses,
                count,
                swapTimeLimitMillis);
    }

    public SitingOptions withSwapTimeLimitMillis(long millis) {
        return new SitingOptions(
                thresholdMeters, maxNewSites, targetCoveredPercent, lazyEvaluation, maxSwapPasses, restarts, millis);
    }

    /** Whether a coverage target is set. */
    public boolean hasTarget() {
        return !Double.isNaN(targetCoveredPercent);
    }
}
