package org.lifecircle.datasets.demo;

import java.util.Arrays;

/**
 * Land cut into superblocks by the hard breaks of boundary planning: arterials, the river and the
 * rail band. A superblock is a 4-connected component of land cells that does not step across an
 * arterial grid line (flood fill, O(cells)).
 *
 * <p>Where the meandering river crosses an arterial it leaves slivers of a few cells; a superblock
 * smaller than {@link #MIN_SUPERBLOCK_CELLS} is merged into the neighbour across an arterial with
 * which it shares the longest border, since no planner would keep a one-hectare community. Those
 * merged superblocks are the only ones that span an arterial; none spans the river or the rail.
 *
 * <p>Ids are ascending in the smallest cell index of each superblock; cells of a superblock are
 * listed in ascending cell index (compressed rows: {@link #cellsOf}).
 */
final class SuperblockPartition {
    static final int MIN_SUPERBLOCK_CELLS = 8;

    private final CellGrid grid;
    private final int[] superblockOfCell;
    private final int count;
    private final int[] cellOffsets;
    private final int[] cells;
    private final long[] households;
    private final boolean[] northOfRiver;
    private final int[] adjacencyOffsets;
    private final int[] adjacency;

    private SuperblockPartition(
            CellGrid grid, int[] superblockOfCell, int count, int[] householdsPerCell, BarrierLayout barriers) {
        this.grid = grid;
        this.superblockOfCell = superblockOfCell;
        this.count = count;
        this.cellOffsets = new int[count + 1];
        for (int label : superblockOfCell) {
            if (label >= 0) {
                cellOffsets[label + 1]++;
            }
        }
        for (int s = 0; s < count; s++) {
            cellOffsets[s + 1] += cellOffsets[s];
        }
        this.cells = new int[cellOffsets[count]];
        int[] fill = Arrays.copyOf(cellOffsets, count);
        this.households = new long[count];
        this.northOfRiver = new boolean[count];
        for (int index = 0; index < superblockOfCell.length; index++) {
            int label = superblockOfCell[index];
            if (label >= 0) {
                cells[fill[label]++] = index;
                households[label] += householdsPerCell[index];
                northOfRiver[label] = grid.rowOfCell(index) > barriers.riverHighRow(grid.columnOfCell(index));
            }
        }
        // neighbours across arterials, and across the one-cell rail band (for grouping only)
        long[] pairs = new long[grid.cellCount() * 3];
        int pairCount = 0;
        int rail = barriers.railColumn();
        for (int index = 0; index < superblockOfCell.length; index++) {
            int a = superblockOfCell[index];
            if (a < 0) {
                continue;
            }
            int column = grid.columnOfCell(index);
            int row = grid.rowOfCell(index);
            int[] others = {
                column + 1 < grid.widthCells() ? superblockOfCell[index + 1] : -1,
                row + 1 < grid.heightCells() ? superblockOfCell[index + grid.widthCells()] : -1,
                column + 1 == rail && column + 2 < grid.widthCells() ? superblockOfCell[index + 2] : -1
            };
            for (int b : others) {
                if (b >= 0 && b != a) {
                    pairs[pairCount++] = ((long) Math.min(a, b) << 32) | Math.max(a, b);
                }
            }
        }
        long[] sorted = Arrays.stream(pairs, 0, pairCount).sorted().distinct().toArray();
        this.adjacencyOffsets = new int[count + 1];
        for (long pair : sorted) {
            adjacencyOffsets[(int) (pair >>> 32) + 1]++;
            adjacencyOffsets[(int) pair + 1]++;
        }
        for (int s = 0; s < count; s++) {
            adjacencyOffsets[s + 1] += adjacencyOffsets[s];
        }
        this.adjacency = new int[adjacencyOffsets[count]];
        int[] next = Arrays.copyOf(adjacencyOffsets, count);
        for (long pair : sorted) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            adjacency[next[a]++] = b;
            adjacency[next[b]++] = a;
        }
        for (int s = 0; s < count; s++) {
            Arrays.sort(adjacency, adjacencyOffsets[s], adjacencyOffsets[s + 1]);
        }
    }

    static SuperblockPartition partition(
            CellGrid grid, byte[] cellKinds, BarrierLayout barriers, int[] householdsPerCell) {
        int[] label = new int[grid.cellCount()];
        Arrays.fill(label, -1);
        int[] queue = new int[grid.cellCount()];
        int labels = 0;
        for (int seed = 0; seed < label.length; seed++) {
            if (label[seed] >= 0 || cellKinds[seed] != BarrierLayout.LAND) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            label[seed] = labels;
            while (head < tail) {
                int index = queue[head++];
                int column = grid.columnOfCell(index);
                int row = grid.rowOfCell(index);
                // a step east crosses grid line column + 1, a step west line column, and so on
                tail = visit(grid, cellKinds, label, queue, tail, column + 1, row, column + 1, labels);
                tail = visit(grid, cellKinds, label, queue, tail, column - 1, row, column, labels);
                tail = visit(grid, cellKinds, label, queue, tail, column, row + 1, row + 1, labels);
                tail = visit(grid, cellKinds, label, queue, tail, column, row - 1, row, labels);
            }
            labels++;
        }
        int merged = mergeSlivers(grid, label, labels);
        return new SuperblockPartition(grid, label, merged, householdsPerCell, barriers);
    }

    private static int visit(
            CellGrid grid, byte[] kinds, int[] label, int[] queue, int tail, int column, int row, int line, int id) {
        if (!grid.containsCell(column, row) || CellGrid.isArterialLine(line)) {
            return tail;
        }
        int index = grid.cellIndex(column, row);
        if (label[index] >= 0 || kinds[index] != BarrierLayout.LAND) {
            return tail;
        }
        label[index] = id;
        queue[tail++] = index;
        return tail;
    }

    /** Merges small components into their longest-bordering neighbour; relabels 0..n-1 by first cell. */
    private static int mergeSlivers(CellGrid grid, int[] label, int labels) {
        int[] size = new int[labels];
        for (int l : label) {
            if (l >= 0) {
                size[l]++;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int small = 0; small < labels; small++) {
                if (size[small] == 0 || size[small] >= MIN_SUPERBLOCK_CELLS) {
                    continue;
                }
                int[] shared = new int[labels];
                for (int index = 0; index < label.length; index++) {
                    if (label[index] != small) {
                        continue;
                    }
                    int column = grid.columnOfCell(index);
                    int row = grid.rowOfCell(index);
                    int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
                    for (int[] step : steps) {
                        int c = column + step[0];
                        int r = row + step[1];
                        if (grid.containsCell(c, r)) {
                            int other = label[grid.cellIndex(c, r)];
                            if (other >= 0 && other != small) {
                                shared[other]++;
                            }
                        }
                    }
                }
                int best = -1;
                for (int other = 0; other < labels; other++) {
                    if (shared[other] > 0 && (best < 0 || shared[other] > shared[best])) {
                        best = other;
                    }
                }
                if (best < 0) {
                    continue;
                }
                for (int index = 0; index < label.length; index++) {
                    if (label[index] == small) {
                        label[index] = best;
                    }
                }
                size[best] += size[small];
                size[small] = 0;
                changed = true;
            }
        }
        int[] renumber = new int[labels];
        Arrays.fill(renumber, -1);
        int next = 0;
        for (int index = 0; index < label.length; index++) {
            int l = label[index];
            if (l >= 0) {
                if (renumber[l] < 0) {
                    renumber[l] = next++;
                }
                label[index] = renumber[l];
            }
        }
        return next;
    }

    int count() {
        return count;
    }

    /** Superblock of a cell, or -1 for river and rail cells. Owned by this partition. */
    int[] superblockOfCell() {
        return superblockOfCell;
    }

    int[] cellsOf(int superblock) {
        return Arrays.copyOfRange(cells, cellOffsets[superblock], cellOffsets[superblock + 1]);
    }

    int cellCount(int superblock) {
        return cellOffsets[superblock + 1] - cellOffsets[superblock];
    }

    long households(int superblock) {
        return households[superblock];
    }

    boolean northOfRiver(int superblock) {
        return northOfRiver[superblock];
    }

    /** Neighbouring superblocks (across an arterial or the rail band), ascending. */
    int[] neighbours(int superblock) {
        return Arrays.copyOfRange(adjacency, adjacencyOffsets[superblock], adjacencyOffsets[superblock + 1]);
    }

    /** Centroid of the superblock's cells, in cell units from the grid origin. */
    double[] centroidCells(int superblock) {
        double x = 0;
        double y = 0;
        for (int k = cellOffsets[superblock]; k < cellOffsets[superblock + 1]; k++) {
            x += grid.columnOfCell(cells[k]) + 0.5;
            y += grid.rowOfCell(cells[k]) + 0.5;
        }
        int n = cellCount(superblock);
        return new double[] {x / n, y / n};
    }
}
