package org.lifecircle.core.siting;

import java.util.Arrays;
import org.lifecircle.core.siting.SitingResult.SwapStop;

/**
 * Stage 4 of {@link MaximalCoveringLocation}: vertex substitution after Teitz &amp; Bart. For each
 * unchosen candidate in index order, the chosen site whose trade for it gains most; an improving
 * trade is applied at once; passes repeat until a pass finds none, or a limit is hit.
 *
 * <p>The delta of trading chosen site {@code s} for candidate {@code c} is {@code g(c) − loss(s) +
 * credit(s, c)}: {@code g(c)} covers what nobody does, {@code loss(s)} is what only {@code s} covers,
 * {@code credit(s, c)} what only {@code s} covers and {@code c} covers too. One sweep of {@code c}'s
 * row yields {@code g(c)} and all credits (via the sole coverer kept by {@link Selection}), so the
 * {@code p} trades of a candidate cost O(|row(c)| + p). A candidate with {@code g(c) = 0} cannot
 * improve (a credit never exceeds its loss) and costs one sweep. Not thread-safe.
 */
final class SwapPhase {
    private final CoverageRelation relation;
    private final Selection selection;
    private final int maxPasses;
    private final TimeBudget budget;
    int swaps;
    int passes;
    SwapStop stop = SwapStop.SKIPPED;

    SwapPhase(CoverageRelation relation, Selection selection, int maxPasses, TimeBudget budget) {
        this.relation = relation;
        this.selection = selection;
        this.maxPasses = maxPasses;
        this.budget = budget;
    }

    void run() {
        int p = selection.size;
        if (maxPasses == 0 || p == 0) {
            return;
        }
        long[] loss = new long[p];
        long[] credit = new long[p];
        recomputeLoss(loss);
        int[] cells = relation.cellsOfCandidate;
        int[] start = relation.candidateStart;
        int[] h = relation.openHouseholds;
        stop = SwapStop.PASS_LIMIT;
        while (passes < maxPasses) {
            passes++;
            boolean improved = false;
            for (int c = 0; c < relation.candidateCount; c++) {
                if (budget.exhausted()) {
                    stop = SwapStop.TIME_LIMIT;
                    return;
                }
                if (selection.isChosen(c)) {
                    continue;
                }
                long fresh = selection.gainOf(c);
                if (fresh == 0) {
                    continue;
                }
                for (int k = start[c]; k < start[c + 1]; k++) {
                    int i = cells[k];
                    if (selection.coverCount[i] == 1) {
                        credit[selection.positionOf[selection.soleCovererOf(i)]] += h[i];
                    }
                }
                int bestPosition = -1;
                long bestDelta = 0;
                for (int s = 0; s < p; s++) {
                    long delta = fresh - loss[s] + credit[s];
                    if (delta > bestDelta) {
                        bestDelta = delta;
                        bestPosition = s;
                    }
                }
                Arrays.fill(credit, 0);
                if (bestPosition >= 0) {
                    selection.replace(bestPosition, c);
                    swaps++;
                    improved = true;
                    recomputeLoss(loss);
                }
            }
            if (!improved) {
                stop = SwapStop.CONVERGED;
                return;
            }
        }
    }

    private void recomputeLoss(long[] loss) {
        for (int s = 0; s < loss.length; s++) {
            loss[s] = selection.exclusiveOf(s);
        }
    }
}
