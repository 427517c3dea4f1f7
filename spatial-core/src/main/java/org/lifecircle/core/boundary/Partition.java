package org.lifecircle.core.boundary;

import java.util.Arrays;

/**
 * A mutable assignment of cells to regions with each region's households, cell count, area and
 * perimeter kept up to date under single-cell moves, and the soft-adjacency connectivity tests the
 * search needs. Region {@code -1} means unassigned.
 *
 * <p>A region's perimeter is the sum of its cells' perimeters minus twice the boundary they share,
 * so a move changes it by the moved cell's perimeter and twice its boundary with the two regions:
 * O(degree) per move, no geometry.
 *
 * <p>Connectivity is over soft adjacencies only ({@link CellGraph}): a region holding cells on both
 * sides of a hard break must be joined by soft links elsewhere. Removing cell v keeps its region
 * connected exactly when v's soft neighbours in the region stay connected without v (a region that
 * was connected stays so iff no separation appears among v's neighbours), which a breadth-first
 * search from one of them decides, stopping as soon as it has met them all.
 *
 * <p>Not thread-safe.
 */
final class Partition {
    final CellGraph graph;
    final int[] region;
    int regionCount;
    long[] households;
    int[] size;
    double[] area;
    double[] perimeter;

    private final int[] stamp;
    private int stampValue;
    private final int[] queue;

    Partition(CellGraph graph, int[] region, int regionCount) {
        this.graph = graph;
        this.region = region.clone();
        this.regionCount = regionCount;
        this.stamp = new int[graph.size()];
        this.queue = new int[graph.size()];
        recompute();
    }

    /** Recomputes every region's aggregates from the assignment: O(n + m). */
    void recompute() {
        households = new long[regionCount];
        size = new int[regionCount];
        area = new double[regionCount];
        perimeter = new double[regionCount];
        for (int i = 0; i < region.length; i++) {
            int r = region[i];
            if (r < 0) {
                continue;
            }
            households[r] += graph.households()[i];
            size[r]++;
            area[r] += graph.areaSquareMeters()[i];
            perimeter[r] += graph.perimeterMeters()[i] - sharedWith(i, r);
        }
    }

    /** Adds an empty region; its index. */
    int addRegion() {
        int r = regionCount++;
        households = Arrays.copyOf(households, regionCount);
        size = Arrays.copyOf(size, regionCount);
        area = Arrays.copyOf(area, regionCount);
        perimeter = Arrays.copyOf(perimeter, regionCount);
        return r;
    }

    /**
     * The regions flagged, and every region joined to one of them over soft links, repeated for the
     * given number of rings: where a change around the flagged regions may reach.
     */
    boolean[] withNeighbours(boolean[] flagged, int rings) {
        boolean[] reached = flagged.clone();
        for (int ring = 0; ring < rings; ring++) {
            boolean[] next = reached.clone();
            for (int i = 0; i < region.length; i++) {
                if (region[i] < 0 || !reached[region[i]]) {
                    continue;
                }
                for (int e = graph.start()[i]; e < graph.start()[i + 1]; e++) {
                    int neighbour = region[graph.neighbour()[e]];
                    if (!graph.hard()[e] && neighbour >= 0) {
                        next[neighbour] = true;
                    }
                }
            }
            reached = next;
        }
        return reached;
    }

    /** Boundary cell i shares with cells of region r (other than itself). */
    double sharedWith(int cell, int r) {
        double shared = 0;
        int[] start = graph.start();
        for (int k = start[cell]; k < start[cell + 1]; k++) {
            if (region[graph.neighbour()[k]] == r) {
                shared += graph.sharedMeters()[k];
            }
        }
        return shared;
    }

    /** Polsby–Popper compactness 4πA / P² of region r, 1 for a disc; 0 for an empty region. */
    double polsbyPopper(int r) {
        return polsbyPopper(area[r], perimeter[r]);
    }

    static double polsbyPopper(double area, double perimeter) {
        return perimeter > 0 ? Math.min(1.0, 4 * Math.PI * area / (perimeter * perimeter)) : 0;
    }

    /** Moves a cell to region {@code to}, updating both regions' aggregates. */
    void move(int cell, int to) {
        int from = region[cell];
        int h = graph.households()[cell];
        double a = graph.areaSquareMeters()[cell];
        double p = graph.perimeterMeters()[cell];
        if (from >= 0) {
            double sharedFrom = sharedWith(cell, from);
            households[from] -= h;
            size[from]--;
            area[from] -= a;
            perimeter[from] -= p - 2 * sharedFrom;
        }
        double sharedTo = sharedWith(cell, to);
        region[cell] = to;
        households[to] += h;
        size[to]++;
        area[to] += a;
        perimeter[to] += p - 2 * sharedTo;
    }

    /** Whether removing the cell from its region leaves the rest of the region soft-connected. */
    boolean removalKeepsConnected(int cell) {
        int r = region[cell];
        int[] start = graph.start();
        int[] neighbour = graph.neighbour();
        boolean[] hard = graph.hard();
        int first = -1;
        int targets = 0;
        nextStamp();
        int mark = stampValue;
        // Count v's distinct soft neighbours in the region; mark them with the target stamp.
        for (int k = start[cell]; k < start[cell + 1]; k++) {
            int j = neighbour[k];
            if (!hard[k] && region[j] == r && stamp[j] != mark) {
                stamp[j] = mark;
                targets++;
                if (first < 0) {
                    first = j;
                }
            }
        }
        if (targets <= 1) {
            return true;
        }
        nextStamp();
        int visited = stampValue;
        stamp[cell] = visited;
        int head = 0;
        int tail = 0;
        queue[tail++] = first;
        stamp[first] = visited;
        int found = 1;
        while (head < tail) {
            int u = queue[head++];
            for (int k = start[u]; k < start[u + 1]; k++) {
                int j = neighbour[k];
                if (hard[k] || region[j] != r || stamp[j] == visited) {
                    continue;
                }
                if (stamp[j] == mark) {
                    found++;
                    if (found == targets) {
                        return true;
                    }
                }
                stamp[j] = visited;
                queue[tail++] = j;
            }
        }
        return false;
    }

    /** Whether the cell has a soft neighbour in region r. */
    boolean softlyTouches(int cell, int r) {
        int[] start = graph.start();
        for (int k = start[cell]; k < start[cell + 1]; k++) {
            if (!graph.hard()[k] && region[graph.neighbour()[k]] == r) {
                return true;
            }
        }
        return false;
    }

    /**
     * Soft-connected components of the cells of one region, largest by households first (ties:
     * more cells, then the lowest cell).
     */
    int[][] components(int r, int[] cellsOfRegion) {
        nextStamp();
        int visited = stampValue;
        java.util.List<int[]> parts = new java.util.ArrayList<>();
        for (int seed : cellsOfRegion) {
            if (stamp[seed] == visited) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            stamp[seed] = visited;
            while (head < tail) {
                int u = queue[head++];
                for (int k = graph.start()[u]; k < graph.start()[u + 1]; k++) {
                    int j = graph.neighbour()[k];
                    if (!graph.hard()[k] && region[j] == r && stamp[j] != visited) {
                        stamp[j] = visited;
                        queue[tail++] = j;
                    }
                }
            }
            int[] part = Arrays.copyOf(queue, tail);
            Arrays.sort(part);
            parts.add(part);
        }
        java.util.Map<int[], Long> households = new java.util.IdentityHashMap<>();
        for (int[] part : parts) {
            households.put(part, sum(part));
        }
        parts.sort(java.util.Comparator.<int[]>comparingLong(households::get)
                .reversed()
                .thenComparing(java.util.Comparator.<int[]>comparingInt(part -> part.length)
                        .reversed())
                .thenComparingInt(part -> part[0]));
        return parts.toArray(new int[0][]);
    }

    long sum(int[] cells) {
        long total = 0;
        for (int c : cells) {
            total += graph.households()[c];
        }
        return total;
    }

    /** The cells of every region, ascending, one array per region. */
    int[][] cellsByRegion() {
        int[] count = new int[regionCount];
        for (int r : region) {
            if (r >= 0) {
                count[r]++;
            }
        }
        int[][] cells = new int[regionCount][];
        for (int r = 0; r < regionCount; r++) {
            cells[r] = new int[count[r]];
        }
        int[] fill = new int[regionCount];
        for (int i = 0; i < region.length; i++) {
            if (region[i] >= 0) {
                cells[region[i]][fill[region[i]]++] = i;
            }
        }
        return cells;
    }

    private void nextStamp() {
        if (++stampValue == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            stampValue = 1;
        }
    }
}
