package org.lifecircle.datasets.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The outline of a set of grid cells as a valid MultiPolygon, computed exactly in integer grid space
 * and only then mapped to lon/lat through the corner cache.
 *
 * <p>Why not a JTS union of cell squares: a union in floating point over projected corners can
 * drop or move vertices by rounding, and then a community would no longer share its edge
 * bit-for-bit with its neighbour and its cells. Here every ring vertex is a cached grid corner.
 *
 * <p>Method. Each cell side whose neighbour is outside the set is a boundary edge, directed
 * counter-clockwise around the cell (set interior on the left). The edges are walked into closed
 * walks, preferring a left turn where two walks meet at a corner (two set cells touching only
 * diagonally), and each walk is split at repeated corners into simple rings. Counter-clockwise
 * rings are shells, clockwise ones holes; with this convention rings can only touch at single
 * points, which OGC and JTS validity allow. Every grid corner along a ring is kept, even collinear
 * ones, so shared edges stay identical. O(boundary edges) per set.
 *
 * <p>Not thread-safe: keeps per-corner scratch arrays between calls.
 */
final class CellRegionOutliner {
    private static final int EAST = 0;
    private static final int NORTH = 1;
    private static final int WEST = 2;
    private static final int SOUTH = 3;

    private final CellGrid grid;
    private final GridCornerProjection projection;
    private final byte[] outgoing;
    private final int[] positionInWalk;

    CellRegionOutliner(CellGrid grid, GridCornerProjection projection) {
        this.grid = grid;
        this.projection = projection;
        this.outgoing = new byte[grid.cornerCount()];
        this.positionInWalk = new int[grid.cornerCount()];
        Arrays.fill(positionInWalk, -1);
    }

    /**
     * @param cells cell indexes of the set, ascending
     * @param label label per cell; a cell is in the set when its label equals {@code member}
     */
    MultiPolygon outline(int[] cells, int[] label, int member) {
        int[] starts = new int[cells.length * 4];
        int startCount = 0;
        for (int index : cells) {
            int column = grid.columnOfCell(index);
            int row = grid.rowOfCell(index);
            if (!inSet(label, member, column, row - 1)) {
                startCount = add(starts, startCount, grid.cornerIndex(column, row), EAST);
            }
            if (!inSet(label, member, column + 1, row)) {
                startCount = add(starts, startCount, grid.cornerIndex(column + 1, row), NORTH);
            }
            if (!inSet(label, member, column, row + 1)) {
                startCount = add(starts, startCount, grid.cornerIndex(column + 1, row + 1), WEST);
            }
            if (!inSet(label, member, column - 1, row)) {
                startCount = add(starts, startCount, grid.cornerIndex(column, row + 1), SOUTH);
            }
        }
        List<int[]> shells = new ArrayList<>();
        List<int[]> holes = new ArrayList<>();
        for (int k = 0; k < startCount; k++) {
            int start = starts[k];
            while (outgoing[start] != 0) {
                for (int[] ring : splitAtRepeats(walk(start))) {
                    (signedDoubleArea(ring) > 0 ? shells : holes).add(ring);
                }
            }
        }
        return toMultiPolygon(shells, holes);
    }

    private boolean inSet(int[] label, int member, int column, int row) {
        return grid.containsCell(column, row) && label[grid.cellIndex(column, row)] == member;
    }

    private int add(int[] starts, int count, int corner, int direction) {
        outgoing[corner] |= (byte) (1 << direction);
        starts[count] = corner;
        return count + 1;
    }

    /** Follows unused boundary edges from a corner until stuck (back at the start); clears them. */
    private int[] walk(int start) {
        int[] corners = new int[16];
        int length = 0;
        int corner = start;
        int direction = Integer.numberOfTrailingZeros(outgoing[start]);
        while (true) {
            if (length == corners.length) {
                corners = Arrays.copyOf(corners, length * 2);
            }
            corners[length++] = corner;
            outgoing[corner] &= (byte) ~(1 << direction);
            corner = step(corner, direction);
            int mask = outgoing[corner];
            if (mask == 0) {
                break;
            }
            int left = (direction + 1) % 4;
            int right = (direction + 3) % 4;
            if ((mask & (1 << left)) != 0) {
                direction = left;
            } else if ((mask & (1 << direction)) == 0) {
                direction = right;
            }
        }
        if (corner != start) {
            throw new IllegalStateException("Boundary walk did not close at corner " + start);
        }
        return Arrays.copyOf(corners, length);
    }

    private int step(int corner, int direction) {
        return switch (direction) {
            case EAST -> corner + 1;
            case NORTH -> corner + grid.widthCells() + 1;
            case WEST -> corner - 1;
            default -> corner - grid.widthCells() - 1;
        };
    }

    /** Splits a closed walk (first corner not repeated at the end) into simple closed rings. */
    private List<int[]> splitAtRepeats(int[] walk) {
        List<int[]> rings = new ArrayList<>();
        int[] stack = new int[walk.length];
        int top = 0;
        for (int corner : walk) {
            int seen = positionInWalk[corner];
            if (seen >= 0) {
                int[] ring = Arrays.copyOfRange(stack, seen, top);
                rings.add(ring);
                for (int k = seen + 1; k < top; k++) {
                    positionInWalk[stack[k]] = -1;
                }
                top = seen + 1;
            } else {
                positionInWalk[corner] = top;
                stack[top++] = corner;
            }
        }
        rings.add(Arrays.copyOf(stack, top));
        for (int k = 0; k < top; k++) {
            positionInWalk[stack[k]] = -1;
        }
        return rings;
    }

    /** Twice the signed area in cell units; positive for counter-clockwise rings. */
    private long signedDoubleArea(int[] ring) {
        long sum = 0;
        for (int k = 0; k < ring.length; k++) {
            int a = ring[k];
            int b = ring[(k + 1) % ring.length];
            sum += (long) grid.iOfCorner(a) * grid.jOfCorner(b) - (long) grid.iOfCorner(b) * grid.jOfCorner(a);
        }
        return sum;
    }

    private MultiPolygon toMultiPolygon(List<int[]> shells, List<int[]> holes) {
        GeometryFactory factory = projection.geometryFactory();
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < shells.size(); s++) {
            List<LinearRing> inner = new ArrayList<>();
            for (int[] hole : holes) {
                if (shells.size() == 1 || encloses(shells.get(s), hole)) {
                    inner.add(ring(hole));
                }
            }
            polygons[s] = factory.createPolygon(ring(shells.get(s)), inner.toArray(LinearRing[]::new));
        }
        return factory.createMultiPolygon(polygons);
    }

    private LinearRing ring(int[] corners) {
        Coordinate[] points = new Coordinate[corners.length + 1];
        for (int k = 0; k < corners.length; k++) {
            points[k] = projection.corner(corners[k]);
        }
        points[corners.length] = points[0];
        return projection.geometryFactory().createLinearRing(points);
    }

    /** Whether a shell encloses a hole: the midpoint of the hole's first edge, nudged to its outside, lies inside. */
    private boolean encloses(int[] shell, int[] hole) {
        int a = hole[0];
        int b = hole[1 % hole.length];
        double x = (grid.iOfCorner(a) + grid.iOfCorner(b)) / 2.0;
        double y = (grid.jOfCorner(a) + grid.jOfCorner(b)) / 2.0;
        // the set lies left of a hole edge; a quarter cell to the left is inside the shell's area
        double dx = grid.iOfCorner(b) - grid.iOfCorner(a);
        double dy = grid.jOfCorner(b) - grid.jOfCorner(a);
        x += -dy * 0.25;
        y += dx * 0.25;
        boolean inside = false;
        for (int k = 0, previous = shell.length - 1; k < shell.length; previous = k++) {
            double xi = grid.iOfCorner(shell[k]);
            double yi = grid.jOfCorner(shell[k]);
            double xj = grid.iOfCorner(shell[previous]);
            double yj = grid.jOfCorner(shell[previous]);
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
