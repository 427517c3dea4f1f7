package org.lifecircle.core.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first plan the search improves: today's communities made contiguous, unassigned cells joined
 * to their nearest community over soft links (or, where no community exists, grown into new ones),
 * oversized communities split and undersized ones merged with a neighbour while the result stays
 * within the maximum.
 *
 * <p><b>Splitting</b> a community of h households into k parts, k the whole number nearest h /
 * target within [⌈h / max⌉, ⌊h / min⌋]: k seeds chosen farthest-first by hops over soft links
 * (Gonzalez 1985), then parts grow breadth-first, the part with fewest households taking the next
 * cell each step. Breadth-first growth keeps parts compact; smallest-first keeps them balanced; the
 * local search refines both.
 *
 * <p>Each region carries its <em>origin</em>, the community of today it continues (the largest
 * part of a split keeps it, a merge keeps the larger one's), which the change term of the search
 * charges against.
 */
final class InitialPlan {
    private static final int MAX_ROUNDS = 8;

    final Partition partition;
    /** Origin per region: today's community index, or -1 for a new region. */
    int[] origin;
    /** Regions the construction created or changed; the search starts from them. */
    boolean[] touched;

    private final RegionalizationOptions options;
    /** Scratch of the seed searches, graph-sized, valid only for the cells of the region searched. */
    private final int[] hops;

    private final int[] nearestSeedHops;
    private final int[] queue;

    private InitialPlan(Partition partition, int[] origin, boolean[] touched, RegionalizationOptions options) {
        int n = partition.graph.size();
        this.hops = new int[n];
        this.nearestSeedHops = new int[n];
        this.queue = new int[n];
        this.partition = partition;
        this.origin = origin;
        this.touched = touched;
        this.options = options;
    }

    static InitialPlan build(CellGraph graph, int[] today, int todayCount, RegionalizationOptions options) {
        int n = graph.size();
        int[] region = new int[n];
        for (int i = 0; i < n; i++) {
            region[i] = today[i] >= 0 && today[i] < todayCount ? today[i] : -1;
        }
        Partition partition = new Partition(graph, region, todayCount);
        int[] origin = new int[todayCount];
        for (int r = 0; r < todayCount; r++) {
            origin[r] = r;
        }
        InitialPlan plan = new InitialPlan(partition, origin, new boolean[todayCount], options);
        plan.keepLargestComponents();
        plan.joinUnassigned();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = plan.splitOversized();
            changed |= plan.mergeUndersized();
            if (!changed) {
                break;
            }
        }
        plan.dropEmptyRegions();
        return plan;
    }

    /** Pieces of a community cut off from its largest piece become unassigned. */
    private void keepLargestComponents() {
        int[][] cells = partition.cellsByRegion();
        for (int r = 0; r < partition.regionCount; r++) {
            if (cells[r].length == 0) {
                continue;
            }
            int[][] parts = partition.components(r, cells[r]);
            for (int p = 1; p < parts.length; p++) {
                touched[r] = true;
                for (int cell : parts[p]) {
                    partition.region[cell] = -1;
                }
            }
        }
        partition.recompute();
    }

    /**
     * Unassigned cells join the region that reaches them first in a breadth-first flood over soft
     * links from every assigned cell (ties to the lower cell order); cells no region reaches form
     * new regions, one per soft component, which the splitting then divides.
     */
    private void joinUnassigned() {
        CellGraph graph = partition.graph;
        int[] region = partition.region;
        int n = graph.size();
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (region[i] >= 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int u = queue[head++];
            for (int k = graph.start()[u]; k < graph.start()[u + 1]; k++) {
                int j = graph.neighbour()[k];
                if (!graph.hard()[k] && region[j] < 0) {
                    region[j] = region[u];
                    touched[region[u]] = true;
                    queue[tail++] = j;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (region[i] >= 0) {
                continue;
            }
            int r = addRegion(-1);
            region[i] = r;
            head = 0;
            tail = 0;
            queue[tail++] = i;
            while (head < tail) {
                int u = queue[head++];
                for (int k = graph.start()[u]; k < graph.start()[u + 1]; k++) {
                    int j = graph.neighbour()[k];
                    if (!graph.hard()[k] && region[j] < 0) {
                        region[j] = r;
                        queue[tail++] = j;
                    }
                }
            }
        }
        partition.recompute();
    }

    private boolean splitOversized() {
        boolean changed = false;
        int[][] cells = partition.cellsByRegion();
        int count = partition.regionCount;
        for (int r = 0; r < count; r++) {
            long h = partition.households[r];
            if (h <= options.maxHouseholds() || cells[r].length < 2) {
                continue;
            }
            int k = parts(h, cells[r].length);
            if (k < 2) {
                continue;
            }
            split(r, cells[r], k);
            changed = true;
        }
        if (changed) {
            partition.recompute();
        }
        return changed;
    }

    /** The number of parts for a community of h households and the given cell count. */
    private int parts(long h, int cellCount) {
        long k = Math.round((double) h / options.targetHouseholds());
        long atLeast = (h + options.maxHouseholds() - 1) / options.maxHouseholds();
        k = Math.max(k, atLeast);
        if (options.minHouseholds() > 0) {
            long atMost = h / options.minHouseholds();
            if (atMost >= atLeast) {
                k = Math.min(k, atMost);
            }
        }
        return (int) Math.max(1, Math.min(k, cellCount));
    }

    private void split(int r, int[] members, int k) {
        CellGraph graph = partition.graph;
        int[] region = partition.region;
        int[] seeds = farthestFirstSeeds(r, members, k);
        int[] partRegion = new int[k];
        partRegion[0] = r;
        for (int p = 1; p < k; p++) {
            partRegion[p] = addRegion(-1);
        }
        for (int member : members) {
            region[member] = -2;
        }
        long[] partHouseholds = new long[k];
        int[][] frontier = new int[k][members.length];
        int[] head = new int[k];
        int[] tail = new int[k];
        for (int p = 0; p < k; p++) {
            region[seeds[p]] = partRegion[p];
            partHouseholds[p] += graph.households()[seeds[p]];
            frontier[p][tail[p]++] = seeds[p];
        }
        int left = members.length - k;
        while (left > 0) {
            int best = -1;
            for (int p = 0; p < k; p++) {
                if (head[p] < tail[p] && (best < 0 || partHouseholds[p] < partHouseholds[best])) {
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            boolean grew = false;
            while (head[best] < tail[best] && !grew) {
                int u = frontier[best][head[best]];
                for (int e = graph.start()[u]; e < graph.start()[u + 1]; e++) {
                    int j = graph.neighbour()[e];
                    if (!graph.hard()[e] && region[j] == -2) {
                        region[j] = partRegion[best];
                        partHouseholds[best] += graph.households()[j];
                        frontier[best][tail[best]++] = j;
                        left--;
                        grew = true;
                        break;
                    }
                }
                if (!grew) {
                    head[best]++;
                }
            }
        }
        for (int member : members) {
            if (region[member] == -2) {
                // Unreachable for a soft-connected community; kept whole rather than left unassigned.
                region[member] = partRegion[0];
            }
        }
        // The part with most households continues today's community.
        int keeper = 0;
        for (int p = 1; p < k; p++) {
            if (partHouseholds[p] > partHouseholds[keeper]) {
                keeper = p;
            }
        }
        if (keeper != 0) {
            origin[partRegion[keeper]] = origin[r];
            origin[r] = -1;
        }
        for (int p = 0; p < k; p++) {
            touched[partRegion[p]] = true;
        }
    }

    /**
     * k cells of the region spread out: each next seed is the farthest in hops from those chosen.
     * The hop arrays are the plan's own, graph-sized once; a search touches and resets only the
     * region's cells, so splitting costs O(k · region), not O(k · city).
     */
    private int[] farthestFirstSeeds(int r, int[] members, int k) {
        for (int member : members) {
            nearestSeedHops[member] = Integer.MAX_VALUE;
        }
        int[] seeds = new int[k];
        // Start from the cell farthest from the lowest-numbered member: a periphery cell.
        hopsFrom(r, members[0], members);
        int start = members[0];
        for (int member : members) {
            if (hops[member] > hops[start]) {
                start = member;
            }
        }
        seeds[0] = start;
        for (int s = 1; s < k; s++) {
            hopsFrom(r, seeds[s - 1], members);
            int far = -1;
            for (int member : members) {
                nearestSeedHops[member] = Math.min(nearestSeedHops[member], hops[member]);
                if (far < 0 || nearestSeedHops[member] > nearestSeedHops[far]) {
                    far = member;
                }
            }
            seeds[s] = far;
        }
        return seeds;
    }

    /** Fills {@link #hops} for the region's cells: hops over soft links from the source. */
    private void hopsFrom(int r, int source, int[] members) {
        CellGraph graph = partition.graph;
        for (int member : members) {
            hops[member] = Integer.MAX_VALUE;
        }
        int head = 0;
        int tail = 0;
        queue[tail++] = source;
        hops[source] = 0;
        while (head < tail) {
            int u = queue[head++];
            for (int e = graph.start()[u]; e < graph.start()[u + 1]; e++) {
                int j = graph.neighbour()[e];
                if (!graph.hard()[e] && partition.region[j] == r && hops[j] == Integer.MAX_VALUE) {
                    hops[j] = hops[u] + 1;
                    queue[tail++] = j;
                }
            }
        }
    }

    /**
     * Each community under the minimum, smallest first, joins the soft neighbour that brings the
     * union closest to the target without passing the maximum.
     */
    private boolean mergeUndersized() {
        CellGraph graph = partition.graph;
        int[][] cells = partition.cellsByRegion();
        Integer[] order = new Integer[partition.regionCount];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Long.compare(partition.households[a], partition.households[b]));
        boolean changed = false;
        for (int r : order) {
            long h = partition.households[r];
            if (cells[r].length == 0 || h >= options.minHouseholds()) {
                continue;
            }
            int best = -1;
            long bestDistance = Long.MAX_VALUE;
            for (int cell : cells[r]) {
                for (int e = graph.start()[cell]; e < graph.start()[cell + 1]; e++) {
                    int s = partition.region[graph.neighbour()[e]];
                    if (graph.hard()[e] || s == r || s < 0) {
                        continue;
                    }
                    long union = h + partition.households[s];
                    long distance = Math.abs(union - options.targetHouseholds());
                    if (union <= options.maxHouseholds()
                            && (distance < bestDistance || distance == bestDistance && s < best)) {
                        best = s;
                        bestDistance = distance;
                    }
                }
            }
            if (best < 0) {
                continue;
            }
            if (partition.households[r] > partition.households[best]) {
                origin[best] = origin[r];
            }
            for (int cell : cells[r]) {
                partition.move(cell, best);
            }
            cells[best] = concat(cells[best], cells[r]);
            cells[r] = new int[0];
            touched[best] = true;
            changed = true;
        }
        return changed;
    }

    /** Renumbers regions so none is empty, keeping their order. */
    private void dropEmptyRegions() {
        partition.recompute();
        int[] renumber = new int[partition.regionCount];
        int count = 0;
        List<Integer> keptOrigins = new ArrayList<>();
        List<Boolean> keptTouched = new ArrayList<>();
        for (int r = 0; r < partition.regionCount; r++) {
            if (partition.size[r] > 0) {
                renumber[r] = count++;
                keptOrigins.add(origin[r]);
                keptTouched.add(touched[r]);
            } else {
                renumber[r] = -1;
            }
        }
        for (int i = 0; i < partition.region.length; i++) {
            if (partition.region[i] >= 0) {
                partition.region[i] = renumber[partition.region[i]];
            }
        }
        partition.regionCount = count;
        origin = keptOrigins.stream().mapToInt(Integer::intValue).toArray();
        touched = new boolean[count];
        for (int r = 0; r < count; r++) {
            touched[r] = keptTouched.get(r);
        }
        partition.recompute();
    }

    private int addRegion(int regionOrigin) {
        int r = partition.regionCount++;
        origin = Arrays.copyOf(origin, partition.regionCount);
        origin[r] = regionOrigin;
        touched = Arrays.copyOf(touched, partition.regionCount);
        touched[r] = true;
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
