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
    /** Marks a cell holding contour segments of more than one chain. */
    private static final long SHARED = -2;

    private static final long ABSENT = -1;

    private int count;
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int[] next = new int[256];
    private long[] cellOf = new long[256];

    int add(double x, double y) {
        if (count == xs.length) {
            xs = Arrays.copyOf(xs, count * 2);
            ys = Arrays.copyOf(ys, count * 2);
            next = Arrays.copyOf(next, count * 2);
            cellOf = Arrays.copyOf(cellOf, count * 2);
        }
        xs[count] = x;
        ys[count] = y;
        next[count] = -1;
        return count++;
    }

    /** Records the ring segment from one vertex to the next, lying in grid cell {@code cell}. */
    void link(int from, int to, long cell) {
        next[from] = to;
        cellOf[from] = cell;
    }

    /** Which level and vertex own each grid cell holding contour, {@link #SHARED} where several do. */
    static CellOwners claimCells(List<ContourRings> levels) {
        int total = 0;
        for (ContourRings rings : levels) {
            total += rings.count;
        }
        CellOwners owners = new CellOwners(total);
        for (int level = 0; level < levels.size(); level++) {
            ContourRings rings = levels.get(level);
            for (int v = 0; v < rings.count; v++) {
                owners.claim(rings.cellOf[v], ((long) level << 32) | v);
            }
        }
        return owners;
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
            double toleranceMeters,
            CellOwners owners,
            int level) {
        boolean[] done = new boolean[count];
        int[] ringOf = new int[count];
        int[] positionOf = new int[count];
        List<LinearRing> shells = new ArrayList<>();
        List<Double> shellAreas = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        int[] ring = new int[64];
        Chord chord = new Chord(spacingMeters, columns, owners, level, ringOf, positionOf);
        int ringCount = 0;
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
                if (n + 1 >= ring.length) {
                    ring = Arrays.copyOf(ring, ring.length * 2);
                }
                ringOf[v] = ringCount;
                positionOf[v] = n;
                ring[n++] = v;
            }
            ring[n] = ring[0];
            int kept = simplify(ring, n, toleranceMeters, chord.forRing(ringCount, ring));
            ringCount++;
            double twiceArea = twiceSignedArea(ring, kept);
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

    private double twiceSignedArea(int[] ring, int n) {
        double twiceArea = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            twiceArea += xs[ring[i]] * ys[ring[j]] - xs[ring[j]] * ys[ring[i]];
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
        double originalArea = twiceSignedArea(ring, n);
        boolean[] keep = new boolean[n + 1];
        int far = 0;
        double farDistance = -1;
        for (int i = 1; i < n; i++) {
            double d = squared(xs[ring[i]] - xs[ring[0]], ys[ring[i]] - ys[ring[0]]);
            if (d > farDistance) {
                farDistance = d;
                far = i;
            }
        }
        keep[0] = true;
        keep[far] = true;
        keep[n] = true;
        double tolerance = Math.max(toleranceMeters, AllowanceContour.COLLINEAR_METERS);
        int[] stack = new int[64];
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
            int split = farthestFromChord(ring, i, j);
            double distance = distanceToChord(ring, i, j, split);
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
        int[] simplified = new int[n];
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

    private int farthestFromChord(int[] ring, int i, int j) {
        int best = i + 1;
        double bestDistance = -1;
        for (int k = i + 1; k < j; k++) {
            double d = distanceToChord(ring, i, j, k);
            if (d > bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    private double distanceToChord(int[] ring, int i, int j, int k) {
        double ax = xs[ring[i]];
        double ay = ys[ring[i]];
        double dx = xs[ring[j]] - ax;
        double dy = ys[ring[j]] - ay;
        double px = xs[ring[k]] - ax;
        double py = ys[ring[k]] - ay;
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
        private final CellOwners owners;
        private final long levelBits;
        private final int[] ringOf;
        private final int[] positionOf;
        private int ringIndex;
        private int[] ring;

        Chord(double spacingMeters, long columns, CellOwners owners, int level, int[] ringOf, int[] positionOf) {
            this.spacingMeters = spacingMeters;
            this.columns = columns;
            this.owners = owners;
            this.levelBits = (long) level << 32;
            this.ringOf = ringOf;
            this.positionOf = positionOf;
        }

        Chord forRing(int ringIndex, int[] ring) {
            this.ringIndex = ringIndex;
            this.ring = ring;
            return this;
        }

        boolean isClear(int i, int j) {
            double ax = xs[ring[i]] / spacingMeters;
            double ay = ys[ring[i]] / spacingMeters;
            double bx = xs[ring[j]] / spacingMeters;
            double by = ys[ring[j]] / spacingMeters;
            double dx = bx - ax;
            double dy = by - ay;
            double length = Math.sqrt(squared(dx, dy));
            if (length == 0 || dx == 0 || dy == 0) {
                return false;
            }
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
                if (!owned(cx, cy, i, j)) {
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

        private boolean owned(long cx, long cy, int i, int j) {
            long owner = owners.get(cy * columns + cx);
            if (owner < 0 || (owner & 0xFFFFFFFF00000000L) != levelBits) {
                return false;
            }
            int vertex = (int) owner;
            int position = positionOf[vertex];
            return ringOf[vertex] == ringIndex && position >= i && position < j;
        }
    }

    /** Grid cell → owner ({@code level << 32 | vertex}), open addressing with linear probing. */
    static final class CellOwners {
        private long[] keys;
        private long[] values;
        private int size;

        /** Sized for {@code expected} claims at a load factor of at most one half. */
        CellOwners(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, 2 * expected - 1)) << 1;
            keys = new long[capacity];
            values = new long[capacity];
            Arrays.fill(keys, ABSENT);
        }

        void claim(long cell, long owner) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int h = hash(cell) & mask; ; h = (h + 1) & mask) {
                if (keys[h] == ABSENT) {
                    keys[h] = cell;
                    values[h] = owner;
                    size++;
                    return;
                }
                if (keys[h] == cell) {
                    values[h] = SHARED;
                    return;
                }
            }
        }

        long get(long cell) {
            int mask = keys.length - 1;
            for (int h = hash(cell) & mask; ; h = (h + 1) & mask) {
                if (keys[h] == ABSENT) {
                    return ABSENT;
                }
                if (keys[h] == cell) {
                    return values[h];
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            Arrays.fill(keys, ABSENT);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != ABSENT) {
                    int h = hash(oldKeys[i]) & mask;
                    while (keys[h] != ABSENT) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = oldKeys[i];
                    values[h] = oldValues[i];
                }
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32);
        }
    }

    private static Geometry assemble(
            GeometryFactory factory, List<LinearRing> shells, List<Double> shellAreas, List<LinearRing> holes) {
        List<List<LinearRing>> holesOfShell = new ArrayList<>(shells.size());
        for (int s = 0; s < shells.size(); s++) {
            holesOfShell.add(new ArrayList<>());
        }
        if (!holes.isEmpty()) {
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
