package org.lifecircle.core.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens last-resort crossings: an area cut off on every side by hard breaks (an "island") that
 * holds fewer households than the minimum could never form a community of its own, so where it is
 * cut off by a crossable break (an arterial road, not a river, rail line or subdistrict border) it
 * joins one neighbouring area across that break. This is how small communities bounded by
 * arterials are merged in practice (社区规模调整); rivers, rail and subdistrict borders stay closed.
 *
 * <p><b>Method.</b> Soft-connected areas with their households, joined in a union–find. Each round
 * takes the islands below the minimum, smallest first; each one joins, among the areas across its
 * crossable breaks, the one whose union stays within the maximum and comes closest to the target
 * (else the smallest union), and every crossable break between the two areas becomes soft. Rounds
 * repeat until no island can join anything. O(rounds · (n + m) α(n)).
 */
final class IslandBridges {
    private IslandBridges() {}

    /** The graph with the crossings opened, and how many adjacent pairs were opened. */
    record Bridged(CellGraph graph, int openedPairs) {}

    static Bridged open(CellGraph graph, RegionalizationOptions options) {
        int n = graph.size();
        int[] area = Regionalizer.softComponents(graph);
        long[] households = Regionalizer.householdsPer(area, graph);
        int areas = households.length;
        int[] parent = java.util.stream.IntStream.range(0, areas).toArray();
        boolean[] hard = graph.hard().clone();
        int opened = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            List<List<Integer>> cellsOfRoot = new ArrayList<>(areas);
            for (int a = 0; a < areas; a++) {
                cellsOfRoot.add(null);
            }
            for (int i = 0; i < n; i++) {
                int root = find(parent, area[i]);
                if (households[root] < options.minHouseholds()) {
                    if (cellsOfRoot.get(root) == null) {
                        cellsOfRoot.set(root, new ArrayList<>());
                    }
                    cellsOfRoot.get(root).add(i);
                }
            }
            Integer[] islands = islandsSmallestFirst(cellsOfRoot, households);
            boolean[] joinedThisRound = new boolean[areas];
            for (int island : islands) {
                if (joinedThisRound[island] || find(parent, island) != island) {
                    continue;
                }
                int best = -1;
                for (int cell : cellsOfRoot.get(island)) {
                    for (int e = graph.start()[cell]; e < graph.start()[cell + 1]; e++) {
                        if (!hard[e] || !graph.crossable()[e]) {
                            continue;
                        }
                        int other = find(parent, area[graph.neighbour()[e]]);
                        if (other != island && better(other, best, households[island], households, options)) {
                            best = other;
                        }
                    }
                }
                if (best < 0) {
                    continue;
                }
                for (int cell : cellsOfRoot.get(island)) {
                    for (int e = graph.start()[cell]; e < graph.start()[cell + 1]; e++) {
                        int j = graph.neighbour()[e];
                        if (hard[e] && graph.crossable()[e] && find(parent, area[j]) == best) {
                            hard[e] = false;
                            hard[reverse(graph, j, cell)] = false;
                            opened++;
                        }
                    }
                }
                parent[island] = best;
                households[best] += households[island];
                joinedThisRound[best] = true;
                changed = true;
            }
        }
        if (opened == 0) {
            return new Bridged(graph, 0);
        }
        return new Bridged(graph.withHard(hard), opened);
    }

    private static Integer[] islandsSmallestFirst(List<List<Integer>> cellsOfRoot, long[] households) {
        List<Integer> islands = new ArrayList<>();
        for (int root = 0; root < cellsOfRoot.size(); root++) {
            if (cellsOfRoot.get(root) != null) {
                islands.add(root);
            }
        }
        Integer[] sorted = islands.toArray(new Integer[0]);
        Arrays.sort(
                sorted,
                (a, b) -> households[a] != households[b]
                        ? Long.compare(households[a], households[b])
                        : Integer.compare(a, b));
        return sorted;
    }

    /** Whether joining {@code candidate} beats joining {@code best}: within the maximum first, then nearest the target. */
    private static boolean better(
            int candidate, int best, long islandHouseholds, long[] households, RegionalizationOptions options) {
        if (best < 0) {
            return true;
        }
        if (candidate == best) {
            return false;
        }
        long a = islandHouseholds + households[candidate];
        long b = islandHouseholds + households[best];
        boolean aFits = a <= options.maxHouseholds();
        boolean bFits = b <= options.maxHouseholds();
        if (aFits != bFits) {
            return aFits;
        }
        long da = aFits ? Math.abs(a - options.targetHouseholds()) : a;
        long db = bFits ? Math.abs(b - options.targetHouseholds()) : b;
        return da != db ? da < db : candidate < best;
    }

    private static int reverse(CellGraph graph, int from, int to) {
        for (int e = graph.start()[from]; e < graph.start()[from + 1]; e++) {
            if (graph.neighbour()[e] == to) {
                return e;
            }
        }
        throw new IllegalStateException("Adjacency of " + to + " and " + from + " is not symmetric");
    }

    private static int find(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }
}
