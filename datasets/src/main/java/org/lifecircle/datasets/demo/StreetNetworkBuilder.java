package org.lifecircle.datasets.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lays the walking network on the grid lines: arterials every 1 km ({@code primary}), local streets
 * every 200 m ({@code residential}) and, inside some 200 m blocks ("compounds" and every park), a
 * cross of footpaths on the odd 100 m lines ({@code footway}).
 *
 * <p>Method, in four steps over 100 m segments held as one byte each:
 *
 * <ol>
 *   <li>Every segment of an arterial or local line exists; a footpath segment exists when its block
 *       is a compound and that arm of the cross was drawn.
 *   <li>Barriers: a segment with river on both sides is removed unless it lies on a bridge line
 *       (then it is flagged {@link #BRIDGE}); a segment crossing the rail band is removed unless it
 *       lies on a crossing line (flagged {@link #RAIL_CROSSING}).
 *   <li>Segments are chained into edges between nodes (see {@link StreetNetwork}). A spanning forest
 *       is grown over the edges with arterials first, then local streets, then footpaths, each
 *       class in random order; some local-street and footpath edges <em>not</em> in the forest are
 *       removed. Removing only non-forest edges keeps every component intact, so the network stays
 *       one component (Kruskal-style union–find, O(E α(V))).
 *   <li>The surviving segments are chained again, since a removal can turn a junction into a plain
 *       bend-free pass-through. Scraps the barriers cut off from everything (a bank path between
 *       the rail band and a river bend) are dropped, so the result is one component.
 * </ol>
 */
final class StreetNetworkBuilder {
    static final byte PRIMARY = 1;
    static final byte RESIDENTIAL = 2;
    static final byte FOOTWAY = 3;
    static final byte CLASS_MASK = 3;
    static final byte BRIDGE = 4;
    static final byte RAIL_CROSSING = 8;

    /** Share of 200 m blocks that are compounds with internal footpaths; parks always have them. */
    private static final double COMPOUND_PROBABILITY = 0.5;
    /** Chance that each of the four arms of a compound's footpath cross exists. */
    private static final double FOOTPATH_ARM_PROBABILITY = 0.85;
    /** Chance that a local-street edge outside the spanning forest is closed. */
    private static final double RESIDENTIAL_REMOVAL_PROBABILITY = 0.06;
    /** Chance that a footpath edge outside the spanning forest is closed. */
    private static final double FOOTWAY_REMOVAL_PROBABILITY = 0.2;

    private StreetNetworkBuilder() {}

    static StreetNetwork build(CellGrid grid, BarrierLayout barriers, byte[] landUse, SplittableRandom random) {
        int width = grid.widthCells();
        int height = grid.heightCells();
        int blockColumns = (width + 1) / 2;
        int blockRows = (height + 1) / 2;
        boolean[] arms = new boolean[blockColumns * blockRows * 4];
        for (int by = 0; by < blockRows; by++) {
            for (int bx = 0; bx < blockColumns; bx++) {
                boolean compound = random.nextDouble() < COMPOUND_PROBABILITY;
                int column = Math.min(2 * bx, width - 1);
                int row = Math.min(2 * by, height - 1);
                compound |= landUse[grid.cellIndex(column, row)] == HouseholdDensityModel.PARK;
                for (int arm = 0; arm < 4; arm++) {
                    boolean drawn = random.nextDouble() < FOOTPATH_ARM_PROBABILITY;
                    arms[(by * blockColumns + bx) * 4 + arm] = compound && drawn;
                }
            }
        }

        byte[] horizontal = new byte[(height + 1) * width];
        for (int j = 0; j <= height; j++) {
            for (int i = 0; i < width; i++) {
                byte lineClass = lineClass(j);
                boolean present = lineClass != FOOTWAY || arms[((j / 2) * blockColumns + i / 2) * 4 + (i % 2)];
                byte value = 0;
                if (present) {
                    boolean inRiver = barriers.isRiver(i, j - 1) && barriers.isRiver(i, j);
                    if (i == barriers.railColumn()) {
                        boolean crossing = lineClass == PRIMARY && barriers.isRailCrossingLine(j) && !inRiver;
                        value = crossing ? (byte) (PRIMARY | RAIL_CROSSING) : 0;
                    } else {
                        value = inRiver ? 0 : lineClass;
                    }
                }
                horizontal[j * width + i] = value;
            }
        }
        byte[] vertical = new byte[height * (width + 1)];
        for (int j = 0; j < height; j++) {
            for (int i = 0; i <= width; i++) {
                byte lineClass = lineClass(i);
                boolean present = lineClass != FOOTWAY || arms[((j / 2) * blockColumns + i / 2) * 4 + 2 + (j % 2)];
                byte value = 0;
                if (present) {
                    boolean inRiver = barriers.isRiver(i - 1, j) && barriers.isRiver(i, j);
                    if (!inRiver) {
                        value = lineClass;
                    } else if (lineClass == PRIMARY && barriers.isBridgeLine(i)) {
                        value = PRIMARY | BRIDGE;
                    }
                }
                vertical[j * (width + 1) + i] = value;
            }
        }

        StreetNetwork full = new StreetNetwork(grid, horizontal, vertical);
        closeSomeRedundantEdges(grid, full, horizontal, vertical, random);
        StreetNetwork closed = new StreetNetwork(grid, horizontal, vertical);
        return dropDetachedPieces(grid, closed, horizontal, vertical);
    }

    /**
     * Removes edges outside the largest component. They only arise where the barriers leave a
     * scrap of street with no way out, e.g. a bank path squeezed between the rail band and a
     * river bend; nobody can walk there from anywhere else, so it is not part of the network.
     */
    private static StreetNetwork dropDetachedPieces(
            CellGrid grid, StreetNetwork network, byte[] horizontal, byte[] vertical) {
        int[] parent = new int[grid.cornerCount()];
        for (int c = 0; c < parent.length; c++) {
            parent[c] = c;
        }
        for (int e = 0; e < network.edgeCount(); e++) {
            int a = find(parent, network.edgeSourceCorner(e));
            int b = find(parent, network.edgeTargetCorner(e));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] size = new int[parent.length];
        int largest = -1;
        for (int c = 0; c < parent.length; c++) {
            if (network.isNode(c)) {
                int root = find(parent, c);
                size[root]++;
                if (largest < 0 || size[root] > size[largest]) {
                    largest = root;
                }
            }
        }
        boolean dropped = false;
        for (int e = 0; e < network.edgeCount(); e++) {
            if (find(parent, network.edgeSourceCorner(e)) != largest) {
                network.clearSegments(e, horizontal, vertical);
                dropped = true;
            }
        }
        return dropped ? new StreetNetwork(grid, horizontal, vertical) : network;
    }

    static byte lineClass(int line) {
        if (CellGrid.isArterialLine(line)) {
            return PRIMARY;
        }
        return CellGrid.isLocalStreetLine(line) ? RESIDENTIAL : FOOTWAY;
    }

    private static void closeSomeRedundantEdges(
            CellGrid grid, StreetNetwork network, byte[] horizontal, byte[] vertical, SplittableRandom random) {
        int edges = network.edgeCount();
        if (edges >= 1 << 21) {
            throw new IllegalStateException("Too many edges to order: " + edges);
        }
        long[] order = new long[edges];
        double[] removalDraw = new double[edges];
        for (int e = 0; e < edges; e++) {
            byte attributes = network.edgeAttributes(e);
            long priority = (attributes & CLASS_MASK) == PRIMARY ? 0 : attributes & CLASS_MASK;
            order[e] = (priority << 52) | ((long) random.nextInt(1 << 30) << 21) | e;
            removalDraw[e] = random.nextDouble();
        }
        Arrays.sort(order);
        int[] parent = new int[grid.cornerCount()];
        for (int c = 0; c < parent.length; c++) {
            parent[c] = c;
        }
        for (long key : order) {
            int e = (int) (key & ((1 << 21) - 1));
            int a = find(parent, network.edgeSourceCorner(e));
            int b = find(parent, network.edgeTargetCorner(e));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
                continue;
            }
            byte attributes = network.edgeAttributes(e);
            byte edgeClass = (byte) (attributes & CLASS_MASK);
            double probability = edgeClass == RESIDENTIAL
                    ? RESIDENTIAL_REMOVAL_PROBABILITY
                    : edgeClass == FOOTWAY ? FOOTWAY_REMOVAL_PROBABILITY : 0;
            if ((attributes & (BRIDGE | RAIL_CROSSING)) == 0 && removalDraw[e] < probability) {
                network.clearSegments(e, horizontal, vertical);
            }
        }
    }

    static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
