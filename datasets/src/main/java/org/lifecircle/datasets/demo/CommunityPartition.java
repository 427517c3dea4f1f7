package org.lifecircle.datasets.demo;

import java.util.Arrays;

/**
 * Splits every superblock into communities of about the target size and makes each contiguous.
 *
 * <p>Method. A superblock with {@code h} households becomes {@code n = max(1, round(h / target))}
 * communities: its cells are swept boustrophedon along its longer axis (up one column, down the
 * next), and the sweep is cut where the running household sum passes {@code h·k/n}. A serpentine
 * sweep makes every run of consecutive cells 4-connected in a rectangle, so only superblocks the
 * river or a merged sliver made irregular can produce fragments. Then, until none is left, every
 * fragment of a community other than its most populous component is handed to the community of the
 * same superblock with which it shares the longest border (each hand-over lowers the number of
 * components, so it terminates).
 *
 * <p>Known answers this builds in: a superblock below the target stays whole, so the sparse edge of
 * the city has communities under the minimum; the densest superblocks (rectangular ones first, which
 * a serpentine sweep cannot fragment) are deliberately under-split
 * into {@code max(1, floor(h / (1.1 × max)))} communities, so each of them is above the maximum.
 *
 * <p>Community ids run in superblock order, then sweep order. O(cells) per pass.
 */
final class CommunityPartition {
    /** Under-split pieces aim 10 % above the maximum so cell granularity cannot bring them below it. */
    static final double UNDER_SPLIT_MARGIN = 1.1;

    private final int[] communityOfCell;
    private final int[] superblockOfCommunity;
    private final int count;

    private CommunityPartition(int[] communityOfCell, int[] superblockOfCommunity, int count) {
        this.communityOfCell = communityOfCell;
        this.superblockOfCommunity = superblockOfCommunity;
        this.count = count;
    }

    static CommunityPartition partition(
            CellGrid grid,
            SuperblockPartition superblocks,
            int[] households,
            double targetHouseholds,
            double maxHouseholds,
            int underSplitCount) {
        int n = superblocks.count();
        boolean[] underSplit = densest(grid, superblocks, underSplitCount);
        int[] communityOfCell = new int[grid.cellCount()];
        Arrays.fill(communityOfCell, -1);
        int[] superblockOf = new int[grid.cellCount()];
        int next = 0;
        for (int s = 0; s < n; s++) {
            long total = superblocks.households(s);
            int pieces = underSplit[s]
                    ? (int) Math.max(1, Math.floor(total / (UNDER_SPLIT_MARGIN * maxHouseholds)))
                    : (int) Math.max(1, Math.round(total / targetHouseholds));
            int[] order = serpentine(grid, superblocks.cellsOf(s));
            long running = 0;
            int piece = 0;
            int firstId = next;
            int used = 0;
            for (int index : order) {
                boolean pieceHasCells = used > piece;
                if (piece < pieces - 1 && pieceHasCells && running * pieces >= total * (piece + 1)) {
                    piece++;
                }
                communityOfCell[index] = firstId + piece;
                used = Math.max(used, piece + 1);
                running += households[index];
            }
            for (int p = 0; p < used; p++) {
                superblockOf[firstId + p] = s;
            }
            next += used;
        }
        mergeFragments(grid, communityOfCell, superblockOf, households, next);
        return new CommunityPartition(communityOfCell, Arrays.copyOf(superblockOf, next), next);
    }

    /**
     * The {@code k} most populous superblocks, rectangular ones first: a serpentine sweep of a full
     * rectangle never fragments, so their under-split communities keep every household.
     */
    private static boolean[] densest(CellGrid grid, SuperblockPartition superblocks, int k) {
        int n = superblocks.count();
        boolean[] rectangular = new boolean[n];
        for (int s = 0; s < n; s++) {
            int[] cells = superblocks.cellsOf(s);
            int first = cells[0];
            int last = cells[cells.length - 1];
            int minColumn = Integer.MAX_VALUE;
            int maxColumn = Integer.MIN_VALUE;
            for (int index : cells) {
                minColumn = Math.min(minColumn, grid.columnOfCell(index));
                maxColumn = Math.max(maxColumn, grid.columnOfCell(index));
            }
            long area = (long) (maxColumn - minColumn + 1) * (grid.rowOfCell(last) - grid.rowOfCell(first) + 1);
            rectangular[s] = area == cells.length;
        }
        Integer[] order = new Integer[n];
        for (int s = 0; s < n; s++) {
            order[s] = s;
        }
        Arrays.sort(
                order,
                (a, b) -> rectangular[a] != rectangular[b]
                        ? (rectangular[a] ? -1 : 1)
                        : superblocks.households(a) != superblocks.households(b)
                                ? Long.compare(superblocks.households(b), superblocks.households(a))
                                : Integer.compare(a, b));
        boolean[] chosen = new boolean[n];
        for (int rank = 0; rank < Math.min(k, n); rank++) {
            chosen[order[rank]] = true;
        }
        return chosen;
    }

    /** Cells ordered column by column (or row by row), alternating direction, along the longer axis. */
    private static int[] serpentine(CellGrid grid, int[] cells) {
        int minColumn = Integer.MAX_VALUE;
        int maxColumn = Integer.MIN_VALUE;
        int minRow = Integer.MAX_VALUE;
        int maxRow = Integer.MIN_VALUE;
        for (int index : cells) {
            minColumn = Math.min(minColumn, grid.columnOfCell(index));
            maxColumn = Math.max(maxColumn, grid.columnOfCell(index));
            minRow = Math.min(minRow, grid.rowOfCell(index));
            maxRow = Math.max(maxRow, grid.rowOfCell(index));
        }
        boolean byColumns = maxColumn - minColumn >= maxRow - minRow;
        long[] keys = new long[cells.length];
        for (int k = 0; k < cells.length; k++) {
            int column = grid.columnOfCell(cells[k]);
            int row = grid.rowOfCell(cells[k]);
            int major = byColumns ? column : row;
            int minor = byColumns ? row : column;
            int alongMinor = major % 2 == 0 ? minor : -minor;
            keys[k] = ((long) major << 42) | ((long) (alongMinor + (1 << 20)) << 21) | k;
        }
        Arrays.sort(keys);
        int[] order = new int[cells.length];
        for (int k = 0; k < cells.length; k++) {
            order[k] = cells[(int) (keys[k] & ((1 << 21) - 1))];
        }
        return order;
    }

    private static void mergeFragments(
            CellGrid grid, int[] communityOfCell, int[] superblockOf, int[] households, int communities) {
        int cellCount = communityOfCell.length;
        int[] component = new int[cellCount];
        int[] queue = new int[cellCount];
        boolean changed = true;
        while (changed) {
            changed = false;
            Arrays.fill(component, -1);
            int components = 0;
            long[] componentHouseholds = new long[cellCount];
            int[] componentCells = new int[cellCount];
            int[] componentCommunity = new int[cellCount];
            for (int seed = 0; seed < cellCount; seed++) {
                int label = communityOfCell[seed];
                if (label < 0 || component[seed] >= 0) {
                    continue;
                }
                int head = 0;
                int tail = 0;
                queue[tail++] = seed;
                component[seed] = components;
                while (head < tail) {
                    int index = queue[head++];
                    componentHouseholds[components] += households[index];
                    componentCells[components]++;
                    for (int neighbour : neighbours(grid, index)) {
                        if (neighbour >= 0 && component[neighbour] < 0 && communityOfCell[neighbour] == label) {
                            component[neighbour] = components;
                            queue[tail++] = neighbour;
                        }
                    }
                }
                componentCommunity[components++] = label;
            }
            int[] main = new int[communities];
            Arrays.fill(main, -1);
            for (int c = 0; c < components; c++) {
                int community = componentCommunity[c];
                int best = main[community];
                if (best < 0
                        || componentHouseholds[c] > componentHouseholds[best]
                        || (componentHouseholds[c] == componentHouseholds[best]
                                && componentCells[c] > componentCells[best])) {
                    main[community] = c;
                }
            }
            for (int c = 0; c < components; c++) {
                int community = componentCommunity[c];
                if (main[community] == c) {
                    continue;
                }
                int receiver = longestBorderNeighbour(grid, communityOfCell, component, superblockOf, c, community);
                if (receiver < 0) {
                    continue;
                }
                for (int index = 0; index < cellCount; index++) {
                    if (component[index] == c) {
                        communityOfCell[index] = receiver;
                    }
                }
                changed = true;
                break;
            }
        }
    }

    private static int longestBorderNeighbour(
            CellGrid grid, int[] communityOfCell, int[] component, int[] superblockOf, int fragment, int own) {
        int best = -1;
        int bestShared = 0;
        int[] sharedCounts = new int[0];
        int[] sharedIds = new int[0];
        for (int index = 0; index < communityOfCell.length; index++) {
            if (component[index] != fragment) {
                continue;
            }
            for (int neighbour : neighbours(grid, index)) {
                if (neighbour < 0) {
                    continue;
                }
                int other = communityOfCell[neighbour];
                if (other < 0 || other == own || superblockOf[other] != superblockOf[own]) {
                    continue;
                }
                int slot = indexOf(sharedIds, other);
                if (slot < 0) {
                    sharedIds = Arrays.copyOf(sharedIds, sharedIds.length + 1);
                    sharedCounts = Arrays.copyOf(sharedCounts, sharedCounts.length + 1);
                    slot = sharedIds.length - 1;
                    sharedIds[slot] = other;
                }
                sharedCounts[slot]++;
            }
        }
        for (int k = 0; k < sharedIds.length; k++) {
            if (sharedCounts[k] > bestShared || (sharedCounts[k] == bestShared && sharedIds[k] < best)) {
                best = sharedIds[k];
                bestShared = sharedCounts[k];
            }
        }
        return best;
    }

    private static int indexOf(int[] values, int value) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] == value) {
                return k;
            }
        }
        return -1;
    }

    /** East, west, north, south neighbours of a cell; -1 off the grid. */
    static int[] neighbours(CellGrid grid, int index) {
        int column = grid.columnOfCell(index);
        int row = grid.rowOfCell(index);
        return new int[] {
            column + 1 < grid.widthCells() ? index + 1 : -1,
            column > 0 ? index - 1 : -1,
            row + 1 < grid.heightCells() ? index + grid.widthCells() : -1,
            row > 0 ? index - grid.widthCells() : -1
        };
    }

    int count() {
        return count;
    }

    /** Community of each cell, -1 for river and rail. Owned by this partition. */
    int[] communityOfCell() {
        return communityOfCell;
    }

    int superblockOf(int community) {
        return superblockOfCommunity[community];
    }
}
