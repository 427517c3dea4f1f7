package org.lifecircle.core.siting;

import java.util.Arrays;
import java.util.List;
import org.lifecircle.core.coverage.PointsByEdge;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;

/**
 * Which open cells each candidate site covers, and the transpose, as compressed sparse rows of
 * {@code int}s. Open cells are renumbered densely ({@code 0 … openCount-1}); only they matter, since
 * cells already covered by an existing facility cannot be won again.
 *
 * <p>Built with one search per candidate bounded by the threshold; the cells near each search are
 * found by edge ({@link PointsByEdge}) and kept when {@link DistanceSearch#distanceToMeters} is within
 * the threshold. Rows list open cells ascending, so every later sweep is deterministic. Immutable
 * after construction.
 */
final class CoverageRelation {
    final int candidateCount;
    final int openCount;
    /** Cell index of each open cell. */
    final int[] openCell;
    /** Households of each open cell. */
    final int[] openHouseholds;
    /** Row of candidate c: {@code cellsOfCandidate[candidateStart[c] … candidateStart[c+1]-1]}. */
    final int[] candidateStart;

    final int[] cellsOfCandidate;
    /** Row of open cell i: {@code candidatesOfCell[cellStart[i] … cellStart[i+1]-1]}. */
    final int[] cellStart;

    final int[] candidatesOfCell;

    private CoverageRelation(int[] openCell, int[] openHouseholds, int[] candidateStart, int[] cellsOfCandidate) {
        this.candidateCount = candidateStart.length - 1;
        this.openCount = openCell.length;
        this.openCell = openCell;
        this.openHouseholds = openHouseholds;
        this.candidateStart = candidateStart;
        this.cellsOfCandidate = cellsOfCandidate;
        this.cellStart = new int[openCount + 1];
        for (int p = 0; p < cellsOfCandidate.length; p++) {
            cellStart[cellsOfCandidate[p] + 1]++;
        }
        for (int i = 0; i < openCount; i++) {
            cellStart[i + 1] += cellStart[i];
        }
        this.candidatesOfCell = new int[cellsOfCandidate.length];
        int[] next = Arrays.copyOf(cellStart, openCount);
        for (int c = 0; c < candidateCount; c++) {
            for (int p = candidateStart[c]; p < candidateStart[c + 1]; p++) {
                candidatesOfCell[next[cellsOfCandidate[p]]++] = c;
            }
        }
    }

    /**
     * @param search a search over the cells' graph, reused
     * @param cells all cells
     * @param households households per cell
     * @param open which cells are open (uncovered, populated, snapped)
     * @param candidates candidate sites; unsnapped ones get empty rows
     */
    static CoverageRelation build(
            DistanceSearch search,
            List<SnappedPoint> cells,
            int[] households,
            boolean[] open,
            List<SnappedPoint> candidates,
            double thresholdMeters) {
        int[] openIdOfCell = new int[cells.size()];
        int openCount = 0;
        for (int i = 0; i < cells.size(); i++) {
            openIdOfCell[i] = open[i] ? openCount++ : -1;
        }
        int[] openCell = new int[openCount];
        int[] openHouseholds = new int[openCount];
        for (int i = 0; i < cells.size(); i++) {
            if (open[i]) {
                openCell[openIdOfCell[i]] = i;
                openHouseholds[openIdOfCell[i]] = households[i];
            }
        }
        PointsByEdge openByEdge = new PointsByEdge(search.graph(), cells, open);
        int[] start = new int[candidates.size() + 1];
        int[] entries = new int[Math.max(16, openCount)];
        int size = 0;
        for (int c = 0; c < candidates.size(); c++) {
            SnappedPoint candidate = candidates.get(c);
            if (candidate.isSnapped() && openCount > 0) {
                search.run(candidate, thresholdMeters);
                int found = openByEdge.collect(search);
                for (int k = 0; k < found; k++) {
                    int cell = openByEdge.foundPoint(k);
                    if (search.distanceToMeters(cells.get(cell)) <= thresholdMeters) {
                        if (size == entries.length) {
                            entries = Arrays.copyOf(entries, size * 2);
                        }
                        entries[size++] = openIdOfCell[cell];
                    }
                }
                Arrays.sort(entries, start[c], size);
            }
            start[c + 1] = size;
        }
        return new CoverageRelation(openCell, openHouseholds, start, Arrays.copyOf(entries, size));
    }

    int pairCount() {
        return cellsOfCandidate.length;
    }
}
