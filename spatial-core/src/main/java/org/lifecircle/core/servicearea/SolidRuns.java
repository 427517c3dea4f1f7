package org.lifecircle.core.servicearea;

import java.util.Arrays;

/**
 * The grid points of one {@link AllowanceContour} strip within {@code allowance − spacing} of a
 * segment of their own label — the points certainly covered, whatever the other segments give — as
 * sorted, disjoint column runs per row, instead of a mark in the distance field at every one of them.
 *
 * <p>Why runs: most of an area's grid points are such points (~80 % on a 15-minute area), and every
 * stage would otherwise touch each of them: the marking stores each point once per stadium holding it
 * (real streets are drawn with many short segments whose stadiums overlap many times over; the
 * Nanjing OpenStreetMap extract has ~450 per 15-minute area after {@link StraightRuns}, the demo
 * cities ~50), the exact-distance pass tests each against its mark, and marching squares reads each.
 * With runs, the distance pass computes only the points between them and marching squares skips
 * cells whose four corners lie in runs.
 *
 * <p>Method: a segment's inner interval on a row extends the row's pending run when they overlap or
 * touch and share a label (consecutive segments of a street cover nearly the same columns), else the
 * pending run is kept and replaced; kept runs of a label are cut to the columns of that label ({@link
 * LabelSpans}); at the end each row's runs are sorted and merged. O(i + r log r) for i intervals and r
 * kept runs per strip.
 *
 * <p>Not thread-safe; reused from strip to strip.
 */
final class SolidRuns {
    private int stripRows;
    /** Per strip row, the pending run (empty when from > to) and its label. */
    private int[] pendingFrom = new int[AllowanceContour.STRIP_ROWS + 1];

    private int[] pendingTo = new int[AllowanceContour.STRIP_ROWS + 1];
    private int[] pendingLabel = new int[AllowanceContour.STRIP_ROWS + 1];

    /** Kept runs in the order kept, with their rows. */
    private int keptCount;

    private int[] keptRow = new int[1024];
    private int[] keptFrom = new int[1024];
    private int[] keptTo = new int[1024];

    /** The result: per strip row, {@code first[row] … first[row + 1]} index the sorted runs. */
    private int[] first = new int[AllowanceContour.STRIP_ROWS + 2];

    private int[] from = new int[1024];
    private int[] to = new int[1024];

    /** Starts a strip of {@code stripRows} rows without runs. */
    void clear(int stripRows) {
        this.stripRows = stripRows;
        if (pendingFrom.length < stripRows) {
            pendingFrom = new int[stripRows];
            pendingTo = new int[stripRows];
            pendingLabel = new int[stripRows];
            first = new int[stripRows + 1];
        }
        Arrays.fill(pendingFrom, 0, stripRows, 0);
        Arrays.fill(pendingTo, 0, stripRows, -1);
        keptCount = 0;
    }

    /**
     * Adds columns {@code runFrom … runTo} of a strip row for the points of {@code label} ({@link
     * AllowanceContour#NO_LABELS}: every point).
     */
    void add(int stripRow, int runFrom, int runTo, int label, LabelSpans spans) {
        int pendingRunFrom = pendingFrom[stripRow];
        int pendingRunTo = pendingTo[stripRow];
        if (pendingRunFrom <= pendingRunTo) {
            if (pendingLabel[stripRow] == label && runFrom <= pendingRunTo + 1 && runTo + 1 >= pendingRunFrom) {
                pendingFrom[stripRow] = Math.min(pendingRunFrom, runFrom);
                pendingTo[stripRow] = Math.max(pendingRunTo, runTo);
                return;
            }
            keep(stripRow, pendingRunFrom, pendingRunTo, pendingLabel[stripRow], spans);
        }
        pendingFrom[stripRow] = runFrom;
        pendingTo[stripRow] = runTo;
        pendingLabel[stripRow] = label;
    }

    /**
     * Whether columns {@code from … to} of a strip row lie in the row's pending run of {@code label}:
     * then they end up in a run whatever comes next (runs only grow).
     */
    boolean pendingCovers(int stripRow, int from, int to, int label) {
        return pendingFrom[stripRow] <= from && to <= pendingTo[stripRow] && pendingLabel[stripRow] == label;
    }

    /** Keeps the pending runs, then sorts and merges each row's runs; queries are valid after it. */
    void finish(LabelSpans spans) {
        for (int row = 0; row < stripRows; row++) {
            if (pendingFrom[row] <= pendingTo[row]) {
                keep(row, pendingFrom[row], pendingTo[row], pendingLabel[row], spans);
            }
        }
        Arrays.fill(first, 0, stripRows + 1, 0);
        for (int k = 0; k < keptCount; k++) {
            first[keptRow[k] + 1]++;
        }
        for (int row = 0; row < stripRows; row++) {
            first[row + 1] += first[row];
        }
        if (from.length < keptCount) {
            from = new int[keptFrom.length];
            to = new int[keptFrom.length];
        }
        int[] next = Arrays.copyOf(first, stripRows);
        for (int k = 0; k < keptCount; k++) {
            int row = keptRow[k];
            // Insertion by first column within the row: rows hold few runs.
            int at = next[row]++;
            int runFrom = keptFrom[k];
            while (at > first[row] && from[at - 1] > runFrom) {
                from[at] = from[at - 1];
                to[at] = to[at - 1];
                at--;
            }
            from[at] = runFrom;
            to[at] = keptTo[k];
        }
        // Merge overlapping or touching runs in place, row by row, compacting the arrays.
        int out = 0;
        for (int row = 0; row < stripRows; row++) {
            int start = first[row];
            int end = first[row + 1];
            first[row] = out;
            for (int k = start; k < end; k++) {
                if (out > first[row] && from[k] <= to[out - 1] + 1) {
                    to[out - 1] = Math.max(to[out - 1], to[k]);
                } else {
                    from[out] = from[k];
                    to[out] = to[k];
                    out++;
                }
            }
        }
        first[stripRows] = out;
    }

    /** The index of a strip row's first run; its runs end at {@code first(stripRow + 1)}. */
    int first(int stripRow) {
        return first[stripRow];
    }

    int from(int run) {
        return from[run];
    }

    int to(int run) {
        return to[run];
    }

    private void keep(int stripRow, int runFrom, int runTo, int label, LabelSpans spans) {
        if (label == AllowanceContour.NO_LABELS) {
            append(stripRow, runFrom, runTo);
            return;
        }
        for (int k = spans.runFirst(stripRow), end = spans.runFirst(stripRow + 1); k < end; k++) {
            if (spans.runTo(k) < runFrom) {
                continue;
            }
            if (spans.runFrom(k) > runTo) {
                return;
            }
            if (spans.runLabel(k) == label) {
                append(stripRow, Math.max(runFrom, spans.runFrom(k)), Math.min(runTo, spans.runTo(k)));
            }
        }
    }

    private void append(int stripRow, int runFrom, int runTo) {
        if (keptCount == keptRow.length) {
            keptRow = Arrays.copyOf(keptRow, 2 * keptCount);
            keptFrom = Arrays.copyOf(keptFrom, 2 * keptCount);
            keptTo = Arrays.copyOf(keptTo, 2 * keptCount);
        }
        keptRow[keptCount] = stripRow;
        keptFrom[keptCount] = runFrom;
        keptTo[keptCount] = runTo;
        keptCount++;
    }
}
