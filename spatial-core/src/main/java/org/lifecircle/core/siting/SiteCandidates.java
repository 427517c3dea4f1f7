package org.lifecircle.core.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lifecircle.core.coverage.GapArea;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.graph.SnappedPoint;

/**
 * Candidate sites taken from population cells: their snapped centroids, and which cell each came
 * from. The usual source is the cells of coverage gaps, since a new site must win households no
 * existing facility covers and a gap cell is where such households live.
 *
 * <p>The array is owned by this record: the accessor returns it without copying; do not modify it.
 *
 * @param points snapped centroids, the candidates for {@link MaximalCoveringLocation}
 * @param cellOfCandidate the cell index of each candidate
 */
public record SiteCandidates(List<SnappedPoint> points, int[] cellOfCandidate) {
    public SiteCandidates {
        points = List.copyOf(points);
        Objects.requireNonNull(cellOfCandidate, "cellOfCandidate");
        if (cellOfCandidate.length != points.size()) {
            throw new IllegalArgumentException("One cell index per candidate");
        }
    }

    /**
     * The snapped centroids of the gaps' cells. When they number more than {@code maxCandidates}, the
     * most populous are kept (ties to the lowest cell index): a site is normally built where people
     * live, and a populous cell's centroid is as central to its neighbours as any. Candidates are in
     * ascending cell order; unsnapped centroids are left out.
     *
     * @param cells the cells the gaps were computed from
     * @param gaps gaps of one facility type
     * @param maxCandidates at most this many candidates, {@code >= 1}; each costs one bounded search
     */
    public static SiteCandidates fromGapCells(PopulationCells cells, List<GapArea> gaps, int maxCandidates) {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(gaps, "gaps");
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("At least one candidate must be allowed: " + maxCandidates);
        }
        int count = 0;
        for (GapArea gap : gaps) {
            count += gap.cellCount();
        }
        int[] gapCells = new int[count];
        int filled = 0;
        for (GapArea gap : gaps) {
            for (int cell : gap.cellIndices()) {
                if (cells.centroids().get(cell).isSnapped()) {
                    gapCells[filled++] = cell;
                }
            }
        }
        gapCells = Arrays.copyOf(gapCells, filled);
        if (filled > maxCandidates) {
            gapCells = mostPopulous(gapCells, cells.households(), maxCandidates);
        }
        Arrays.sort(gapCells);
        List<SnappedPoint> points = new ArrayList<>(gapCells.length);
        for (int cell : gapCells) {
            points.add(cells.centroids().get(cell));
        }
        return new SiteCandidates(points, gapCells);
    }

    /** The {@code keep} cells with most households, ties to the lowest index. */
    private static int[] mostPopulous(int[] cellIndices, int[] households, int keep) {
        long[] keys = new long[cellIndices.length];
        for (int k = 0; k < cellIndices.length; k++) {
            // Households descending, then cell index ascending, packed in one sortable long.
            keys[k] = ((long) (Integer.MAX_VALUE - households[cellIndices[k]]) << 32) | cellIndices[k];
        }
        Arrays.sort(keys);
        int[] kept = new int[keep];
        for (int k = 0; k < keep; k++) {
            kept[k] = (int) keys[k];
        }
        return kept;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SiteCandidates that
                && points.equals(that.points)
                && Arrays.equals(cellOfCandidate, that.cellOfCandidate);
    }

    @Override
    public int hashCode() {
        return 31 * points.hashCode() + Arrays.hashCode(cellOfCandidate);
    }

    @Override
    public String toString() {
        return "SiteCandidates[" + points.size() + " candidates]";
    }
}
