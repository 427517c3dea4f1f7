package org.lifecircle.core.siting;

import org.lifecircle.core.siting.SitingResult.GreedyStop;

/**
 * Stage 3 of {@link MaximalCoveringLocation}: add the candidate covering the most open households not
 * yet covered until the site limit, the target, or no gain; optionally with a forced first site.
 * Plain or lazy (Minoux) evaluation; both pick the same sequence. Not thread-safe.
 */
final class GreedyPhase {
    private final CoverageRelation relation;
    private final Selection selection;
    private final SitingOptions options;
    private final long total;
    private final long existingCovered;
    private final int maxSites;
    final int[] picks;
    final long[] gains;
    int count;
    long evaluations;
    GreedyStop stop = GreedyStop.NO_GAIN;

    GreedyPhase(
            CoverageRelation relation,
            Selection selection,
            SitingOptions options,
            long total,
            long existingCovered,
            int maxSites) {
        this.relation = relation;
        this.selection = selection;
        this.options = options;
        this.total = total;
        this.existingCovered = existingCovered;
        this.maxSites = maxSites;
        this.picks = new int[maxSites];
        this.gains = new long[maxSites];
    }

    /**
     * Runs from an empty selection.
     *
     * @param forcedFirst a candidate to take first whatever its gain, -1 for none
     */
    void run(int forcedFirst) {
        if (targetMet()) {
            stop = GreedyStop.TARGET_MET;
            return;
        }
        if (maxSites == 0) {
            stop = GreedyStop.SITE_LIMIT;
            return;
        }
        if (forcedFirst >= 0) {
            evaluations++;
            if (!accept(forcedFirst, selection.gainOf(forcedFirst))) {
                return;
            }
        }
        if (options.lazyEvaluation()) {
            runLazy();
        } else {
            runPlain();
        }
    }

    /** Adds a pick; false when the phase must stop (no gain, target met, site limit). */
    private boolean accept(int candidate, long gain) {
        if (gain <= 0) {
            stop = GreedyStop.NO_GAIN;
            return false;
        }
        selection.add(candidate);
        picks[count] = candidate;
        gains[count] = gain;
        count++;
        if (targetMet()) {
            stop = GreedyStop.TARGET_MET;
            return false;
        }
        if (count == maxSites) {
            stop = GreedyStop.SITE_LIMIT;
            return false;
        }
        return true;
    }

    private boolean targetMet() {
        return options.hasTarget()
                && 100.0 * (existingCovered + selection.coveredHouseholds) >= options.targetCoveredPercent() * total;
    }

    private void runPlain() {
        while (true) {
            int best = -1;
            long bestGain = 0;
            for (int c = 0; c < relation.candidateCount; c++) {
                if (selection.isChosen(c)) {
                    continue;
                }
                long gain = selection.gainOf(c);
                evaluations++;
                if (gain > bestGain) {
                    best = c;
                    bestGain = gain;
                }
            }
            if (!accept(best, bestGain)) {
                return;
            }
        }
    }

    /**
     * Minoux's accelerated greedy. Submodularity makes a stale gain an upper bound of the current
     * one, so the heap holds stale gains and only its top is refreshed. A popped candidate refreshed
     * in this round is exact and maximal; otherwise it is refreshed and taken if it still comes before
     * the next key in the heap's order (gain descending, index ascending — the plain greedy's tie
     * rule), else pushed back.
     */
    private void runLazy() {
        int candidates = relation.candidateCount;
        GainHeap heap = new GainHeap(candidates);
        int[] refreshedInRound = new int[candidates];
        for (int c = 0; c < candidates; c++) {
            if (selection.isChosen(c)) {
                continue;
            }
            long gain = selection.gainOf(c);
            evaluations++;
            if (gain > 0) {
                heap.push(c, gain);
            }
        }
        int round = 0;
        while (true) {
            int pick = -1;
            long pickGain = 0;
            while (!heap.isEmpty()) {
                long key = heap.peekKey();
                int top = heap.poll();
                if (refreshedInRound[top] == round) {
                    pick = top;
                    pickGain = key;
                    break;
                }
                long gain = selection.gainOf(top);
                evaluations++;
                refreshedInRound[top] = round;
                if (gain <= 0) {
                    continue;
                }
                if (heap.isEmpty() || GainHeap.before(top, gain, heap.peekItem(), heap.peekKey())) {
                    pick = top;
                    pickGain = gain;
                    break;
                }
                heap.push(top, gain);
            }
            if (!accept(pick, pickGain)) {
                return;
            }
            round++;
        }
    }
}
