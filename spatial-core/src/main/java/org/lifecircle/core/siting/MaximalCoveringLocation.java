package org.lifecircle.core.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * Sites for new facilities of one type: the maximal covering location problem with existing
 * facilities fixed — choose up to k candidate sites so that the households within walking distance
 * of a facility (existing or new) are as many as possible.
 *
 * <p><b>Problem.</b> R. Church &amp; C. ReVelle, "The maximal covering location problem", Papers of
 * the Regional Science Association 32:101–118, 1974, doi:10.1007/BF01942293: maximise {@code Σ_i h_i
 * y_i} subject to {@code y_i ≤ Σ_{j ∈ N_i} x_j}, {@code Σ_j x_j = k}, where {@code N_i} are the sites
 * within the threshold of cell {@code i}. Existing facilities are locked in (their {@code x_j = 1}
 * fixed): the cells they cover count once in the baseline and are removed from the problem, so an
 * existing facility is never moved, never re-proposed and never counted as new.
 *
 * <p><b>Method</b>, in numbered stages:
 *
 * <ol>
 *   <li>baseline: one multi-source search from the existing facilities bounded by the threshold;
 *       cells within it are covered, the other populated snapped cells are <em>open</em>;
 *   <li>coverage relation: one search per candidate bounded by the threshold, candidate → open cells
 *       within it, in compressed sparse rows of {@code int}s ({@code CoverageRelation});
 *   <li>greedy: repeatedly add the candidate covering the most open households not yet covered (ties
 *       to the lowest candidate index), until k sites, the target percentage, or no candidate adds
 *       anyone. Coverage is a monotone submodular set function, so greedy reaches at least 1 − 1/e of
 *       the optimum (G. L. Nemhauser, L. A. Wolsey &amp; M. L. Fisher, "An analysis of approximations
 *       for maximizing submodular set functions — I", Mathematical Programming 14:265–294, 1978,
 *       doi:10.1007/BF01588971). Gains are evaluated lazily (M. Minoux, "Accelerated greedy algorithms
 *       for maximizing submodular set functions", Optimization Techniques, LNCIS 7:234–243, 1978,
 *       doi:10.1007/BFb0006528): by submodularity a stale gain bounds the current one, so only the top
 *       of a heap of stale gains is re-evaluated; with the tie rule of {@code GainHeap} the picks are
 *       identical to the plain greedy's;
 *   <li>swap improvement in the manner of the vertex substitution of M. B. Teitz &amp; P. Bart,
 *       "Heuristic methods for estimating the generalized vertex median of a weighted graph",
 *       Operations Research 16(5):955–961, 1968, doi:10.1287/opre.16.5.955 ({@code SwapPhase}): for
 *       each unchosen candidate in index order, the best chosen site to trade it for; an improving
 *       trade is applied at once; passes repeat until one finds nothing (a swap-optimal proposal) or
 *       a pass or time limit is hit;
 *   <li>restarts: stages 3–4 again, each run forced to take first one of the {@link
 *       SitingOptions#restarts()} candidates covering most households on their own (ties to the lowest
 *       index, the unforced greedy's first pick skipped); the run covering most wins (with a target:
 *       the run meeting it with fewest sites), ties to the earlier run. A swap-optimal proposal can
 *       sit two trades away from a better one; another first site leads the greedy elsewhere;
 *   <li>reporting: swaps invalidate the greedy marginals, so the final sites are re-ordered greedily
 *       among themselves and each site's gain is recomputed in that order ("build first the site that
 *       adds most"); without swaps this order and these gains equal the greedy phase's. The coverage
 *       curve and each site's exclusive households follow.
 * </ol>
 *
 * <p><b>IMPLEMENTATION NOTE.</b> Everything after stage 2 works on the {@code int} rows of the
 * coverage relation and per-open-cell counters ({@code Selection}); no search runs again. The swap
 * delta of all {@code p} trades for one candidate comes from one sweep of its row (see {@code
 * SwapPhase}), and the sole coverer of a singly covered cell is kept as a running sum of coverer
 * indices (see {@code Selection}).
 *
 * <p><b>Complexity.</b> Stage 2: one bounded search per candidate, O(C · ((n' + m') log n')) for C
 * candidates and n' nodes, m' adjacency entries within the threshold; memory O(pairs) {@code int}s.
 * Greedy: O(pairs) for the first round, then usually a few re-evaluations per pick. A swap pass:
 * O(pairs + C · p) for p sites, plus O(Σ rows of chosen sites) per applied swap. Restarts multiply
 * the greedy and swap work by at most 1 + restarts.
 *
 * <p>Deterministic for given inputs unless the time limit cuts swaps or restarts short, which the
 * result reports ({@link SitingResult#timeLimitReached()}). Not thread-safe: an instance reuses its
 * search; use one per thread, or the static {@link #of}.
 */
public final class MaximalCoveringLocation {
    private final WalkingGraph graph;
    private final DistanceSearch search;

    public MaximalCoveringLocation(WalkingGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.search = new DistanceSearch(graph);
    }

    /** Sites with a fresh search; see {@link #solve}. */
    public static SitingResult of(
            WalkingGraph graph,
            PopulationCells cells,
            List<SnappedPoint> existingFacilities,
            List<SnappedPoint> candidates,
            SitingOptions options) {
        return new MaximalCoveringLocation(graph)
                .solve(cells.centroids(), cells.households(), existingFacilities, candidates, options);
    }

    public WalkingGraph graph() {
        return graph;
    }

    /**
     * Chooses new sites.
     *
     * @param cells snapped cell centroids (same graph and snapping as the facilities)
     * @param households households per cell, {@code >= 0}
     * @param existingFacilities existing facilities of the type, locked; may be empty
     * @param candidates candidate sites: centroids of gap cells, or a planner's list; indices in the
     *     result are positions here; unsnapped ones are never chosen
     * @param options threshold, number of sites, target and search limits
     */
    public SitingResult solve(
            List<SnappedPoint> cells,
            int[] households,
            List<SnappedPoint> existingFacilities,
            List<SnappedPoint> candidates,
            SitingOptions options) {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(households, "households");
        Objects.requireNonNull(existingFacilities, "existingFacilities");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(options, "options");
        if (households.length != cells.size()) {
            throw new IllegalArgumentException(cells.size() + " cells but " + households.length + " household counts");
        }
        int n = cells.size();
        double threshold = options.thresholdMeters();

        // Stage 1: baseline coverage by the existing facilities.
        double[] distance = new double[n];
        int[] nearest = new int[n];
        search.run(existingFacilities, threshold);
        search.measureTargets(cells, distance, nearest);
        boolean[] open = new boolean[n];
        long total = 0;
        long existingCovered = 0;
        for (int i = 0; i < n; i++) {
            if (households[i] < 0) {
                throw new IllegalArgumentException("Cell " + i + " has negative households: " + households[i]);
            }
            total += households[i];
            if (distance[i] <= threshold) {
                existingCovered += households[i];
            } else {
                open[i] = households[i] > 0 && cells.get(i).isSnapped();
            }
        }

        // Stage 2: candidate → open cells.
        CoverageRelation relation = CoverageRelation.build(search, cells, households, open, candidates, threshold);

        // Stages 3–4, then again from each restart candidate.
        int maxSites = Math.min(options.maxNewSites(), candidates.size());
        Selection selection = new Selection(relation, Math.max(1, maxSites));
        TimeBudget budget = new TimeBudget(options.swapTimeLimitMillis());
        Run best = run(relation, selection, options, total, existingCovered, maxSites, budget, -1);
        long evaluations = best.greedy.evaluations;
        int runs = 1;
        if (best.sites.length > 0) {
            for (int start : restartCandidates(relation, options.restarts(), best.greedy.picks[0])) {
                if (budget.exhausted()) {
                    break;
                }
                Run next = run(relation, selection, options, total, existingCovered, maxSites, budget, start);
                evaluations += next.greedy.evaluations;
                runs++;
                if (better(next, best, options, total, existingCovered)) {
                    best = next;
                }
            }
        }

        // Stage 5: final order, marginal gains, exclusive households, curve.
        return report(candidates, relation, selection, total, existingCovered, best, runs, evaluations, budget);
    }

    /** One greedy-plus-swap run and the sites it ends with. */
    private static final class Run {
        final int start;
        final GreedyPhase greedy;
        final SwapPhase swaps;
        final int[] sites;
        final long covered;

        Run(int start, GreedyPhase greedy, SwapPhase swaps, int[] sites, long covered) {
            this.start = start;
            this.greedy = greedy;
            this.swaps = swaps;
            this.sites = sites;
            this.covered = covered;
        }
    }

    private static Run run(
            CoverageRelation relation,
            Selection selection,
            SitingOptions options,
            long total,
            long existingCovered,
            int maxSites,
            TimeBudget budget,
            int start) {
        selection.clear();
        GreedyPhase greedy = new GreedyPhase(relation, selection, options, total, existingCovered, maxSites);
        greedy.run(start);
        SwapPhase swaps = new SwapPhase(relation, selection, options.maxSwapPasses(), budget);
        swaps.run();
        return new Run(
                start, greedy, swaps, Arrays.copyOf(selection.chosen, selection.size), selection.coveredHouseholds);
    }

    /**
     * The candidates covering most open households on their own, gain descending then index
     * ascending, without {@code skip} and without candidates that cover nobody. O(C · count).
     */
    private static int[] restartCandidates(CoverageRelation relation, int count, int skip) {
        int candidates = relation.candidateCount;
        long[] single = new long[candidates];
        for (int c = 0; c < candidates; c++) {
            for (int p = relation.candidateStart[c]; p < relation.candidateStart[c + 1]; p++) {
                single[c] += relation.openHouseholds[relation.cellsOfCandidate[p]];
            }
        }
        boolean[] taken = new boolean[candidates];
        if (skip >= 0) {
            taken[skip] = true;
        }
        int[] starts = new int[Math.min(count, candidates)];
        int found = 0;
        while (found < starts.length) {
            int best = -1;
            for (int c = 0; c < candidates; c++) {
                if (!taken[c] && single[c] > 0 && (best < 0 || single[c] > single[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            starts[found++] = best;
        }
        return Arrays.copyOf(starts, found);
    }

    /**
     * Whether a later run beats the best so far. Runs that meet the coverage target beat runs that do
     * not, and among them fewer sites win (the target is the goal, sites the cost); otherwise more
     * households win, then fewer sites. Full ties keep the earlier run.
     */
    private static boolean better(Run next, Run best, SitingOptions options, long total, long existingCovered) {
        boolean nextMeets = meetsTarget(next, options, total, existingCovered);
        boolean bestMeets = meetsTarget(best, options, total, existingCovered);
        if (nextMeets != bestMeets) {
            return nextMeets;
        }
        if (nextMeets && next.sites.length != best.sites.length) {
            return next.sites.length < best.sites.length;
        }
        if (next.covered != best.covered) {
            return next.covered > best.covered;
        }
        return next.sites.length < best.sites.length;
    }

    private static boolean meetsTarget(Run run, SitingOptions options, long total, long existingCovered) {
        return options.hasTarget() && 100.0 * (existingCovered + run.covered) >= options.targetCoveredPercent() * total;
    }

    private static SitingResult report(
            List<SnappedPoint> candidates,
            CoverageRelation relation,
            Selection selection,
            long total,
            long existingCovered,
            Run best,
            int runs,
            long evaluations,
            TimeBudget budget) {
        int p = best.sites.length;
        int[] finalSites = best.sites;

        // Re-order greedily within the final set; ties to the lowest candidate index. A site that adds
        // nobody given the ones before it is not worth building and is dropped, with all after it.
        selection.clear();
        boolean[] placed = new boolean[p];
        int[] order = new int[p];
        long[] added = new long[p];
        int built = 0;
        while (built < p) {
            int bestSlot = -1;
            long bestGain = -1;
            for (int s = 0; s < p; s++) {
                if (placed[s]) {
                    continue;
                }
                long gain = selection.gainOf(finalSites[s]);
                if (gain > bestGain || (gain == bestGain && finalSites[s] < finalSites[bestSlot])) {
                    bestGain = gain;
                    bestSlot = s;
                }
            }
            if (bestGain == 0) {
                break;
            }
            placed[bestSlot] = true;
            order[built] = finalSites[bestSlot];
            added[built] = selection.add(order[built]);
            built++;
        }
        // The selection now holds exactly the built sites, position k = order k.
        double[] curve = new double[built + 1];
        curve[0] = percent(existingCovered, total);
        long cumulative = existingCovered;
        List<SiteChoice> sites = new ArrayList<>(built);
        for (int k = 0; k < built; k++) {
            cumulative += added[k];
            curve[k + 1] = percent(cumulative, total);
            SnappedPoint at = candidates.get(order[k]);
            sites.add(new SiteChoice(
                    k + 1, order[k], at.lon(), at.lat(), added[k], selection.exclusiveOf(k), cumulative, curve[k + 1]));
        }
        return new SitingResult(
                sites,
                total,
                existingCovered,
                existingCovered + best.covered,
                curve,
                Arrays.copyOf(best.greedy.picks, best.greedy.count),
                Arrays.copyOf(best.greedy.gains, best.greedy.count),
                best.greedy.stop,
                best.swaps.swaps,
                best.swaps.passes,
                best.swaps.stop,
                best.start,
                runs,
                budget.reached(),
                relation.openCount,
                relation.pairCount(),
                evaluations);
    }

    private static double percent(long part, long total) {
        return total == 0 ? 100.0 : 100.0 * part / total;
    }
}
