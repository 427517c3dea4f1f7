package org.lifecircle.core.servicearea;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.LineString;

/**
 * Groups lines that are joined through shared end points (exactly equal coordinates, as the edges
 * of one graph meet at its nodes), for {@link RegionSplit}: lines off the barrier mask that are
 * joined this way lie in one land region.
 *
 * <p>Method: union-find (R. E. Tarjan, "Efficiency of a good but not linear set union algorithm",
 * JACM 22(2), 1975) over the lines, the ends found by an open-addressing table keyed on the
 * coordinates' bits. O(n α(n)) for n lines. Stateless; thread-safe.
 */
final class LineGroups {
    private LineGroups() {}

    /**
     * Per line, the index of its group: the smallest index among the lines joined to it, so a group is
     * numbered by its first line.
     */
    static int[] byCommonEnds(List<LineString> lines) {
        int n = lines.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int capacity = Integer.highestOneBit(Math.max(8, 4 * n - 1)) << 1;
        int mask = capacity - 1;
        double[] keyX = new double[capacity];
        double[] keyY = new double[capacity];
        int[] owner = new int[capacity];
        Arrays.fill(owner, -1);
        for (int i = 0; i < n; i++) {
            CoordinateSequence points = lines.get(i).getCoordinateSequence();
            for (int end = 0; end < 2; end++) {
                int k = end == 0 ? 0 : points.size() - 1;
                double x = points.getX(k);
                double y = points.getY(k);
                int h = hash(x, y) & mask;
                while (owner[h] >= 0 && (keyX[h] != x || keyY[h] != y)) {
                    h = (h + 1) & mask;
                }
                if (owner[h] < 0) {
                    keyX[h] = x;
                    keyY[h] = y;
                    owner[h] = i;
                } else {
                    union(parent, owner[h], i);
                }
            }
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = find(parent, i);
        }
        return group;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins two groups under the smaller root, so a root is its group's first line. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    private static int hash(double x, double y) {
        long h = Double.doubleToLongBits(x) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToLongBits(y)) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> 32);
    }
}
