package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The contour of one {@link AllowanceContour} level: its vertices (in grid-local metres), each one's
 * successor on its ring and the grid cell of the ring segment it starts; traced into rings,
 * simplified, and assembled into polygons.
 *
 * <p><b>Simplification that cannot break topology.</b> Douglas-Peucker (D. H. Douglas, T. K.
 * Peucker, "Algorithms for the reduction of the number of points required to represent a digitized
 * line or its caricature", Cartographica 10(2), 1973) within a tolerance, with one more condition
 * for replacing a chain of ring segments by its chord: every grid cell the chord passes through must
 * hold exactly one contour segment of any level, and that segment must belong to the chain. Marching
 * squares puts every contour segment inside one cell, so chords of different chains — of this ring,
 * of another ring, or of another threshold's contour — lie in disjoint sets of cells and can neither
 * cross nor touch; cells holding two segments (saddles, and the identical outlines of two thresholds
 * where the same streets bound both) are never cut through. The simplified rings are therefore as
 * valid as the contour and nested thresholds stay nested, which plain Douglas-Peucker or a
 * per-geometry topology-preserving simplifier cannot promise. A ring that would lose its area is
 * kept as traced.
 *
 * <p>Not thread-safe; one per level and call.
 */
final class ContourRings {
    private int count;
    private double[] xs;
    private double[] ys;
    private int[] next;
    private long[] cellOf;
    /** The vertices starting ring segments in the order linked, which is ascending grid cell order. */
    private int[] linked;

    private int linkCount;
    /** Per vertex, whether its segment's cell holds another contour segment, of any level. */
    private boolean[] shared;
    /** The ring being simplified, its coordinates by position (see {@link #gatherCoordinates}). */
    private double[] ringX;

    private double[] ringY;

    /** Douglas-Peucker's state, reused from ring to ring: kept positions, kept vertices, open chains. */
    private boolean[] keep;

    private int[] simplified;
    private int[] stack = new int[64];

    /**
     * @param expectedVertices a guess of the vertex count, to size the arrays once (growing them
     *     by doubling costs more than the contour's marching on a 15-minute area)
     */
    ContourRings(int expectedVertices) {
        int capacity = Math.max(256, expectedVertices);
        xs = new double[capacity];
        ys = new double[capacity];
        next = new int[capacity];
        cellOf = new long[capacity];
        linked = new int[capacity];
    }

    int add(double x, double y) {
        if (count == xs.length) {
            xs = Arrays.copyOf(xs, count * 2);
            ys = Arrays.copyOf(ys, count * 2);
            next = Arrays.copyOf(next, count * 2);
            cellOf = Arrays.copyOf(cellOf, count * 2);
            linked = Arrays.copyOf(linked, count * 2);
        }
        xs[count] = x;
        ys[count] = y;
        next[count] = -1;
        return count++;
    }

    /**
     * Records the ring segment from one vertex to the next, lying in grid cell {@code cell}; cells
     * come in ascending order (marching squares scans the grid row by row).
     */
    void link(int from, int to, long cell) {
        next[from] = to;
        cellOf[from] = cell;
        linked[linkCount++] = from;
    }

    /**
     * Marks the segments whose grid cell holds another contour segment, of the same level (a saddle
     * cell) or of another one (thresholds bounded by the same streets). Each level links its cells in
     * ascending order, so equal cells are neighbours within a level and found by merging across levels.
     * O(levels² × segments).
     */
    static void markSharedCells(List<ContourRings> levels) {
        for (ContourRings rings : levels) {
            rings.shared = new boolean[rings.count];
            for (int k = 1; k < rings.linkCount; k++) {
                int a = rings.linked[k - 1];
                int b = rings.linked[k];
                if (rings.cellOf[a] == rings.cellOf[b]) {
                    rings.shared[a] = true;
                    rings.shared[b] = true;
                }
            }
        }
        for (int l = 0; l < levels.size(); l++) {
            for (int m = l + 1; m < levels.size(); m++) {
                ContourRings first = levels.get(l);
                ContourRings second = levels.get(m);
                int i = 0;
                int k = 0;
                while (i < first.linkCount && k < second.linkCount) {
                    long a = first.cellOf[first.linked[i]];
                    long b = second.cellOf[second.linked[k]];
                    if (a < b) {
                        i++;
                    } else if (b < a) {
                        k++;
                    } else {
                        // Mark every segment of this cell in both levels.
                        for (int x = i; x < first.linkCount && first.cellOf[first.linked[x]] == a; x++) {
                            first.shared[first.linked[x]] = true;
                        }
                        for (int y = k; y < second.linkCount && second.cellOf[second.linked[y]] == a; y++) {
                            second.shared[second.linked[y]] = true;
                        }
                        i++;
                        k++;
                    }
                }
            }
        }
    }

    /**
     * Traces every ring, simplifies it, then nests holes (clockwise) in the smallest shell around
     * them.
     *
     * @param spacingMeters the grid spacing; vertices are in grid-local metres
     * @param toleranceMeters Douglas-Peucker tolerance; 0 only drops collinear vertices
     */
    Geometry polygons(
            GeometryFactory factory,
            double originX,
            double originY,
            double spacingMeters,
            long columns,
            double toleranceMeters) {
        boolean[] done = new boolean[count];
        List<LinearRing> shells = new ArrayList<>();
        List<Double> shellAreas = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        // Every scratch array sized once for the longest possible ring, all the vertices: growing them
        // by doubling, ring after ring, allocated more than the contour's own arrays.
        int[] ring = new int[count + 1];
        ringX = new double[count + 1];
        ringY = new double[count + 1];
        keep = new boolean[count + 1];
        simplified = new int[count + 1];
        Chord chord = new Chord(spacingMeters, columns, count);
        for (int start = 0; start < count; start++) {
            if (done[start]) {
                continue;
            }
            int n = 0;
            for (int v = start; !done[v]; v = next[v]) {
                if (next[v] < 0) {
                    throw new IllegalStateException("Open contour at vertex " + v);
                }
                done[v] = true;
                ring[n++] = v;
            }
            ring[n] = ring[0];
            gatherCoordinates(ring, n);
            int kept = simplify(ring, n, toleranceMeters, chord.forRing(ring, n));
            double twiceArea = twiceSignedAreaOf(ring, kept);
            if (kept < 3 || twiceArea == 0) {
                continue;
            }
            Coordinate[] coordinates = new Coordinate[kept + 1];
            for (int i = 0; i < kept; i++) {
                coordinates[i] = new Coordinate(originX + xs[ring[i]], originY + ys[ring[i]]);
            }
            coordinates[kept] = coordinates[0].copy();
            LinearRing linear = factory.createLinearRing(coordinates);
            if (twiceArea > 0) {
                shells.add(linear);
                shellAreas.add(twiceArea / 2);
            } else {
                holes.add(linear);
            }
        }
        return assemble(factory, shells, shellAreas, holes);
    }

    /** Twice the signed area of the ring of vertices {@code ring[0 … n − 1]}. */
    private double twiceSignedAreaOf(int[] ring, int n) {
        double twiceArea = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            twiceArea += xs[ring[i]] * ys[ring[j]] - xs[ring[j]] * ys[ring[i]];
        }
        return twiceArea;
    }

    /**
     * Copies the traced ring's coordinates ({@code ring[0 … n]}) into {@link #ringX} and {@link
     * #ringY} by position: vertices are numbered in the grid's scan order, so a ring visits them
     * scattered over the coordinate arrays, and Douglas-Peucker reads each many times.
     */
    private void gatherCoordinates(int[] ring, int n) {
        for (int i = 0; i <= n; i++) {
            ringX[i] = xs[ring[i]];
            ringY[i] = ys[ring[i]];
        }
    }

    /** Twice the signed area of the gathered ring's first {@code n} positions. */
    private double twiceSignedArea(int n) {
        double twiceArea = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            twiceArea += ringX[i] * ringY[j] - ringX[j] * ringY[i];
        }
        return twiceArea;
    }

    /**
     * Douglas-Peucker on the closed ring {@code ring[0 … n]} ({@code ring[n] == ring[0]}) with the
     * chord condition, iteratively; compacts the kept vertices to the front of {@code ring}.
     *
     * @return the number of vertices kept (the ring as traced when simplification would flatten it)
     */
    private int simplify(int[] ring, int n, double toleranceMeters, Chord chord) {
        if (n < 4) {
            return n;
        }
        double originalArea = twiceSignedArea(n);
        Arrays.fill(keep, 0, n + 1, false);
        int far = 0;
        double farDistance = -1;
        for (int i = 1; i < n; i++) {
            double d = squared(ringX[i] - ringX[0], ringY[i] - ringY[0]);
            if (d > farDistance) {
                farDistance = d;
                far = i;
            }
        }
        keep[0] = true;
        keep[far] = true;
        keep[n] = true;
        double tolerance = Math.max(toleranceMeters, AllowanceContour.COLLINEAR_METERS);
        int top = 0;
        stack[top++] = 0;
        stack[top++] = far;
        stack[top++] = far;
        stack[top++] = n;
        while (top > 0) {
            int j = stack[--top];
            int i = stack[--top];
            if (j - i < 2) {
                continue;
            }
            int split = farthestFromChord(i, j);
            double distance = distanceToChord(i, j, split);
            if (distance <= tolerance && chord.isClear(i, j)) {
                continue;
            }
            if (distance <= tolerance) {
                split = (i + j) >>> 1;
            }
            keep[split] = true;
            if (top + 4 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = i;
            stack[top++] = split;
            stack[top++] = split;
            stack[top++] = j;
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                simplified[kept++] = ring[i];
            }
        }
        double area = 0;
        for (int i = 0; i < kept; i++) {
            int j = i + 1 == kept ? 0 : i + 1;
            area += xs[simplified[i]] * ys[simplified[j]] - xs[simplified[j]] * ys[simplified[i]];
        }
        if (kept < 3 || Math.signum(area) != Math.signum(originalArea)) {
            return n;
        }
        System.arraycopy(simplified, 0, ring, 0, kept);
        return kept;
    }

    private static double squared(double dx, double dy) {
        return dx * dx + dy * dy;
    }

    /**
     * The position strictly between {@code i} and {@code j} farthest from the chord i–j (the first of
     * equals), in one pass without a division or a square root: each vertex's squared distance from
     * the chord, scaled by the chord's squared length L², is the squared cross product when it
     * projects inside the chord and its squared distance from the nearer end times L² otherwise; the
     * scale is the same for every vertex of the chain, so the largest scaled value is the farthest.
     *
     * <p>IMPLEMENTATION NOTE: the scaled values and {@link #distanceToChord} differ only by rounding
     * (~10⁻¹⁵ relatively), so they could pick different vertices only between two practically equally
     * far ones; either choice is a Douglas-Peucker split, and the kept chord is tested with {@link
     * #distanceToChord} against the tolerance all the same.
     */
    private int farthestFromChord(int i, int j) {
        final double[] x = ringX;
        final double[] y = ringY;
        final double ax = x[i];
        final double ay = y[i];
        final double dx = x[j] - ax;
        final double dy = y[j] - ay;
        final double lengthSquared = dx * dx + dy * dy;
        // A chord of length 0 (never between distinct vertices, kept for safety): plain distances.
        final double scale = lengthSquared > 0 ? lengthSquared : 1;
        int best = i + 1;
        double bestScaled = -1;
        for (int k = i + 1; k < j; k++) {
            double px = x[k] - ax;
            double py = y[k] - ay;
            double along = px * dx + py * dy;
            double scaled;
            if (along <= 0 || lengthSquared == 0) {
                scaled = (px * px + py * py) * scale;
            } else if (along >= lengthSquared) {
                double qx = px - dx;
                double qy = py - dy;
                scaled = (qx * qx + qy * qy) * scale;
            } else {
                double cross = px * dy - py * dx;
                scaled = cross * cross;
            }
            if (scaled > bestScaled) {
                bestScaled = scaled;
                best = k;
            }
        }
        return best;
    }

    private double distanceToChord(int i, int j, int k) {
        double ax = ringX[i];
        double ay = ringY[i];
        double dx = ringX[j] - ax;
        double dy = ringY[j] - ay;
        double px = ringX[k] - ax;
        double py = ringY[k] - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared)) : 0;
        return Math.sqrt(squared(px - t * dx, py - t * dy));
    }

    /**
     * The chord condition: walks the grid cells a chord passes through (J. Amanatides, A. Woo, "A
     * fast voxel traversal algorithm for ray tracing", Eurographics 1987) and asks that each be owned
     * by a segment of the chain it replaces. A chord along a grid line or through a grid corner is
     * refused rather than decided by rounding.
     */
    private final class Chord {
        private final double spacingMeters;
        private final long columns;
        /** The ring's cells, open addressing: cell → position on the ring, {@code −1} for a shared cell. */
        private final long[] cells;

        private final int[] positions;
        private int mask;
        /** The positions of the chain the current chord would replace: {@code from … to − 1}. */
        private int from;

        private int to;

        /** @param maxRingVertices the most vertices a ring can have, to size the table once */
        Chord(double spacingMeters, long columns, int maxRingVertices) {
            this.spacingMeters = spacingMeters;
            this.columns = columns;
            int capacity = capacityFor(maxRingVertices);
            cells = new long[capacity];
            positions = new int[capacity];
        }

        /** At most half full. */
        private static int capacityFor(int vertices) {
            return Integer.highestOneBit(Math.max(8, 2 * vertices - 1)) << 1;
        }

        /**
         * Indexes the cells of a traced ring's segments, positions {@code 0 … n − 1}, once for all its
         * chords: a cell a chord crosses must hold a segment of the chain it replaces, and not be shared
         * with any other segment (then its only segment is the chain's).
         */
        Chord forRing(int[] ring, int n) {
            int capacity = capacityFor(n);
            mask = capacity - 1;
            Arrays.fill(cells, 0, capacity, -1);
            for (int k = 0; k < n; k++) {
                int vertex = ring[k];
                long cell = cellOf[vertex];
                int h = hash(cell) & mask;
                while (cells[h] != -1 && cells[h] != cell) {
                    h = (h + 1) & mask;
                }
                cells[h] = cell;
                positions[h] = shared[vertex] ? -1 : k;
            }
            return this;
        }

        boolean isClear(int i, int j) {
            double ax = ringX[i] / spacingMeters;
            double ay = ringY[i] / spacingMeters;
            double bx = ringX[j] / spacingMeters;
            double by = ringY[j] / spacingMeters;
            double dx = bx - ax;
            double dy = by - ay;
            double length = Math.sqrt(squared(dx, dy));
            if (length == 0 || dx == 0 || dy == 0) {
                return false;
            }
            from = i;
            to = j;
            // Vertices lie on grid edges; step a hair inside to find the first and last cell.
            double nudge = 1e-7 / length;
            double sx = ax + dx * nudge;
            double sy = ay + dy * nudge;
            long cx = (long) Math.floor(sx);
            long cy = (long) Math.floor(sy);
            long endX = (long) Math.floor(bx - dx * nudge);
            long endY = (long) Math.floor(by - dy * nudge);
            int stepX = dx > 0 ? 1 : -1;
            int stepY = dy > 0 ? 1 : -1;
            double deltaX = Math.abs(1 / dx);
            double deltaY = Math.abs(1 / dy);
            double maxX = ((stepX > 0 ? cx + 1 : cx) - sx) / dx;
            double maxY = ((stepY > 0 ? cy + 1 : cy) - sy) / dy;
            long steps = Math.abs(endX - cx) + Math.abs(endY - cy);
            for (long s = 0; ; s++) {
                if (!owned(cy * columns + cx)) {
                    return false;
                }
                if (cx == endX && cy == endY) {
                    return true;
                }
                if (s > steps || Math.abs(maxX - maxY) < 1e-12) {
                    return false;
                }
                if (maxX < maxY) {
                    cx += stepX;
                    maxX += deltaX;
                } else {
                    cy += stepY;
                    maxY += deltaY;
                }
            }
        }

        /** Whether a cell holds a segment of the chain and no other segment. */
        private boolean owned(long cell) {
            for (int h = hash(cell) & mask; ; h = (h + 1) & mask) {
                if (cells[h] == -1) {
                    return false;
                }
                if (cells[h] == cell) {
                    return positions[h] >= from && positions[h] < to;
                }
            }
        }

        private int hash(long cell) {
            return (int) ((cell * 0x9E3779B97F4A7C15L) >>> 32);
        }
    }

    private static Geometry assemble(
            GeometryFactory factory, List<LinearRing> shells, List<Double> shellAreas, List<LinearRing> holes) {
        List<List<LinearRing>> holesOfShell = new ArrayList<>(shells.size());
        for (int s = 0; s < shells.size(); s++) {
            holesOfShell.add(new ArrayList<>());
        }
        if (!holes.isEmpty() && shells.size() == 1) {
            // Every hole of a contour lies in a shell of it: with one shell, in that one. The common
            // case (a 15-minute area and its holes, the blocks no path comes near), without building a
            // point locator over the shell.
            holesOfShell.get(0).addAll(holes);
        } else if (!holes.isEmpty()) {
            STRtree index = new STRtree();
            for (int s = 0; s < shells.size(); s++) {
                index.insert(shells.get(s).getEnvelopeInternal(), s);
            }
            IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[shells.size()];
            for (LinearRing hole : holes) {
                Envelope envelope = hole.getEnvelopeInternal();
                Coordinate probe = hole.getCoordinateN(0);
                int best = -1;
                for (Object item : index.query(envelope)) {
                    int s = (Integer) item;
                    if (!shells.get(s).getEnvelopeInternal().covers(envelope)
                            || (best >= 0 && shellAreas.get(s) >= shellAreas.get(best))) {
                        continue;
                    }
                    if (locators[s] == null) {
                        locators[s] = new IndexedPointInAreaLocator(factory.createPolygon(shells.get(s)));
                    }
                    if (locators[s].locate(probe) == Location.INTERIOR) {
                        best = s;
                    }
                }
                if (best < 0) {
                    throw new IllegalStateException("Contour hole outside every shell at " + probe);
                }
                holesOfShell.get(best).add(hole);
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < shells.size(); s++) {
            polygons[s] =
                    factory.createPolygon(shells.get(s), holesOfShell.get(s).toArray(new LinearRing[0]));
        }
        if (polygons.length == 0) {
            return factory.createPolygon();
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }
}
