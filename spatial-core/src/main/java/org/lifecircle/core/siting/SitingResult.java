package org.lifecircle.core.siting;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Proposed new sites for one facility type and the coverage they reach.
 *
 * <p>The arrays are owned by this record: the accessors return them without copying, and callers
 * must not modify them.
 *
 * @param sites the final proposal in build order (see {@link SiteChoice#order()}); may be shorter than
 *     the options' maximum when the target is met, no candidate adds households, or a site ends up
 *     adding nobody once the others are built (it is then dropped)
 * @param totalHouseholds households of all cells
 * @param existingCoveredHouseholds households within the threshold of an existing facility
 * @param coveredHouseholds households covered by existing facilities and the proposal
 * @param coverageCurvePercent element {@code m} is the coverage in percent after building the first
 *     {@code m} proposed sites; element 0 is existing facilities only
 * @param greedyCandidates candidates in the order the greedy phase of the winning run picked them,
 *     before swaps (its first is {@code startCandidate} when that is not -1)
 * @param greedyAddedHouseholds each of those picks' marginal gain at the time it was picked
 * @param greedyStop why that greedy phase stopped adding sites
 * @param swapCount improving swaps applied in the winning run
 * @param swapPasses passes over the candidates in the winning run's swap phase
 * @param swapStop why the winning run's swap phase stopped
 * @param startCandidate the candidate the winning run was forced to start from, -1 for the unforced
 *     greedy
 * @param runCount greedy-plus-swap runs made: 1 plus the restarts that ran
 * @param timeLimitReached whether the time limit cut swaps or restarts short; only then can the
 *     result differ between runs on the same inputs
 * @param openCellCount cells with households that no existing facility covers (and that are on the
 *     network): the only cells a new site can win
 * @param coveragePairCount (candidate, open cell) pairs within the threshold
 * @param gainEvaluations marginal gains computed in all greedy phases
 */
public record SitingResult(
        List<SiteChoice> sites,
        long totalHouseholds,
        long existingCoveredHouseholds,
        long coveredHouseholds,
        double[] coverageCurvePercent,
        int[] greedyCandidates,
        long[] greedyAddedHouseholds,
        GreedyStop greedyStop,
        int swapCount,
        int swapPasses,
        SwapStop swapStop,
        int startCandidate,
        int runCount,
        boolean timeLimitReached,
        int openCellCount,
        long coveragePairCount,
        long gainEvaluations) {

    /** Why the greedy phase stopped. */
    public enum GreedyStop {
        /** The maximum number of new sites was reached. */
        SITE_LIMIT,
        /** Existing facilities and the sites so far cover the target percentage. */
        TARGET_MET,
        /** No remaining candidate covers any household not yet covered. */
        NO_GAIN
    }

    /** Why the swap phase stopped. */
    public enum SwapStop {
        /** Swaps were not run: no passes allowed or no site chosen. */
        SKIPPED,
        /** A full pass found no improving swap: the proposal is swap-optimal (a local optimum). */
        CONVERGED,
        /** The pass limit was reached while swaps still improved. */
        PASS_LIMIT,
        /** The time limit was reached. */
        TIME_LIMIT
    }

    public SitingResult {
        sites = List.copyOf(sites);
        Objects.requireNonNull(coverageCurvePercent, "coverageCurvePercent");
        Objects.requireNonNull(greedyCandidates, "greedyCandidates");
        Objects.requireNonNull(greedyAddedHouseholds, "greedyAddedHouseholds");
        Objects.requireNonNull(greedyStop, "greedyStop");
        Objects.requireNonNull(swapStop, "swapStop");
        if (coverageCurvePercent.length != sites.size() + 1) {
            throw new IllegalArgumentException("The coverage curve needs one point per site plus the start");
        }
    }

    /** Households the proposal adds. */
    public long addedHouseholds() {
        return coveredHouseholds - existingCoveredHouseholds;
    }

    /** Coverage with existing facilities and the proposal, percent; 100 when there are no households. */
    public double coveredPercent() {
        return coverageCurvePercent[coverageCurvePercent.length - 1];
    }

    /** Households the winning run's greedy phase covered (existing included), before swaps. */
    public long greedyCoveredHouseholds() {
        long sum = existingCoveredHouseholds;
        for (long added : greedyAddedHouseholds) {
            sum += added;
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SitingResult that
                && sites.equals(that.sites)
                && totalHouseholds == that.totalHouseholds
                && existingCoveredHouseholds == that.existingCoveredHouseholds
                && coveredHouseholds == that.coveredHouseholds
                && Arrays.equals(coverageCurvePercent, that.coverageCurvePercent)
                && Arrays.equals(greedyCandidates, that.greedyCandidates)
                && Arrays.equals(greedyAddedHouseholds, that.greedyAddedHouseholds)
                && greedyStop == that.greedyStop
                && swapCount == that.swapCount
                && swapPasses == that.swapPasses
                && swapStop == that.swapStop
                && startCandidate == that.startCandidate
                && runCount == that.runCount
                && timeLimitReached == that.timeLimitReached
                && openCellCount == that.openCellCount
                && coveragePairCount == that.coveragePairCount
                && gainEvaluations == that.gainEvaluations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sites, coveredHouseholds, Arrays.hashCode(greedyCandidates), swapCount);
    }

    @Override
    public String toString() {
        return "SitingResult[" + sites.size() + " sites, covered " + coveredHouseholds + " of " + totalHouseholds
                + " households (existing " + existingCoveredHouseholds + "), greedy " + greedyStop + ", swaps "
                + swapCount + " " + swapStop + ", " + runCount + " runs]";
    }
}
