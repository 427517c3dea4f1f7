package org.lifecircle.core.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.Snapper;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Population cells as the coverage, siting and community-centre analyses see them: one snapped
 * point per cell standing for all its households, the households, and the community each cell
 * belongs to. Cell {@code i} is element {@code i} of every array.
 *
 * <p>The arrays are copied on construction and owned by this record: the accessors return the
 * record's own arrays for speed, and callers must not modify them.
 *
 * @param centroids where each cell's residents join the walking network: normally its centroid
 *     snapped with the same {@link Snapper} as the facilities; an unsnapped centroid is never covered
 * @param households households per cell, {@code >= 0}
 * @param communityOfCell community index per cell in {@code [0, communityCount)}, or -1 for a cell
 *     in no community (counted in totals only)
 * @param communityCount number of communities; community indices are the caller's (e.g. positions in
 *     a list of {@code Community} records)
 */
public record PopulationCells(
        List<SnappedPoint> centroids, int[] households, int[] communityOfCell, int communityCount) {
    public PopulationCells {
        centroids = List.copyOf(centroids);
        Objects.requireNonNull(households, "households");
        Objects.requireNonNull(communityOfCell, "communityOfCell");
        households = households.clone();
        communityOfCell = communityOfCell.clone();
        int n = centroids.size();
        if (households.length != n || communityOfCell.length != n) {
            throw new IllegalArgumentException("Cells need one centroid, household count and community each: "
                    + n + " centroids, " + households.length + " household counts, " + communityOfCell.length
                    + " communities");
        }
        if (communityCount < 0) {
            throw new IllegalArgumentException("Community count must be >= 0: " + communityCount);
        }
        for (int i = 0; i < n; i++) {
            if (households[i] < 0) {
                throw new IllegalArgumentException("Cell " + i + " has negative households: " + households[i]);
            }
            if (communityOfCell[i] < -1 || communityOfCell[i] >= communityCount) {
                throw new IllegalArgumentException("Cell " + i + " names community " + communityOfCell[i]
                        + ", not in [-1, " + communityCount + ")");
            }
        }
    }

    /** Cells without communities (every cell -1, community count 0). */
    public static PopulationCells withoutCommunities(List<SnappedPoint> centroids, int[] households) {
        int[] none = new int[centroids.size()];
        Arrays.fill(none, -1);
        return new PopulationCells(centroids, households, none, 0);
    }

    /**
     * Snaps domain cells: each cell's centroid, or its interior point when the centroid falls outside
     * the polygon (an L-shaped block), so the residents never join the network from outside their
     * cell.
     *
     * @param snapper the snapper the facilities are snapped with (same graph, same options)
     * @param cells population cells in EPSG:4326
     * @param communityOfCell community index per cell or -1
     * @param communityCount number of communities
     */
    public static PopulationCells snap(
            Snapper snapper, List<PopulationCell> cells, int[] communityOfCell, int communityCount) {
        Objects.requireNonNull(snapper, "snapper");
        List<SnappedPoint> centroids = new ArrayList<>(cells.size());
        int[] households = new int[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Point at = representativePoint(cells.get(i).cell());
            centroids.add(snapper.snap(at.getX(), at.getY()));
            households[i] = cells.get(i).households();
        }
        return new PopulationCells(centroids, households, communityOfCell, communityCount);
    }

    /** The centroid when it lies in the polygon, else an interior point. */
    public static Point representativePoint(Polygon cell) {
        Point centroid = cell.getCentroid();
        return cell.intersects(centroid) ? centroid : cell.getInteriorPoint();
    }

    /** Number of cells. */
    public int size() {
        return centroids.size();
    }

    /** Sum of households over all cells. */
    public long totalHouseholds() {
        long total = 0;
        for (int h : households) {
            total += h;
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PopulationCells that
                && communityCount == that.communityCount
                && centroids.equals(that.centroids)
                && Arrays.equals(households, that.households)
                && Arrays.equals(communityOfCell, that.communityOfCell);
    }

    @Override
    public int hashCode() {
        return Objects.hash(centroids, Arrays.hashCode(households), Arrays.hashCode(communityOfCell), communityCount);
    }

    @Override
    public String toString() {
        return "PopulationCells[" + size() + " cells, " + totalHouseholds() + " households, " + communityCount
                + " communities]";
    }
}
