package org.lifecircle.core.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * Population coverage by the facilities of one type: every cell's walking distance and time to the
 * nearest facility of the type, and the households within the type's threshold per community and
 * in total.
 *
 * <p><b>Method.</b> One multi-source Dijkstra from all facilities of the type at once, bounded by
 * {@link CoverageOptions#searchLimitMeters()} ({@link DistanceSearch}: every node gets its distance
 * to, and the identity of, its nearest facility — the graph Voronoi partition of M. Erwig, "The
 * graph Voronoi diagram with applications", Networks 36(3), 156–163, 2000). Each cell centroid is
 * then measured from the end nodes of its snapped edge ({@link DistanceSearch#measureTargets}),
 * with the off-network walks of facility and centroid included, on the same graph and snapping the
 * network service areas are drawn from, so the numbers and the maps agree. Households of a cell
 * count as covered when its distance is {@code <=} the threshold (GB 50180-2018 §2.0.2–2.0.4 define
 * the life circles by walking distance/time; 附录 B gives each facility type's service radius).
 *
 * <p>Cells are points: all households of a cell share its centroid's distance, so coverage is exact
 * for the model and approximate for the ground by about half a cell width.
 *
 * <p><b>Complexity.</b> O((n' + m') log n' + c) per type for the n' nodes and m' adjacency entries
 * within the search limit and c cells. Memory O(graph nodes) for the search, reused across calls,
 * plus O(c) for the result.
 *
 * <p>Not thread-safe: an instance reuses one search; use one per thread, or the static {@link
 * #of} which creates its own.
 */
public final class CoverageAnalysis {
    private final WalkingGraph graph;
    private final DistanceSearch search;

    public CoverageAnalysis(WalkingGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.search = new DistanceSearch(graph);
    }

    /** Coverage of one facility type with a fresh search. */
    public static TypeCoverage of(
            WalkingGraph graph, PopulationCells cells, List<SnappedPoint> facilities, CoverageOptions options) {
        return new CoverageAnalysis(graph).analyse(cells, facilities, options);
    }

    public WalkingGraph graph() {
        return graph;
    }

    /**
     * Coverage of the cells by one facility type.
     *
     * @param cells snapped cell centroids with households and communities (same graph and snapping)
     * @param facilities snapped facilities of the type; indices in the result are positions here.
     *     Unsnapped ones serve nobody and are counted. An empty list leaves every cell uncovered.
     * @param options threshold, search limit and speed
     */
    public TypeCoverage analyse(PopulationCells cells, List<SnappedPoint> facilities, CoverageOptions options) {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(facilities, "facilities");
        Objects.requireNonNull(options, "options");
        int n = cells.size();
        double[] distanceMeters = new double[n];
        int[] nearestFacility = new int[n];
        search.run(facilities, options.searchLimitMeters());
        search.measureTargets(cells.centroids(), distanceMeters, nearestFacility);

        int communityCount = cells.communityCount();
        int[] cellCount = new int[communityCount];
        int[] coveredCellCount = new int[communityCount];
        long[] households = new long[communityCount];
        long[] coveredHouseholds = new long[communityCount];
        int totalCovered = 0;
        long totalHouseholds = 0;
        long totalCoveredHouseholds = 0;
        int unsnappedCells = 0;
        int[] cellHouseholds = cells.households();
        int[] communityOfCell = cells.communityOfCell();
        double threshold = options.thresholdMeters();
        for (int i = 0; i < n; i++) {
            boolean covered = distanceMeters[i] <= threshold;
            int h = cellHouseholds[i];
            totalHouseholds += h;
            if (covered) {
                totalCovered++;
                totalCoveredHouseholds += h;
            }
            if (!cells.centroids().get(i).isSnapped()) {
                unsnappedCells++;
            }
            int c = communityOfCell[i];
            if (c >= 0) {
                cellCount[c]++;
                households[c] += h;
                if (covered) {
                    coveredCellCount[c]++;
                    coveredHouseholds[c] += h;
                }
            }
        }
        List<CommunityCoverage> communities = new ArrayList<>(communityCount);
        for (int c = 0; c < communityCount; c++) {
            communities.add(
                    new CommunityCoverage(c, cellCount[c], coveredCellCount[c], households[c], coveredHouseholds[c]));
        }
        int unsnappedFacilities = 0;
        for (SnappedPoint facility : facilities) {
            if (!facility.isSnapped()) {
                unsnappedFacilities++;
            }
        }
        CommunityCoverage total = new CommunityCoverage(-1, n, totalCovered, totalHouseholds, totalCoveredHouseholds);
        return new TypeCoverage(
                options, distanceMeters, nearestFacility, communities, total, unsnappedCells, unsnappedFacilities);
    }
}
