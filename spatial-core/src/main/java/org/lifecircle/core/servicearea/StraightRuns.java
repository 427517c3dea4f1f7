package org.lifecircle.core.servicearea;

import java.util.Arrays;

/**
 * Joins segments that continue each other in a straight line (a street cut into edges at every
 * crossing) into one segment per straight run, before {@link AllowanceContour} rasterizes them.
 *
 * <p>Why: the set within a distance of collinear touching segments is that of their union, so the
 * distance field does not change, but each segment costs its own caps (the rows of its end discs)
 * and band cells, and a street grid is mostly straight runs: on the demo district ~80 % of the
 * segment ends of a 15-minute area continue another segment straight on, and joining cuts its ~220
 * segments to ~50.
 *
 * <p>Method: segment ends are grouped by identical point and label (sorted by a hash of the two,
 * ties compared exactly); within a point, two ends whose segments continue each other — the point
 * within {@link #STRAIGHT_METERS} of the segment joining their far ends, and between them — are
 * paired. Runs are then walked from their free ends; a run is cut where one of its inner points
 * would stray more than {@link #STRAIGHT_METERS} from the joined segment, so the field moves by at
 * most that. Segments in a closed loop of pairings are kept as they are. O(s log s) for s segments.
 */
final class StraightRuns {
    /**
     * How far an inner point of a run may lie off the joined segment: 1 cm, far below the grid (and
     * counted against the tolerance by {@link NetworkAreaShaper}). Streets drawn straight in
     * longitude/latitude bend by millimetres in the Gauss-Krüger plane, so 1 mm joins a third of
     * what 1 cm joins on the demo district.
     */
    static final double STRAIGHT_METERS = 0.01;

    private StraightRuns() {}

    /**
     * Joins the straight runs among {@code count} segments {@code x0 y0 x1 y1} with their labels;
     * only segments of the same label are joined.
     */
    static Joined join(double[] xy, int[] labels, int count) {
        int ends = 2 * count;
        long[] keys = new long[ends];
        for (int e = 0; e < ends; e++) {
            keys[e] = ((long) hash(xy, labels, e) << 32) | e;
        }
        Arrays.sort(keys);
        int[] partner = new int[ends];
        Arrays.fill(partner, -1);
        for (int from = 0; from < ends; ) {
            int to = from + 1;
            while (to < ends && (keys[to] >>> 32) == (keys[from] >>> 32)) {
                to++;
            }
            pairWithin(keys, from, to, xy, labels, partner);
            from = to;
        }
        Joined out = new Joined(count);
        boolean[] used = new boolean[count];
        for (int s = 0; s < count; s++) {
            // Start at a free end: the start end of s when it has no partner, else its target end.
            if (!used[s] && partner[2 * s] < 0) {
                walk(s, 2 * s, xy, labels, partner, used, out);
            } else if (!used[s] && partner[2 * s + 1] < 0) {
                walk(s, 2 * s + 1, xy, labels, partner, used, out);
            }
        }
        for (int s = 0; s < count; s++) {
            if (!used[s]) {
                out.add(x(xy, 2 * s), y(xy, 2 * s), x(xy, 2 * s + 1), y(xy, 2 * s + 1), labels[s]);
            }
        }
        return out;
    }

    /** Joined segments in the layout {@link AllowanceContour.Level} takes. */
    static final class Joined {
        double[] xy;
        int[] labels;
        int count;

        Joined(int capacity) {
            xy = new double[4 * Math.max(1, capacity)];
            labels = new int[Math.max(1, capacity)];
        }

        void add(double x0, double y0, double x1, double y1, int label) {
            xy[4 * count] = x0;
            xy[4 * count + 1] = y0;
            xy[4 * count + 2] = x1;
            xy[4 * count + 3] = y1;
            labels[count++] = label;
        }
    }

    /** Follows a run entered at {@code end} of segment {@code s}, emitting it cut where it bends. */
    private static void walk(int s, int end, double[] xy, int[] labels, int[] partner, boolean[] used, Joined out) {
        double startX = x(xy, end);
        double startY = y(xy, end);
        int firstInner = -1;
        int innerCount = 0;
        int[] inner = new int[8];
        int segment = s;
        int entry = end;
        double lastX = startX;
        double lastY = startY;
        while (true) {
            used[segment] = true;
            int exit = entry ^ 1;
            double exitX = x(xy, exit);
            double exitY = y(xy, exit);
            if (!allNear(xy, inner, innerCount, startX, startY, exitX, exitY)) {
                out.add(startX, startY, lastX, lastY, labels[s]);
                startX = lastX;
                startY = lastY;
                innerCount = 0;
            }
            int next = partner[exit];
            if (next < 0 || used[next >> 1]) {
                out.add(startX, startY, exitX, exitY, labels[s]);
                return;
            }
            if (innerCount == inner.length) {
                inner = Arrays.copyOf(inner, innerCount * 2);
            }
            inner[innerCount++] = exit;
            lastX = exitX;
            lastY = exitY;
            segment = next >> 1;
            entry = next;
        }
    }

    private static boolean allNear(
            double[] xy, int[] inner, int innerCount, double ax, double ay, double bx, double by) {
        for (int k = 0; k < innerCount; k++) {
            if (offLine(x(xy, inner[k]), y(xy, inner[k]), ax, ay, bx, by) > STRAIGHT_METERS) {
                return false;
            }
        }
        return true;
    }

    /** Pairs the ends within one hash run that meet at the same point and continue each other. */
    private static void pairWithin(long[] keys, int from, int to, double[] xy, int[] labels, int[] partner) {
        for (int i = from; i < to; i++) {
            int a = (int) keys[i];
            if (partner[a] >= 0) {
                continue;
            }
            for (int j = i + 1; j < to; j++) {
                int b = (int) keys[j];
                if (partner[b] >= 0
                        || labels[a >> 1] != labels[b >> 1]
                        || x(xy, a) != x(xy, b)
                        || y(xy, a) != y(xy, b)) {
                    continue;
                }
                // The far ends of the two segments; the shared point must lie on the segment between them.
                int farA = a ^ 1;
                int farB = b ^ 1;
                double px = x(xy, a);
                double py = y(xy, a);
                double ax = x(xy, farA);
                double ay = y(xy, farA);
                double bx = x(xy, farB);
                double by = y(xy, farB);
                double along = (px - ax) * (bx - ax) + (py - ay) * (by - ay);
                double lengthSquared = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
                if (along > 0 && along < lengthSquared && offLine(px, py, ax, ay, bx, by) <= STRAIGHT_METERS) {
                    partner[a] = b;
                    partner[b] = a;
                    break;
                }
            }
        }
    }

    private static double offLine(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length = Math.sqrt(dx * dx + dy * dy);
        if (length == 0) {
            return Math.sqrt((px - ax) * (px - ax) + (py - ay) * (py - ay));
        }
        return Math.abs((px - ax) * dy - (py - ay) * dx) / length;
    }

    private static int hash(double[] xy, int[] labels, int end) {
        long h = Double.doubleToLongBits(x(xy, end)) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToLongBits(y(xy, end))) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ labels[end >> 1]) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 33);
    }

    /** End {@code e} of segment {@code e / 2}: its start point when even, its end point when odd. */
    private static double x(double[] xy, int e) {
        return xy[4 * (e >> 1) + 2 * (e & 1)];
    }

    private static double y(double[] xy, int e) {
        return xy[4 * (e >> 1) + 2 * (e & 1) + 1];
    }
}
