package org.lifecircle.core.servicearea;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Scan-line rasterization of disjoint region polygons onto the rows of a grid: which grid points
 * of a row lie in region {@code r} (label {@code r + 1}), for {@link AllowanceContour}, as runs of
 * columns.
 *
 * <p>Method: every ring edge crossing a grid row's height, half-open in y so that a vertex on the row
 * counts once, contributes the x of the crossing to that row's list for its region; a row's grid
 * points between the 1st and 2nd, 3rd and 4th … sorted crossings lie inside (even-odd, which also
 * handles holes). O(v + rows crossed) to build for v ring vertices, O(runs) to lay out a strip's runs:
 * a row crosses few regions, so the contour cuts its runs and exact-distance spans to the runs of
 * their label instead of testing a label per grid point. A grid point exactly on a region's boundary
 * may go either way.
 *
 * <p>The crossings are immutable after construction; the runs are the last strip's. Not
 * thread-safe.
 */
final class LabelSpans {
    private final double spacingMeters;
    private final int regionCount;
    /** Per region, CSR over rows: {@code firstCrossing[r][row] …} index {@code crossingsX[r]}. */
    private final int[][] firstCrossing;

    private final double[][] crossingsX;

    /** The current strip's runs: per strip row, {@code runFirst[row] …} index the run arrays. */
    private int[] runFirst = new int[AllowanceContour.STRIP_ROWS + 2];

    private int[] runFrom = new int[256];
    private int[] runTo = new int[256];
    private int[] runLabel = new int[256];
    private int runCount;
    private int[] spanFrom = new int[16];
    private int[] spanTo = new int[16];
    private int[] spanLabel = new int[16];

    /**
     * @param regions disjoint polygons in metres
     * @param originX x of grid column 0
     * @param originY y of grid row 0
     */
    LabelSpans(List<Polygon> regions, double originX, double originY, double spacingMeters, int rows) {
        if (regions.size() >= Short.MAX_VALUE) {
            throw new IllegalArgumentException("At most " + (Short.MAX_VALUE - 1) + " regions: " + regions.size());
        }
        this.spacingMeters = spacingMeters;
        this.regionCount = regions.size();
        this.firstCrossing = new int[regionCount][];
        this.crossingsX = new double[regionCount][];
        for (int r = 0; r < regionCount; r++) {
            Polygon region = regions.get(r);
            int[] count = new int[rows + 1];
            forEachRing(region, ring -> countCrossings(ring, originX, originY, rows, count));
            for (int row = 0; row < rows; row++) {
                count[row + 1] += count[row];
            }
            double[] xs = new double[count[rows]];
            int[] next = Arrays.copyOf(count, rows);
            forEachRing(region, ring -> addCrossings(ring, originX, originY, rows, next, xs));
            for (int row = 0; row < rows; row++) {
                Arrays.sort(xs, count[row], count[row + 1]);
            }
            firstCrossing[r] = count;
            crossingsX[r] = xs;
        }
    }

    private interface RingAction {
        void apply(CoordinateSequence ring);
    }

    private static void forEachRing(Polygon polygon, RingAction action) {
        action.apply(polygon.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            LinearRing hole = polygon.getInteriorRingN(i);
            action.apply(hole.getCoordinateSequence());
        }
    }

    /** Rows {@code from … to} crossed by the edge from y1 to y2 (half-open in y), or from > to. */
    private int firstRow(double y1, double y2) {
        return (int) Math.ceil(Math.min(y1, y2) / spacingMeters);
    }

    private int lastRow(double y1, double y2) {
        double top = Math.max(y1, y2) / spacingMeters;
        int row = (int) Math.ceil(top) - 1;
        return row;
    }

    private void countCrossings(CoordinateSequence ring, double originX, double originY, int rows, int[] count) {
        for (int i = 0; i + 1 < ring.size(); i++) {
            double y1 = ring.getY(i) - originY;
            double y2 = ring.getY(i + 1) - originY;
            if (y1 == y2) {
                continue;
            }
            int from = Math.max(0, firstRow(y1, y2));
            int to = Math.min(rows - 1, lastRow(y1, y2));
            for (int row = from; row <= to; row++) {
                count[row + 1]++;
            }
        }
    }

    private void addCrossings(
            CoordinateSequence ring, double originX, double originY, int rows, int[] next, double[] xs) {
        for (int i = 0; i + 1 < ring.size(); i++) {
            double x1 = ring.getX(i) - originX;
            double y1 = ring.getY(i) - originY;
            double x2 = ring.getX(i + 1) - originX;
            double y2 = ring.getY(i + 1) - originY;
            if (y1 == y2) {
                continue;
            }
            int from = Math.max(0, firstRow(y1, y2));
            int to = Math.min(rows - 1, lastRow(y1, y2));
            for (int row = from; row <= to; row++) {
                double y = row * spacingMeters;
                xs[next[row]++] = x1 + (y - y1) * (x2 - x1) / (y2 - y1);
            }
        }
    }

    /**
     * Lays out the label runs of grid rows {@code firstRow … lastRow} (strip rows 0, 1, …): per row,
     * column ranges of one label in column order covering columns 0 … {@code columns − 1}, label 0 for
     * points in no region; they hold until the next call. Where two regions' spans share a point (a
     * vertex on a row) the one starting further left keeps it.
     */
    void layOutRuns(int firstRow, int lastRow, int columns) {
        int stripRows = lastRow - firstRow + 1;
        if (runFirst.length < stripRows + 1) {
            runFirst = new int[stripRows + 1];
        }
        runCount = 0;
        for (int row = firstRow; row <= lastRow; row++) {
            runFirst[row - firstRow] = runCount;
            int spans = gatherSpans(row, columns);
            int next = 0;
            for (int k = 0; k < spans; k++) {
                int from = Math.max(next, spanFrom[k]);
                int to = spanTo[k];
                if (from > to) {
                    continue;
                }
                if (from > next) {
                    addRun(next, from - 1, 0);
                }
                addRun(from, to, spanLabel[k]);
                next = to + 1;
            }
            if (next < columns) {
                addRun(next, columns - 1, 0);
            }
        }
        runFirst[stripRows] = runCount;
    }

    /** The index of a strip row's first label run (rows as numbered by the last {@link #fill}). */
    int runFirst(int stripRow) {
        return runFirst[stripRow];
    }

    int runFrom(int run) {
        return runFrom[run];
    }

    int runTo(int run) {
        return runTo[run];
    }

    int runLabel(int run) {
        return runLabel[run];
    }

    /** Every region's spans of grid points on one row, sorted by first column; returns their count. */
    private int gatherSpans(int row, int columns) {
        int n = 0;
        for (int r = 0; r < regionCount; r++) {
            int[] first = firstCrossing[r];
            double[] xs = crossingsX[r];
            for (int k = first[row]; k + 1 < first[row + 1]; k += 2) {
                int from = Math.max(0, (int) Math.ceil(xs[k] / spacingMeters));
                int to = Math.min(columns - 1, (int) Math.floor(xs[k + 1] / spacingMeters));
                if (from > to) {
                    continue;
                }
                if (n == spanFrom.length) {
                    spanFrom = Arrays.copyOf(spanFrom, 2 * n);
                    spanTo = Arrays.copyOf(spanTo, 2 * n);
                    spanLabel = Arrays.copyOf(spanLabel, 2 * n);
                }
                // Insertion by first column: a row crosses few regions.
                int at = n++;
                while (at > 0 && spanFrom[at - 1] > from) {
                    spanFrom[at] = spanFrom[at - 1];
                    spanTo[at] = spanTo[at - 1];
                    spanLabel[at] = spanLabel[at - 1];
                    at--;
                }
                spanFrom[at] = from;
                spanTo[at] = to;
                spanLabel[at] = r + 1;
            }
        }
        return n;
    }

    private void addRun(int from, int to, int label) {
        if (runCount == runFrom.length) {
            runFrom = Arrays.copyOf(runFrom, 2 * runCount);
            runTo = Arrays.copyOf(runTo, 2 * runCount);
            runLabel = Arrays.copyOf(runLabel, 2 * runCount);
        }
        runFrom[runCount] = from;
        runTo[runCount] = to;
        runLabel[runCount] = label;
        runCount++;
    }
}
