package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The land within a distance of labelled line segments, each segment covering only grid points of
 * its own label, drawn as the contour of the segments' distance field sampled on a square grid
 * (marching squares). This is the allowance buffer of {@link NetworkAreaShaper} in one pass instead
 * of a union of hundreds of overlapping buffer polygons.
 *
 * <p><b>Method.</b> Grid points {@code spacing} apart cover the segments' envelope grown by the
 * allowance and two spacings, so the border points lie outside. Each segment is rasterized row by
 * row: its stadium (the set within a radius of it) meets a grid row in one interval, computed in
 * closed form from its two end discs and its side strip. Points within {@code allowance − spacing}
 * of a segment of their label are only marked inside; points in the band up to {@code allowance +
 * spacing} get their exact distance; the field is the least value over the segments of the point's
 * label ({@link StripField}). Marching squares
 * (W. E. Lorensen, H. E. Cline, "Marching cubes: a high resolution 3D surface construction
 * algorithm", SIGGRAPH 1987, in its 2-D form) then places a vertex on every grid edge whose ends lie
 * on either side of the allowance, by linear interpolation, and links the vertices cell by cell into
 * rings oriented with the covered side on the left; ambiguous saddle cells are resolved by the mean
 * of their corners. Counter-clockwise rings are shells, clockwise ones holes of the smallest shell
 * around them; {@link ContourRings} traces and simplifies the rings. Several areas (the thresholds
 * of one search) are drawn on one grid so their outlines can be simplified together.
 *
 * <p><b>Accuracy.</b> The field is exact (distances from the segments, not from rasterized lines);
 * only the contour is sampled. A crossing edge has both ends in the band because the field is
 * 1-Lipschitz, so its interpolated vertex is exact along a straight offset. Within a cell the
 * covered part is the hull of its covered corners and the vertices between, and no point of that
 * hull is farther than {@code √5 / 2 × spacing} from a covered corner (the worst case is the middle
 * of the far side when two adjacent corners are covered); the same holds for the uncovered part and
 * the uncovered corners. With the field 1-Lipschitz, every point of the result is therefore within
 * {@code allowance + e} of a segment of its label and every point within {@code allowance − e} of one
 * is in the result, {@code e = }{@link #ERROR_PER_SPACING}{@code × spacing}, except within {@code e}
 * of a label boundary (a river bank, a rail line), which the outline follows within that distance.
 * Callers choose the spacing from their error budget ({@code NetworkAreaShaper} spends most of the
 * simplification tolerance on it).
 *
 * <p><b>Complexity.</b> O(c + s × w / spacing) for c grid cells and s segments whose stadiums span w
 * metres of rows; the grid is processed in strips of {@link #STRIP_ROWS} rows so memory stays
 * O(strip × columns) plus the output, whatever the extent (a whole city dissolves in one pass).
 * Measured on the demo cities (one core, CPU time): one 15-minute area ≈ 1.5 ms of grid work, a
 * city-wide dissolve ≈ 1 s. The cell term is mostly skipped: cells inside the marked runs of both
 * their rows a run at a time, uncovered ones in a tight loop.
 *
 * <p><b>IMPLEMENTATION NOTE.</b>
 *
 * <ul>
 *   <li>The field of a strip lives in primitive arrays reused from strip to strip ({@link
 *       StripField}); the marked points are runs per row ({@link SolidRuns}), not values; segments
 *       are bucketed by strip in CSR arrays.
 *   <li>Each strip row remembers the first and last column any segment reached; marching squares
 *       skips the cells beyond, which are uncovered.
 *   <li>Contour vertices are found by grid edge through three column-indexed arrays (the bottom and
 *       top horizontal edges and the vertical edges of the current cell row) with row stamps, rotated
 *       as the scan moves up, so no hashing: a vertex on a strip's shared last row is the one the
 *       next strip links to. Each vertex starts exactly one ring segment and ends exactly one.
 *   <li>The field ({@link StripField}, {@link StadiumRows}, {@link SolidRuns}), ring tracing and
 *       simplification ({@link ContourRings}) and region labels ({@link LabelSpans}) are apart;
 *       this class lays out the grid and marches.
 *   <li>The grid sits on the global lattice of its spacing, so areas of nested line sets (the
 *       thresholds of one facility) sample the same points and their contours nest.
 * </ul>
 *
 * <p>One use per object; not thread-safe.
 */
final class AllowanceContour {
    /**
     * The outline is within this many grid spacings of the exact area's boundary, both ways: √5 / 2,
     * the farthest a point of a grid cell can be from the nearer of two adjacent corners (see the
     * class comment).
     */
    static final double ERROR_PER_SPACING = Math.sqrt(5) / 2;

    /** Rows per strip: 128 rows of a city-wide grid (~10⁴ columns) are ~5 MB of field. */
    static final int STRIP_ROWS = 128;

    /**
     * The last strip field of each thread, for its next call: allocating and filling a new one (~230
     * kB on a 15-minute area) and the arrays it grows cost ~3 % of a Nanjing 15-minute area.
     */
    private static final ThreadLocal<StripField> SPARE_FIELD = new ThreadLocal<>();

    /** Wider grids keep no spare field: a city-wide dissolve's is megabytes, and rare. */
    private static final int MAX_SPARE_COLUMNS = 4096;

    /** The least Douglas-Peucker tolerance, 0.1 mm: a tolerance of 0 still drops vertices in line. */
    static final double COLLINEAR_METERS = 1e-4;

    /**
     * Interpolated vertices keep at least this fraction of a grid edge from its ends, so vertices of
     * different rings (which lie on different grid edges) never coincide at a grid point.
     */
    private static final double EDGE_MARGIN = 0.01;

    private static final int BOTTOM = 0;
    private static final int RIGHT = 1;
    private static final int TOP = 2;
    private static final int LEFT = 3;

    /** The label of every segment and grid point when there are no barriers. */
    static final int NO_LABELS = -1;

    private final GeometryFactory factory;
    private final double allowanceMeters;
    private final double spacingMeters;
    private final float inside;
    private final float innerValue;
    private final float outerValue;

    private final List<Level> levels;

    /** The current level's segment end points relative to the grid origin, {@code x0 y0 x1 y1} each. */
    private double[] segments;

    private int[] segmentLabels;
    private int segmentCount;
    private List<Polygon> labelRegions;

    private double originX;
    private double originY;
    private int columns;
    private int rows;
    private StripField strip;

    /**
     * Contour vertices on the horizontal grid edges of the current cell row's bottom and top grid
     * rows and on its vertical edges, by column, valid where the stamp equals that row.
     */
    private int[] bottomVertex;

    private int[] bottomStamp;
    private int[] topVertex;
    private int[] topStamp;
    private int[] sideVertex;
    private int[] sideStamp;
    /** The corners of the cell being linked: bottom-left, bottom-right, top-right, top-left. */
    private float cornerBl;

    private float cornerBr;
    private float cornerTr;
    private float cornerTl;

    private ContourRings vertices;

    /**
     * The line segments of one area, with their labels.
     *
     * @param segmentsXy segment end points in metres, {@code x0 y0 x1 y1} per segment; taken over and
     *     rewritten
     * @param segmentLabels per segment, the label it covers: {@link #NO_LABELS} when {@code
     *     labelRegions} is null, else 0 for the barrier mask or {@code r + 1} for region {@code r}
     * @param labelRegions disjoint land regions whose points carry labels 1, 2, …; points in none
     *     carry 0; null for no labels
     */
    record Level(double[] segmentsXy, int[] segmentLabels, int segmentCount, List<Polygon> labelRegions) {}

    /**
     * @param levels the areas to draw on one grid, typically the thresholds of one search: their
     *     outlines are simplified together so that they keep their nesting
     */
    AllowanceContour(GeometryFactory factory, List<Level> levels, double allowanceMeters, double spacingMeters) {
        if (!(spacingMeters > 0 && spacingMeters < allowanceMeters)) {
            throw new IllegalArgumentException(
                    "Grid spacing must be in (0, allowance " + allowanceMeters + ") metres: " + spacingMeters);
        }
        this.factory = factory;
        this.levels = List.copyOf(levels);
        this.allowanceMeters = allowanceMeters;
        this.spacingMeters = spacingMeters;
        this.inside = (float) allowanceMeters;
        this.innerValue = (float) (allowanceMeters - spacingMeters);
        this.outerValue = (float) (allowanceMeters + spacingMeters);
    }

    /**
     * The contour polygon(s) of each level, in level order; empty for a level without segments.
     *
     * @param simplifyToleranceMeters Douglas-Peucker tolerance of the outlines (see {@link
     *     ContourRings}); 0 keeps every vertex off a straight line
     */
    List<Geometry> areas(double simplifyToleranceMeters) {
        List<Geometry> areas = new ArrayList<>(levels.size());
        if (!layOutGrid()) {
            for (int level = 0; level < levels.size(); level++) {
                areas.add(factory.createPolygon());
            }
            return areas;
        }
        int stripCount = Math.max(1, (rows - 1 + STRIP_ROWS - 1) / STRIP_ROWS);
        StripField spare = SPARE_FIELD.get();
        // Out of the thread's hands while in use: a call that fails midway never hands it back.
        SPARE_FIELD.remove();
        strip = spare != null && spare.fits(columns)
                ? spare.reuse(columns, spacingMeters, innerValue, outerValue)
                : new StripField(columns, spacingMeters, innerValue, outerValue);
        bottomVertex = new int[columns];
        topVertex = new int[columns];
        sideVertex = new int[columns];
        bottomStamp = new int[columns];
        topStamp = new int[columns];
        sideStamp = new int[columns];
        List<ContourRings> contours = new ArrayList<>(levels.size());
        for (Level level : levels) {
            segments = level.segmentsXy();
            segmentLabels = level.segmentLabels();
            segmentCount = level.segmentCount();
            labelRegions = level.labelRegions();
            // Six contour vertices per grid row and column: a Nanjing 15-minute area has ~4,300 on a
            // ~430 × 430 grid (holes around blocks no path comes near), so four often grew the arrays.
            vertices = new ContourRings(6 * (rows + columns));
            contours.add(vertices);
            contourLevel(stripCount);
        }
        if (columns <= MAX_SPARE_COLUMNS) {
            SPARE_FIELD.set(strip);
        }
        ContourRings.markSharedCells(contours);
        for (int level = 0; level < levels.size(); level++) {
            areas.add(contours.get(level)
                    .polygons(factory, originX, originY, spacingMeters, columns, simplifyToleranceMeters));
        }
        return areas;
    }

    private void contourLevel(int stripCount) {
        if (segmentCount == 0) {
            return;
        }
        int[][] buckets = bucketSegments(stripCount);
        int[] first = buckets[0];
        int[] members = buckets[1];
        Arrays.fill(bottomStamp, -1);
        Arrays.fill(topStamp, -1);
        Arrays.fill(sideStamp, -1);
        LabelSpans spans =
                labelRegions == null ? null : new LabelSpans(labelRegions, originX, originY, spacingMeters, rows);
        strip.startLevel(segments, segmentLabels, spans);
        for (int s = 0; s < stripCount; s++) {
            int firstRow = s * STRIP_ROWS;
            int lastRow = Math.min(firstRow + STRIP_ROWS, rows - 1);
            if (first[s] == first[s + 1]) {
                continue;
            }
            int expectedRows = 0;
            for (int k = first[s]; k < first[s + 1]; k++) {
                int segment = members[k];
                expectedRows += Math.min(lastRow, highRow(segment)) - Math.max(firstRow, lowRow(segment)) + 1;
            }
            strip.startStrip(firstRow, lastRow, expectedRows);
            for (int k = first[s]; k < first[s + 1]; k++) {
                int segment = members[k];
                strip.addSegment(segment, Math.max(firstRow, lowRow(segment)), Math.min(lastRow, highRow(segment)));
            }
            strip.finishStrip();
            contourStrip(firstRow, lastRow);
            strip.clearStrip();
        }
    }

    /** Places the grid over every level's segments and shifts them to it; false without segments. */
    private boolean layOutGrid() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Level level : levels) {
            double[] xy = level.segmentsXy();
            for (int i = 0; i < 4 * level.segmentCount(); i += 2) {
                minX = Math.min(minX, xy[i]);
                maxX = Math.max(maxX, xy[i]);
                minY = Math.min(minY, xy[i + 1]);
                maxY = Math.max(maxY, xy[i + 1]);
            }
        }
        if (!(minX <= maxX)) {
            return false;
        }
        double margin = allowanceMeters + 2 * spacingMeters;
        // On the global lattice of the spacing, so that areas of nested line sets drawn in different
        // calls sample the same points too.
        originX = Math.floor((minX - margin) / spacingMeters) * spacingMeters;
        originY = Math.floor((minY - margin) / spacingMeters) * spacingMeters;
        columns = (int) Math.ceil((maxX + margin - originX) / spacingMeters) + 1;
        rows = (int) Math.ceil((maxY + margin - originY) / spacingMeters) + 1;
        if ((long) columns * (STRIP_ROWS + 1) > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(
                    "Area too wide for a " + spacingMeters + " m grid: " + columns + " columns");
        }
        for (Level level : levels) {
            double[] xy = level.segmentsXy();
            for (int i = 0; i < 4 * level.segmentCount(); i += 2) {
                xy[i] -= originX;
                xy[i + 1] -= originY;
            }
        }
        return true;
    }

    /** CSR lists of the segments whose outer stadium meets each strip's rows. */
    private int[][] bucketSegments(int stripCount) {
        int[] count = new int[stripCount + 1];
        int[] lowStrip = new int[segmentCount];
        int[] highStrip = new int[segmentCount];
        for (int s = 0; s < segmentCount; s++) {
            int lowRow = Math.max(0, lowRow(s));
            int highRow = Math.min(rows - 1, highRow(s));
            // Strip k holds rows k × STRIP_ROWS … (k + 1) × STRIP_ROWS, sharing its last row with k + 1.
            lowStrip[s] = Math.max(0, Math.floorDiv(lowRow + STRIP_ROWS - 1, STRIP_ROWS) - 1);
            highStrip[s] = Math.min(stripCount - 1, highRow / STRIP_ROWS);
            for (int k = lowStrip[s]; k <= highStrip[s]; k++) {
                count[k + 1]++;
            }
        }
        for (int k = 0; k < stripCount; k++) {
            count[k + 1] += count[k];
        }
        int[] members = new int[count[stripCount]];
        int[] next = Arrays.copyOf(count, stripCount);
        for (int s = 0; s < segmentCount; s++) {
            for (int k = lowStrip[s]; k <= highStrip[s]; k++) {
                members[next[k]++] = s;
            }
        }
        return new int[][] {count, members};
    }

    private int lowRow(int s) {
        double y = Math.min(segments[4 * s + 1], segments[4 * s + 3]) - outerValue;
        return (int) Math.ceil(y / spacingMeters);
    }

    private int highRow(int s) {
        double y = Math.max(segments[4 * s + 1], segments[4 * s + 3]) + outerValue;
        return (int) Math.floor(y / spacingMeters);
    }

    /**
     * Marching squares over the cells between the strip's rows. A point's value is {@link
     * #innerValue} in a solid run, else the field; cells whose four corners lie in solid runs are
     * skipped a run at a time, and runs of cells with four uncovered corners in a tight loop.
     */
    private void contourStrip(int firstRow, int lastRow) {
        final float[] f = strip.values();
        final float r = inside;
        final float marked = innerValue;
        final SolidRuns runs = strip.solid();
        for (int row = firstRow; row < lastRow; row++) {
            int stripRow = row - firstRow;
            int from = Math.max(0, Math.min(strip.touchedFrom(stripRow), strip.touchedFrom(stripRow + 1)) - 1);
            int to = Math.min(columns - 2, Math.max(strip.touchedTo(stripRow), strip.touchedTo(stripRow + 1)));
            int below = stripRow * columns;
            int above = below + columns;
            // The first run of each row ending at or after the current column.
            int belowRun = runs.first(stripRow);
            int belowEnd = runs.first(stripRow + 1);
            int aboveRun = belowEnd;
            int aboveEnd = runs.first(stripRow + 2);
            int c = from;
            while (c <= to) {
                while (belowRun < belowEnd && runs.to(belowRun) < c) {
                    belowRun++;
                }
                while (aboveRun < aboveEnd && runs.to(aboveRun) < c) {
                    aboveRun++;
                }
                boolean belowSolid = belowRun < belowEnd && runs.from(belowRun) <= c;
                boolean aboveSolid = aboveRun < aboveEnd && runs.from(aboveRun) <= c;
                if (belowSolid && aboveSolid) {
                    int last = Math.min(runs.to(belowRun), runs.to(aboveRun));
                    if (last > c) {
                        // Cells c … last − 1 have four solid corners.
                        c = last;
                        continue;
                    }
                } else if (!belowSolid && !aboveSolid) {
                    // Up to the next run, skip cells with four uncovered corners (outside, or in a hole).
                    int nextRun = Math.min(
                            belowRun < belowEnd ? runs.from(belowRun) : Integer.MAX_VALUE,
                            aboveRun < aboveEnd ? runs.from(aboveRun) : Integer.MAX_VALUE);
                    int last = Math.min(to, nextRun - 2);
                    int start = c;
                    while (c <= last
                            && f[below + c] > r
                            && f[above + c] > r
                            && f[below + c + 1] > r
                            && f[above + c + 1] > r) {
                        c++;
                    }
                    if (c != start) {
                        continue;
                    }
                }
                float bl = belowSolid ? marked : f[below + c];
                float tl = aboveSolid ? marked : f[above + c];
                float br = belowSolid && runs.to(belowRun) > c || belowRun < belowEnd && runs.from(belowRun) == c + 1
                        ? marked
                        : f[below + c + 1];
                float tr = aboveSolid && runs.to(aboveRun) > c || aboveRun < aboveEnd && runs.from(aboveRun) == c + 1
                        ? marked
                        : f[above + c + 1];
                boolean blIn = bl <= r;
                boolean brIn = br <= r;
                boolean trIn = tr <= r;
                boolean tlIn = tl <= r;
                if (!(blIn == brIn && brIn == trIn && trIn == tlIn)) {
                    cornerBl = bl;
                    cornerBr = br;
                    cornerTr = tr;
                    cornerTl = tl;
                    cell(row, c, blIn, brIn, trIn, tlIn);
                }
                c++;
            }
            int[] swap = bottomVertex;
            bottomVertex = topVertex;
            topVertex = swap;
            swap = bottomStamp;
            bottomStamp = topStamp;
            topStamp = swap;
        }
    }

    /**
     * Links the contour through one cell with the covered side on the left. Walking the cell's edges
     * counter-clockwise (bottom, right, top, left), a covered-to-uncovered edge is an exit and the
     * reverse an entry; each exit links to an entry. A saddle links each exit to the next entry when
     * the cell's centre is covered (covered corners joined through it), else to the previous one.
     */
    private void cell(int row, int c, boolean bl, boolean br, boolean tr, boolean tl) {
        if (bl == tr && br == tl) {
            float centre = (clamp(cornerBl) + clamp(cornerBr) + clamp(cornerTl) + clamp(cornerTr)) / 4;
            boolean joined = centre <= inside;
            if (bl) {
                // Exits at bottom and top, entries at right and left.
                link(row, c, BOTTOM, joined ? RIGHT : LEFT);
                link(row, c, TOP, joined ? LEFT : RIGHT);
            } else {
                // Exits at right and left, entries at top and bottom.
                link(row, c, RIGHT, joined ? TOP : BOTTOM);
                link(row, c, LEFT, joined ? BOTTOM : TOP);
            }
            return;
        }
        int exit = 0;
        int entry = 0;
        if (bl && !br) {
            exit = BOTTOM;
        } else if (!bl && br) {
            entry = BOTTOM;
        }
        if (br && !tr) {
            exit = RIGHT;
        } else if (!br && tr) {
            entry = RIGHT;
        }
        if (tr && !tl) {
            exit = TOP;
        } else if (!tr && tl) {
            entry = TOP;
        }
        if (tl && !bl) {
            exit = LEFT;
        } else if (!tl && bl) {
            entry = LEFT;
        }
        link(row, c, exit, entry);
    }

    private void link(int row, int c, int fromEdge, int toEdge) {
        vertices.link(vertex(row, c, fromEdge), vertex(row, c, toEdge), (long) row * columns + c);
    }

    /**
     * The vertex on one edge of cell (row, c), interpolated from the cell's corners the first time it
     * is met.
     */
    private int vertex(int row, int c, int edge) {
        int[] index;
        int[] stamp;
        int column = edge == RIGHT ? c + 1 : c;
        int gridRow = edge == TOP ? row + 1 : row;
        boolean vertical = edge == LEFT || edge == RIGHT;
        if (vertical) {
            index = sideVertex;
            stamp = sideStamp;
        } else if (edge == BOTTOM) {
            index = bottomVertex;
            stamp = bottomStamp;
        } else {
            index = topVertex;
            stamp = topStamp;
        }
        if (stamp[column] == gridRow) {
            return index[column];
        }
        // Horizontal edges run left to right, vertical ones bottom to top.
        float start;
        float end;
        if (edge == BOTTOM) {
            start = cornerBl;
            end = cornerBr;
        } else if (edge == TOP) {
            start = cornerTl;
            end = cornerTr;
        } else if (edge == LEFT) {
            start = cornerBl;
            end = cornerTl;
        } else {
            start = cornerBr;
            end = cornerTr;
        }
        start = clamp(start);
        end = clamp(end);
        double t = (allowanceMeters - start) / (end - start);
        t = Math.max(EDGE_MARGIN, Math.min(1 - EDGE_MARGIN, t));
        double x = (column + (vertical ? 0 : t)) * spacingMeters;
        double y = (gridRow + (vertical ? t : 0)) * spacingMeters;
        int v = vertices.add(x, y);
        index[column] = v;
        stamp[column] = gridRow;
        return v;
    }

    /** Field values for interpolation: beyond the band (or of another label) as if just past it. */
    private float clamp(float value) {
        return value > outerValue ? outerValue : value;
    }
}
