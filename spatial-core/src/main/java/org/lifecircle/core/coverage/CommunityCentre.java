package org.lifecircle.core.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * The walking centre of each community: among the community's cell centroids, the one minimising the
 * household-weighted sum of walking distances to all the community's cells — the discrete 1-median
 * on the walking network, where a community service station or office would serve its residents
 * with the least total walking.
 *
 * <p><b>What is computed</b>, exactly (no heuristic): for community {@code C} with weighed cells
 * {@code W ⊆ C}, the candidate {@code c ∈ W} minimising {@code Σ_{i ∈ W} h_i · d(c, i)}, ties to the
 * lowest cell index. {@code d} is {@link DistanceSearch#distanceToMeters} from {@code c}'s snapped
 * centroid, so {@code d(c, c)} is twice {@code c}'s off-network walk, consistent with what coverage
 * would measure for a facility built there. {@code W} holds the cells reachable within {@link
 * CommunityCentreOptions#searchLimitMeters()} from the <em>anchor</em>: the most populous cell on the
 * network component holding most of the community's households. Other cells (unsnapped, on a stray
 * fragment, too far) are reported through {@link CentreLocation#reachedHouseholds()} and not weighed.
 * Restricting candidates to cell centroids follows Hakimi's vertex-optimality result for the network
 * 1-median (S. L. Hakimi, "Optimum locations of switching centers and the absolute centers and
 * medians of a graph", Operations Research 12(3):450–459, 1964, doi:10.1287/opre.12.3.450) with the
 * demand points as vertices.
 *
 * <p><b>Method.</b> Exhaustive search made cheap with landmarks, the triangle-inequality bounds of
 * A. V. Goldberg &amp; C. Harrelson, "Computing the shortest path: A* search meets graph theory",
 * SODA 2005, 156–165. With distance rows {@code d(ℓ, ·)} from a few landmark cells ℓ:
 *
 * <ul>
 *   <li>lower bound {@code d(c, i) ≥ max_ℓ |d(ℓ, i) − d(ℓ, c)|}, so {@code LB(c) = Σ_i h_i · max_ℓ
 *       |d(ℓ, i) − d(ℓ, c)|} never exceeds {@code c}'s objective;
 *   <li>upper bound {@code d(c, i) ≤ min_ℓ (d(ℓ, c) + d(ℓ, i))}, so a search from {@code c} bounded
 *       by {@code max_i min_ℓ (d(ℓ, c) + d(ℓ, i))} reaches every cell it must weigh, and no farther.
 * </ul>
 *
 * <p>Stages per community:
 *
 * <ol>
 *   <li>search from the anchor, starting at 1,000 m and doubling up to the option limit until every
 *       member on the anchor's component is reached; the reached members are {@code W} and the first
 *       landmark row;
 *   <li>add landmarks by farthest-point selection, each searched within its upper bound;
 *   <li>compute {@code LB} for every candidate; a landmark's objective is exact from its row;
 *   <li>evaluate candidates exactly in ascending order of {@code LB} (one search within the upper
 *       bound each, the sum abandoned once it exceeds the best), stopping at the first whose bound
 *       exceeds the best; then measure the winner once more for its longest walk unless it is a
 *       landmark.
 * </ol>
 *
 * <p>{@code d} obeys the triangle inequality: it is an off-network walk plus a network shortest path
 * plus an off-network walk, and the two walks only add to the right-hand side.
 *
 * <p><b>Complexity</b> per community of n weighed cells: O(L · n²) for the bounds with L landmarks,
 * plus about L + e + 1 searches, each over the part of the network within the candidate's
 * eccentricity bound, where e is the number of candidates evaluated — at most n, typically a few
 * percent of n because central candidates have small bounds and peripheral ones are cut off. Memory
 * O(graph nodes) for the search plus O(L · n).
 *
 * <p>Not thread-safe: an instance reuses one search; use one per thread.
 */
public final class CommunityCentre {
    /**
     * First bound of the anchor search: a 3,000-household community at urban densities spans well
     * under a kilometre, so one search usually suffices; a miss doubles the bound.
     */
    private static final double INITIAL_ANCHOR_LIMIT_METERS = 1000;
    /**
     * Relative slack on comparisons against the best objective, so that a candidate whose bound or
     * objective differs from the best only by summation rounding is still evaluated and tie-broken.
     */
    private static final double RELATIVE_SLACK = 1e-12;
    /** Absolute slack in household-metres, for the same reason when the best objective is near 0. */
    private static final double ABSOLUTE_SLACK = 1e-9;
    /** Relative widening of search bounds against rounding in the sums that make up a distance. */
    private static final double BOUND_WIDENING = 1e-9;

    private final WalkingGraph graph;
    private final CommunityCentreOptions options;
    private final DistanceSearch search;
    private int searches;

    public CommunityCentre(WalkingGraph graph, CommunityCentreOptions options) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
        this.search = new DistanceSearch(graph);
    }

    /** Centres of every community with default options. */
    public static List<CentreLocation> of(WalkingGraph graph, PopulationCells cells) {
        return new CommunityCentre(graph, CommunityCentreOptions.defaults()).locateAll(cells);
    }

    /** The centre of every community, entry {@code c} for community {@code c}. */
    public List<CentreLocation> locateAll(PopulationCells cells) {
        Objects.requireNonNull(cells, "cells");
        int communityCount = cells.communityCount();
        int[] communityOfCell = cells.communityOfCell();
        int[] first = new int[communityCount + 1];
        for (int c : communityOfCell) {
            if (c >= 0) {
                first[c + 1]++;
            }
        }
        for (int c = 0; c < communityCount; c++) {
            first[c + 1] += first[c];
        }
        int[] members = new int[first[communityCount]];
        int[] next = Arrays.copyOf(first, communityCount);
        for (int i = 0; i < communityOfCell.length; i++) {
            int c = communityOfCell[i];
            if (c >= 0) {
                members[next[c]++] = i;
            }
        }
        List<CentreLocation> centres = new ArrayList<>(communityCount);
        for (int c = 0; c < communityCount; c++) {
            centres.add(locateMembers(cells, c, Arrays.copyOfRange(members, first[c], first[c + 1])));
        }
        return centres;
    }

    /** The centre of one community. O(cells) to gather its members plus the work above. */
    public CentreLocation locate(PopulationCells cells, int community) {
        Objects.requireNonNull(cells, "cells");
        if (community < 0 || community >= cells.communityCount()) {
            throw new IllegalArgumentException(
                    "Community " + community + " not in [0, " + cells.communityCount() + ")");
        }
        int[] communityOfCell = cells.communityOfCell();
        int count = 0;
        for (int c : communityOfCell) {
            count += c == community ? 1 : 0;
        }
        int[] members = new int[count];
        count = 0;
        for (int i = 0; i < communityOfCell.length; i++) {
            if (communityOfCell[i] == community) {
                members[count++] = i;
            }
        }
        return locateMembers(cells, community, members);
    }

    /** @param members cell indices of the community, ascending */
    private CentreLocation locateMembers(PopulationCells cells, int community, int[] members) {
        List<SnappedPoint> centroids = cells.centroids();
        int[] allHouseholds = cells.households();
        long households = 0;
        for (int cell : members) {
            households += allHouseholds[cell];
        }
        searches = 0;
        int anchor = anchorOf(centroids, allHouseholds, members);
        if (anchor < 0) {
            return new CentreLocation(
                    community,
                    -1,
                    Double.NaN,
                    Double.NaN,
                    members.length,
                    households,
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    0,
                    0);
        }
        // Stage 1: the anchor's search fixes the weighed cells and the first landmark row.
        double[] anchorDistances = anchorSearch(centroids, members, anchor);
        int n = 0;
        for (int k = 0; k < members.length; k++) {
            // The anchor always stays, even if its own off-network walk exceeds half the limit.
            if (anchorDistances[k] < Double.POSITIVE_INFINITY || members[k] == anchor) {
                n++;
            }
        }
        int[] weighed = new int[n];
        int[] h = new int[n];
        double[] anchorRow = new double[n];
        long reachedHouseholds = 0;
        int m = 0;
        for (int k = 0; k < members.length; k++) {
            if (anchorDistances[k] < Double.POSITIVE_INFINITY || members[k] == anchor) {
                weighed[m] = members[k];
                h[m] = allHouseholds[members[k]];
                anchorRow[m] = members[k] == anchor ? 2 * centroids.get(anchor).offNetworkMeters() : anchorDistances[k];
                reachedHouseholds += h[m];
                m++;
            }
        }
        int best = Arrays.binarySearch(weighed, anchor);
        double[] bestRow = anchorRow;
        if (reachedHouseholds > 0) {
            // Stages 2–4.
            Landmarks landmarks = selectLandmarks(centroids, weighed, anchorRow, best);
            best = evaluate(centroids, weighed, h, landmarks);
            bestRow = landmarks.rowOf(best);
            if (bestRow == null) {
                search.run(centroids.get(weighed[best]), upperBound(landmarks, best, h, true));
                searches++;
                bestRow = measure(centroids, weighed);
            }
        }
        double householdMeters = 0;
        double maxWalk = 0;
        for (int k = 0; k < n; k++) {
            if (h[k] > 0) {
                householdMeters += h[k] * bestRow[k];
                maxWalk = Math.max(maxWalk, bestRow[k]);
            }
        }
        SnappedPoint centre = centroids.get(weighed[best]);
        double mean = reachedHouseholds == 0 ? 0 : householdMeters / reachedHouseholds;
        return new CentreLocation(
                community,
                weighed[best],
                centre.lon(),
                centre.lat(),
                members.length,
                households,
                reachedHouseholds,
                householdMeters,
                mean,
                maxWalk,
                n,
                searches);
    }

    /**
     * The most populous snapped member on the component holding most of the members' households
     * (ties: the component met first, the lowest cell index), -1 when no member is snapped.
     */
    private int anchorOf(List<SnappedPoint> centroids, int[] households, int[] members) {
        int bestComponent = -1;
        long bestComponentHouseholds = -1;
        for (int k = 0; k < members.length; k++) {
            int component = componentOf(centroids.get(members[k]));
            if (component < 0 || component == bestComponent) {
                continue;
            }
            long sum = 0;
            for (int cell : members) {
                if (componentOf(centroids.get(cell)) == component) {
                    sum += households[cell];
                }
            }
            if (sum > bestComponentHouseholds) {
                bestComponentHouseholds = sum;
                bestComponent = component;
            }
        }
        int anchor = -1;
        for (int cell : members) {
            if (bestComponent >= 0
                    && componentOf(centroids.get(cell)) == bestComponent
                    && (anchor < 0 || households[cell] > households[anchor])) {
                anchor = cell;
            }
        }
        return anchor;
    }

    private int componentOf(SnappedPoint point) {
        return point.isSnapped() ? graph.componentOf(graph.edgeSourceNode(point.edge())) : -1;
    }

    /**
     * Distances from the anchor to every member, searching within a growing bound until every member
     * on the anchor's component is reached or the option limit is searched.
     */
    private double[] anchorSearch(List<SnappedPoint> centroids, int[] members, int anchor) {
        int component = componentOf(centroids.get(anchor));
        double limit = Math.min(INITIAL_ANCHOR_LIMIT_METERS, options.searchLimitMeters());
        while (true) {
            search.run(centroids.get(anchor), limit);
            searches++;
            double[] distances = measure(centroids, members);
            if (limit >= options.searchLimitMeters()) {
                return distances;
            }
            boolean allReached = true;
            for (int k = 0; k < members.length && allReached; k++) {
                allReached = distances[k] < Double.POSITIVE_INFINITY
                        || members[k] == anchor
                        || componentOf(centroids.get(members[k])) != component;
            }
            if (allReached) {
                return distances;
            }
            limit = Math.min(2 * limit, options.searchLimitMeters());
        }
    }

    private double[] measure(List<SnappedPoint> centroids, int[] cells) {
        double[] distances = new double[cells.length];
        for (int k = 0; k < cells.length; k++) {
            distances[k] = search.distanceToMeters(centroids.get(cells[k]));
        }
        return distances;
    }

    /** Landmark rows: distances from each landmark to every weighed cell. */
    private static final class Landmarks {
        final int[] position;
        final double[][] rows;
        int count;
        int[] landmarkOf;

        Landmarks(int capacity, int n) {
            position = new int[capacity];
            rows = new double[capacity][];
            landmarkOf = new int[n];
            Arrays.fill(landmarkOf, -1);
        }

        void add(int weighedPosition, double[] row) {
            position[count] = weighedPosition;
            rows[count] = row;
            landmarkOf[weighedPosition] = count;
            count++;
        }

        /** The row of a candidate that is a landmark, else null. */
        double[] rowOf(int weighedPosition) {
            int l = landmarkOf[weighedPosition];
            return l < 0 ? null : rows[l];
        }
    }

    private Landmarks selectLandmarks(
            List<SnappedPoint> centroids, int[] weighed, double[] anchorRow, int anchorPosition) {
        int n = weighed.length;
        Landmarks landmarks = new Landmarks(Math.min(options.landmarkCount(), n), n);
        landmarks.add(anchorPosition, anchorRow);
        double[] nearestLandmark = anchorRow.clone();
        nearestLandmark[anchorPosition] = 0;
        while (landmarks.count < landmarks.position.length) {
            int farthest = 0;
            for (int k = 1; k < n; k++) {
                if (nearestLandmark[k] > nearestLandmark[farthest]) {
                    farthest = k;
                }
            }
            if (!(nearestLandmark[farthest] > 0)) {
                break;
            }
            search.run(centroids.get(weighed[farthest]), upperBound(landmarks, farthest, null, false));
            searches++;
            double[] row = measure(centroids, weighed);
            landmarks.add(farthest, row);
            nearestLandmark[farthest] = 0;
            for (int k = 0; k < n; k++) {
                nearestLandmark[k] = Math.min(nearestLandmark[k], row[k]);
            }
        }
        return landmarks;
    }

    /**
     * {@code max_i min_ℓ (d(ℓ, c) + d(ℓ, i))}, widened against rounding: a bound within which a
     * search from candidate {@code c} reaches every weighed cell {@code i} (only those with households
     * when {@code populatedOnly}).
     */
    private static double upperBound(Landmarks landmarks, int c, int[] h, boolean populatedOnly) {
        int n = landmarks.rows[0].length;
        double bound = 0;
        for (int i = 0; i < n; i++) {
            if (populatedOnly && h[i] == 0) {
                continue;
            }
            double viaBest = Double.POSITIVE_INFINITY;
            for (int l = 0; l < landmarks.count; l++) {
                double[] row = landmarks.rows[l];
                viaBest = Math.min(viaBest, row[c] + row[i]);
            }
            bound = Math.max(bound, viaBest);
        }
        return bound * (1 + BOUND_WIDENING) + BOUND_WIDENING;
    }

    /** Position in {@code weighed} of the minimising candidate. */
    private int evaluate(List<SnappedPoint> centroids, int[] weighed, int[] h, Landmarks landmarks) {
        int n = weighed.length;
        int best = -1;
        double bestObjective = Double.POSITIVE_INFINITY;
        for (int l = 0; l < landmarks.count; l++) {
            int p = landmarks.position[l];
            double objective = objective(landmarks.rows[l], h);
            if (better(objective, weighed[p], bestObjective, best < 0 ? -1 : weighed[best])) {
                best = p;
                bestObjective = objective;
            }
        }
        double[] lowerBound = lowerBounds(h, landmarks, n);
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        // Once per community, not per edge: boxing here costs O(n) objects against O(n²) bound work.
        Arrays.sort(order, (a, b) -> {
            int byBound = Double.compare(lowerBound[a], lowerBound[b]);
            return byBound != 0 ? byBound : Integer.compare(a, b);
        });
        for (int k = 0; k < n; k++) {
            int c = order[k];
            if (lowerBound[c] > withSlack(bestObjective)) {
                break;
            }
            if (landmarks.rowOf(c) != null) {
                continue;
            }
            search.run(centroids.get(weighed[c]), upperBound(landmarks, c, h, true));
            searches++;
            double limit = withSlack(bestObjective);
            double sum = 0;
            for (int i = 0; i < n && sum <= limit; i++) {
                if (h[i] > 0) {
                    sum += h[i] * search.distanceToMeters(centroids.get(weighed[i]));
                }
            }
            if (sum <= limit && better(sum, weighed[c], bestObjective, weighed[best])) {
                best = c;
                bestObjective = sum;
            }
        }
        return best;
    }

    /** Σ_i h_i · max over landmarks of |d(ℓ, i) − d(ℓ, c)|, for every candidate c. */
    private static double[] lowerBounds(int[] h, Landmarks landmarks, int n) {
        double[] lowerBound = new double[n];
        for (int c = 0; c < n; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (h[i] == 0) {
                    continue;
                }
                double gap = 0;
                for (int l = 0; l < landmarks.count; l++) {
                    double[] row = landmarks.rows[l];
                    gap = Math.max(gap, Math.abs(row[i] - row[c]));
                }
                sum += h[i] * gap;
            }
            lowerBound[c] = sum;
        }
        return lowerBound;
    }

    private static double objective(double[] distances, int[] h) {
        double sum = 0;
        for (int i = 0; i < distances.length; i++) {
            if (h[i] > 0) {
                sum += h[i] * distances[i];
            }
        }
        return sum;
    }

    private static boolean better(double objective, int cell, double bestObjective, int bestCell) {
        return objective < bestObjective || (objective == bestObjective && (bestCell < 0 || cell < bestCell));
    }

    private static double withSlack(double objective) {
        return objective + Math.abs(objective) * RELATIVE_SLACK + ABSOLUTE_SLACK;
    }
}
