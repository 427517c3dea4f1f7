package org.lifecircle.datasets.demo;

import java.util.Arrays;

/**
 * Groups neighbouring superblocks into subdistricts (街道), never across the river: each bank is
 * grouped on its own into round(households / {@link #HOUSEHOLDS_PER_SUBDISTRICT}) groups, at least
 * one.
 *
 * <p>Method: seeded region growing. The densest superblock of a bank seeds the first group, each
 * further seed is the superblock farthest from the seeds so far (farthest-point sampling); then the
 * group with the fewest households repeatedly takes its unassigned neighbour nearest to its seed.
 * Groups are contiguous over the superblock adjacency (arterials and the rail band may be crossed,
 * the river may not). O(S² · degree) for S superblocks, fine for the ≈ 900 of the city.
 *
 * <p>Subdistricts are numbered in north-west reading order of their first cell, so codes read like
 * a map from the top left.
 */
final class SubdistrictGrouping {
    /** About 20,000 households (≈ 52,000 people) per subdistrict, a common 街道 size. */
    static final double HOUSEHOLDS_PER_SUBDISTRICT = 20_000;

    private final int[] subdistrictOfSuperblock;
    private final int count;

    private SubdistrictGrouping(int[] subdistrictOfSuperblock, int count) {
        this.subdistrictOfSuperblock = subdistrictOfSuperblock;
        this.count = count;
    }

    static SubdistrictGrouping group(CellGrid grid, SuperblockPartition superblocks) {
        int n = superblocks.count();
        int[] group = new int[n];
        Arrays.fill(group, -1);
        double[][] centroid = new double[n][];
        for (int s = 0; s < n; s++) {
            centroid[s] = superblocks.centroidCells(s);
        }
        int groups = 0;
        for (boolean north : new boolean[] {true, false}) {
            long bankHouseholds = 0;
            int bankSize = 0;
            for (int s = 0; s < n; s++) {
                if (superblocks.northOfRiver(s) == north) {
                    bankHouseholds += superblocks.households(s);
                    bankSize++;
                }
            }
            if (bankSize == 0) {
                continue;
            }
            int k = (int) Math.max(1, Math.min(bankSize, Math.round(bankHouseholds / HOUSEHOLDS_PER_SUBDISTRICT)));
            groups = growBank(superblocks, north, k, centroid, group, groups);
        }
        return new SubdistrictGrouping(renumberNorthWestFirst(grid, superblocks, group, groups), groups);
    }

    private static int growBank(
            SuperblockPartition superblocks, boolean north, int k, double[][] centroid, int[] group, int firstGroup) {
        int n = superblocks.count();
        int[] seeds = new int[k];
        int seedCount = 0;
        int densest = -1;
        for (int s = 0; s < n; s++) {
            if (superblocks.northOfRiver(s) == north
                    && (densest < 0 || superblocks.households(s) > superblocks.households(densest))) {
                densest = s;
            }
        }
        seeds[seedCount++] = densest;
        while (seedCount < k) {
            int farthest = -1;
            double farthestDistance = -1;
            for (int s = 0; s < n; s++) {
                if (superblocks.northOfRiver(s) != north || contains(seeds, seedCount, s)) {
                    continue;
                }
                double nearest = Double.MAX_VALUE;
                for (int q = 0; q < seedCount; q++) {
                    nearest = Math.min(nearest, distance(centroid[s], centroid[seeds[q]]));
                }
                if (nearest > farthestDistance) {
                    farthestDistance = nearest;
                    farthest = s;
                }
            }
            seeds[seedCount++] = farthest;
        }
        int groups = firstGroup;
        long[] groupHouseholds = new long[firstGroup + n];
        int[] seedOfGroup = new int[firstGroup + n];
        for (int q = 0; q < k; q++) {
            group[seeds[q]] = groups;
            groupHouseholds[groups] = superblocks.households(seeds[q]);
            seedOfGroup[groups++] = seeds[q];
        }
        while (true) {
            int bestGroup = -1;
            int bestCandidate = -1;
            for (int g = firstGroup; g < groups; g++) {
                if (bestGroup >= 0 && groupHouseholds[g] >= groupHouseholds[bestGroup]) {
                    continue;
                }
                int candidate = -1;
                double candidateDistance = Double.MAX_VALUE;
                for (int s = 0; s < n; s++) {
                    if (group[s] != g) {
                        continue;
                    }
                    for (int neighbour : superblocks.neighbours(s)) {
                        if (group[neighbour] < 0 && superblocks.northOfRiver(neighbour) == north) {
                            double d = distance(centroid[neighbour], centroid[seedOfGroup[g]]);
                            if (d < candidateDistance || (d == candidateDistance && neighbour < candidate)) {
                                candidate = neighbour;
                                candidateDistance = d;
                            }
                        }
                    }
                }
                if (candidate >= 0) {
                    bestGroup = g;
                    bestCandidate = candidate;
                }
            }
            if (bestGroup < 0) {
                int orphan = firstUnassigned(superblocks, north, group);
                if (orphan < 0) {
                    return groups;
                }
                // a superblock no group can reach (should not happen on a connected bank) starts its own
                group[orphan] = groups;
                groupHouseholds[groups] = superblocks.households(orphan);
                seedOfGroup[groups++] = orphan;
                continue;
            }
            group[bestCandidate] = bestGroup;
            groupHouseholds[bestGroup] += superblocks.households(bestCandidate);
        }
    }

    private static int firstUnassigned(SuperblockPartition superblocks, boolean north, int[] group) {
        for (int s = 0; s < group.length; s++) {
            if (group[s] < 0 && superblocks.northOfRiver(s) == north) {
                return s;
            }
        }
        return -1;
    }

    private static int[] renumberNorthWestFirst(
            CellGrid grid, SuperblockPartition superblocks, int[] group, int groups) {
        long[] firstKey = new long[groups];
        Arrays.fill(firstKey, Long.MAX_VALUE);
        for (int s = 0; s < group.length; s++) {
            for (int index : superblocks.cellsOf(s)) {
                long key = (long) (grid.heightCells() - 1 - grid.rowOfCell(index)) * grid.widthCells()
                        + grid.columnOfCell(index);
                firstKey[group[s]] = Math.min(firstKey[group[s]], key);
            }
        }
        long[] order = new long[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = firstKey[g] * 4096 + g;
        }
        Arrays.sort(order);
        int[] renumber = new int[groups];
        for (int rank = 0; rank < groups; rank++) {
            renumber[(int) (order[rank] % 4096)] = rank;
        }
        int[] result = new int[group.length];
        for (int s = 0; s < group.length; s++) {
            result[s] = renumber[group[s]];
        }
        return result;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int k = 0; k < length; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    int count() {
        return count;
    }

    int subdistrictOf(int superblock) {
        return subdistrictOfSuperblock[superblock];
    }
}
