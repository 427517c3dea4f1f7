package org.lifecircle.core.access;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lifecircle.core.coverage.PointsByEdge;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * Capacity-aware spatial accessibility of population cells to the facilities of one type, by the
 * two-step floating catchment area method and its distance-decay enhancement, on walking distances
 * of the shared graph.
 *
 * <p><b>What is computed.</b> With supply {@code S_j} per facility (floor area or capacity), demand
 * {@code P_i} per cell (residents), walking distance {@code d_ij} and weights {@code W(d)} from
 * {@link CatchmentOptions} (0 beyond the catchment {@code d₀}):
 *
 * <ol>
 *   <li>per facility, the supply-to-demand ratio {@code R_j = S_j / Σ_i W(d_ij) P_i} (0 when the
 *       denominator is 0);
 *   <li>per cell, the accessibility {@code A_i = Σ_j W(d_ij) R_j}.
 * </ol>
 *
 * <p>With {@link DistanceDecay#BINARY} weights this is the 2SFCA of W. Luo &amp; F. Wang, "Measures
 * of spatial accessibility to health care in a GIS environment: synthesis and a case study in the
 * Chicago region", Environment and Planning B 30(6):865–884, 2003, doi:10.1068/b29120; with
 * sub-zone weights applied in both steps it is the E2SFCA of W. Luo &amp; Y. Qi, "An enhanced
 * two-step floating catchment area (E2SFCA) method for measuring spatial accessibility to primary
 * care physicians", Health &amp; Place 15(4):1100–1107, 2009, doi:10.1016/j.healthplace.2009.06.002;
 * with the Gaussian kernel, the continuous decay of Dai (2010, see {@link DistanceDecay#GAUSSIAN}).
 *
 * <p><b>Conservation of supply.</b> Because the same weight {@code W(d_ij)} enters both steps,
 *
 * <pre>
 *   Σ_i P_i A_i = Σ_i P_i Σ_j W(d_ij) R_j = Σ_j R_j Σ_i W(d_ij) P_i = Σ_{j : Σ_i W(d_ij) P_i &gt; 0} S_j
 * </pre>
 *
 * <p>for every decay mode: the population-weighted total accessibility equals the supply of the
 * facilities that have any (weighted) demand in their catchment; supply of a facility nobody reaches
 * is lost, not redistributed. {@link AccessibilityScores#servedSupply()} reports the right-hand side.
 * (Variants that use different weights in the two steps, or normalise them, do not conserve.)
 *
 * <p><b>Method.</b> One search per facility bounded by the catchment ({@link DistanceSearch}); the
 * cells it can reach are collected by edge ({@link PointsByEdge}) and measured with {@link
 * DistanceSearch#distanceToMeters}, and those with positive weight form the facility's row of a
 * sparse facility × cell matrix. Step 1 sums each row; step 2 scatters each row's weights times its
 * ratio into the cells.
 *
 * <p><b>IMPLEMENTATION NOTE.</b> The matrix is stored once, in compressed rows by facility
 * ({@code int} cell indices and {@code double} weights in growable primitive arrays); step 2 scatters
 * row by row instead of building the transposed cell × facility matrix, which would cost a second copy
 * and gains nothing since every entry is visited once either way. Weights are computed once per pair
 * and reused by both steps, which is also what makes the conservation identity hold to rounding.
 *
 * <p><b>Complexity.</b> O(F · ((n' + m') log n' + c')) for F facilities, the n' nodes and m'
 * adjacency entries within a catchment and c' cells near it; memory O(graph nodes + graph edges +
 * pairs).
 *
 * <p>Not thread-safe: an instance reuses its search; use one per thread, or the static {@link #of}.
 */
public final class TwoStepFloatingCatchment {
    private final WalkingGraph graph;
    private final DistanceSearch search;

    public TwoStepFloatingCatchment(WalkingGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.search = new DistanceSearch(graph);
    }

    /** Accessibility with a fresh search; see {@link #compute}. */
    public static AccessibilityScores of(
            WalkingGraph graph,
            List<SnappedPoint> cells,
            double[] demand,
            List<SnappedPoint> facilities,
            double[] supply,
            CatchmentOptions options) {
        return new TwoStepFloatingCatchment(graph).compute(cells, demand, facilities, supply, options);
    }

    /**
     * Accessibility of each cell to the facilities of one type.
     *
     * @param cells snapped cell centroids (same graph and snapping as the facilities); unsnapped ones
     *     score 0 and add no demand
     * @param demand per cell, finite and {@code >= 0}: residents, or a subgroup (children for
     *     kindergartens, elderly for day care)
     * @param facilities snapped facilities; unsnapped ones have no catchment
     * @param supply per facility, finite and {@code >= 0}: floor area in m² or capacity in places
     * @param options catchment and decay
     */
    public AccessibilityScores compute(
            List<SnappedPoint> cells,
            double[] demand,
            List<SnappedPoint> facilities,
            double[] supply,
            CatchmentOptions options) {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(facilities, "facilities");
        Objects.requireNonNull(options, "options");
        checkAmounts("demand", demand, cells.size());
        checkAmounts("supply", supply, facilities.size());
        int facilityCount = facilities.size();
        SparseRows rows = buildRows(cells, facilities, options);

        double[] weightedDemand = new double[facilityCount];
        double[] ratio = new double[facilityCount];
        int[] cellCount = new int[facilityCount];
        double servedSupply = 0;
        for (int j = 0; j < facilityCount; j++) {
            double sum = 0;
            for (int p = rows.start[j]; p < rows.start[j + 1]; p++) {
                sum += rows.weight[p] * demand[rows.cell[p]];
            }
            weightedDemand[j] = sum;
            cellCount[j] = rows.start[j + 1] - rows.start[j];
            if (sum > 0) {
                ratio[j] = supply[j] / sum;
                servedSupply += supply[j];
            }
        }
        double[] score = new double[cells.size()];
        for (int j = 0; j < facilityCount; j++) {
            double r = ratio[j];
            if (r == 0) {
                continue;
            }
            for (int p = rows.start[j]; p < rows.start[j + 1]; p++) {
                score[rows.cell[p]] += rows.weight[p] * r;
            }
        }
        return new AccessibilityScores(
                options, score, ratio, weightedDemand, cellCount, rows.start[facilityCount], servedSupply);
    }

    /** Facility rows of (cell, weight) pairs with positive weight. */
    private SparseRows buildRows(List<SnappedPoint> cells, List<SnappedPoint> facilities, CatchmentOptions options) {
        PointsByEdge cellsByEdge = new PointsByEdge(graph, cells);
        SparseRows rows = new SparseRows(facilities.size(), Math.max(16, cells.size()));
        double catchment = options.catchmentMeters();
        for (int j = 0; j < facilities.size(); j++) {
            SnappedPoint facility = facilities.get(j);
            if (facility.isSnapped()) {
                search.run(facility, catchment);
                int found = cellsByEdge.collect(search);
                for (int k = 0; k < found; k++) {
                    int cell = cellsByEdge.foundPoint(k);
                    double weight = options.weightAt(search.distanceToMeters(cells.get(cell)));
                    if (weight > 0) {
                        rows.add(cell, weight);
                    }
                }
            }
            rows.endRow(j);
        }
        return rows;
    }

    private static void checkAmounts(String what, double[] amounts, int expected) {
        Objects.requireNonNull(amounts, what);
        if (amounts.length != expected) {
            throw new IllegalArgumentException("Expected " + expected + " " + what + " values, got " + amounts.length);
        }
        for (int i = 0; i < amounts.length; i++) {
            if (!(amounts[i] >= 0) || Double.isInfinite(amounts[i])) {
                throw new IllegalArgumentException(
                        what + " must be finite and >= 0, element " + i + " is " + amounts[i]);
            }
        }
    }

    /** Compressed rows: row j holds entries {@code start[j] … start[j+1]-1}. */
    private static final class SparseRows {
        final int[] start;
        int[] cell;
        double[] weight;
        int size;

        SparseRows(int rowCount, int initialCapacity) {
            start = new int[rowCount + 1];
            cell = new int[initialCapacity];
            weight = new double[initialCapacity];
        }

        void add(int cellIndex, double w) {
            if (size == cell.length) {
                cell = Arrays.copyOf(cell, size * 2);
                weight = Arrays.copyOf(weight, size * 2);
            }
            cell[size] = cellIndex;
            weight[size] = w;
            size++;
        }

        void endRow(int row) {
            start[row + 1] = size;
        }
    }
}
