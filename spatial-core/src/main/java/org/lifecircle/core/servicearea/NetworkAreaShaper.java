package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * Stage 4 of a network service area: widens the reached lines into an area that never spills over
 * a barrier, drawn within the simplification tolerance. All in Gauss-Krüger metres.
 *
 * <p><b>Method.</b> Without barriers nearby the area is the buffer of the reached lines by the
 * off-network allowance. With barriers, the extent (the lines' envelope grown by twice the
 * allowance) is split into <em>land regions</em> by subtracting the barrier mask, and the area is
 * built region by region: a region is covered only within the allowance of reached lines
 * <em>lying in that region</em>, clipped to the region. A point across a river from a reached path
 * is therefore never covered by that path's buffer, even when the river is narrower than the
 * allowance; it is covered only if a path on its own bank is reached (through a bridge). Where
 * reached lines cross the mask (bridges, level crossings) the mask itself is covered within the
 * allowance of the crossing, so the area shows the crossing and stays in one piece. This refines
 * "difference with rivers, split by rails, keep the pieces containing reached paths": keeping whole
 * pieces would still keep land leaked across a narrow river whenever its piece also holds a reached
 * path.
 *
 * <p><b>Limits.</b> Regions are split only where a barrier cuts right through the extent; a river
 * ending inside the extent leaves one region around its end, in which a straight line of at most
 * the allowance could still cross it.
 *
 * <p><b>Two ways of drawing it.</b> With a simplification tolerance of at least {@link
 * #MIN_CONTOUR_TOLERANCE_METERS} (the default is 5 m) the areas of one search are drawn together as
 * contours of the lines' distance fields on one grid ({@link AllowanceContour}); the region rule
 * becomes a label per grid point and per line piece; {@link #GRID_SHARE_OF_TOLERANCE} of the
 * tolerance goes to the grid, the rest to a simplification that keeps the contours valid and nested
 * ({@link ContourRings}), so every outline stays within the tolerance of the exact area. Below it the
 * areas are built exactly with overlays: each line buffered, the buffers unioned per region and
 * clipped to it. The contour replaced the overlays as the default because of their cost: one
 * 15-minute area on the demo district took ≈ 30 ms of CPU in buffers and unions (a cascaded union of
 * ~190 overlapping buffers, snap-rounded) against ≈ 2.5 ms for the contour, and a city-wide dissolve
 * minutes against about a second. Buffering the merged MultiLineString at once was slower still (≈
 * 100 ms: every offset curve is noded against every other), a floating-point cascaded union ≈ 18 ms.
 * Straight runs of segments are joined first ({@link StraightRuns}).
 *
 * <p><b>Line pieces by region.</b> Only lines meeting the mask are cut by overlays ({@link
 * RegionSplit}); the rest are placed by their midpoint. The contour path builds no regions at all
 * when no line comes within the allowance and two grid spacings of a barrier: every point the contour
 * reads then lies in the region of the segments near it, so the labels would change nothing. Of the
 * 176 sample 15-minute areas on the Nanjing OpenStreetMap extract with a barrier in their extent, 87
 * are such; skipping the land overlay and the labels there cut the p50 by ≈ 4 %.
 *
 * <p><b>Precision of the exact path.</b> The overlays run in OverlayNG with snap-rounding to a
 * millimetre grid ({@link #MILLIMETRE}). Pieces clipped against the same barrier edge by different
 * overlays would otherwise end up ~10⁻⁹ m apart and never dissolve into one polygon; snap-rounding
 * also makes the overlays robust (Hobby, "Practical segment intersection with finite precision
 * output", Computational Geometry 13(4), 1999). Each line is buffered on its own and the pieces are
 * unioned, rather than buffering the MultiLineString at once, which nodes every overlapping offset
 * curve against every other and is several times slower on dense street grids. Buffers use {@link
 * #QUADRANT_SEGMENTS} = 4: arcs lie inside the true buffer by at most 1.9 % of the allowance (≈ 1 m
 * at 50 m).
 *
 * <p>Stateless apart from the immutable barrier mask; thread-safe.
 */
final class NetworkAreaShaper {
    static final int QUADRANT_SEGMENTS = 4;

    /**
     * Share of the simplification tolerance spent on the contour grid ({@link
     * AllowanceContour#ERROR_PER_SPACING} × spacing); the rest goes to simplifying the outline. At
     * 0.8 and the default 5 m: a 3.6 m grid and 1 m of Douglas-Peucker, which drops ~60 % of the
     * contour's vertices (mostly along the allowance's arcs; ~700 are left of a 15-minute area on the
     * demo cities, against ~300 from the exact path) for ~55 % more grid cells than spending it all on
     * the grid.
     */
    static final double GRID_SHARE_OF_TOLERANCE = 0.8;

    /**
     * Tolerances below this are drawn by the exact path, unsimplified: the contour grid would need a
     * spacing under 0.35 m, ~100 times the cells of the default, for an outline no map shows
     * differently.
     */
    static final double MIN_CONTOUR_TOLERANCE_METERS = 0.5;

    /** Millimetre grid for overlays: far below survey or map accuracy, far above double noise at 10⁶ m. */
    static final PrecisionModel MILLIMETRE = new PrecisionModel(1000);

    private final BarrierMask barriers;
    private final GeometryFactory factory;

    NetworkAreaShaper(BarrierMask barriers, GeometryFactory metricFactory) {
        this.barriers = barriers;
        this.factory = metricFactory;
    }

    /** The area of one set of lines; see {@link #shapeAll}. */
    Geometry shape(List<LineString> lines, double allowanceMeters, double simplifyToleranceMeters) {
        return shapeAll(List.of(lines), allowanceMeters, simplifyToleranceMeters)
                .get(0);
    }

    /**
     * The area within {@code allowanceMeters} of each set of lines without crossing a barrier.
     *
     * @param linesPerArea one set of lines per area, typically the thresholds of one search in
     *     ascending order (nested sets give nested areas)
     * @param simplifyToleranceMeters how far an outline may stray from the exact area; below {@link
     *     #MIN_CONTOUR_TOLERANCE_METERS} the exact buffer (overlay path), else the contour path splits it
     *     between its grid and the simplification
     * @return per set, polygonal geometry in metres, empty when the set is
     */
    List<Geometry> shapeAll(
            List<List<LineString>> linesPerArea, double allowanceMeters, double simplifyToleranceMeters) {
        List<Geometry> areas = new ArrayList<>(linesPerArea.size());
        List<AllowanceContour.Level> levels = new ArrayList<>(linesPerArea.size());
        boolean contour = simplifyToleranceMeters >= MIN_CONTOUR_TOLERANCE_METERS;
        double gridErrorMeters = GRID_SHARE_OF_TOLERANCE * simplifyToleranceMeters - StraightRuns.STRAIGHT_METERS;
        double spacingMeters = gridErrorMeters / AllowanceContour.ERROR_PER_SPACING;
        // The contour reads labels only within allowance + spacing of a segment; a margin of another
        // spacing covers the joining of straight runs.
        double labelReachMeters = allowanceMeters + 2 * spacingMeters;
        for (List<LineString> lines : linesPerArea) {
            RegionSplit split = null;
            if (!lines.isEmpty()) {
                Geometry network = factory.buildGeometry(lines);
                Envelope extent = new Envelope(network.getEnvelopeInternal());
                extent.expandBy(2 * allowanceMeters + 1);
                BarrierMask.Nearby mask = barriers.within(extent);
                if (mask != null && (!contour || mask.anyWithin(lines, labelReachMeters))) {
                    split = RegionSplit.of(lines, extent, mask, factory);
                }
            }
            if (contour) {
                levels.add(level(lines, split));
            } else if (lines.isEmpty()) {
                areas.add(factory.createPolygon());
            } else {
                areas.add(
                        split == null
                                ? bufferedUnion(lines, allowanceMeters)
                                : shapeAroundBarriers(split, allowanceMeters));
            }
        }
        if (contour) {
            areas.addAll(new AllowanceContour(factory, levels, allowanceMeters, spacingMeters)
                    .areas((1 - GRID_SHARE_OF_TOLERANCE) * simplifyToleranceMeters));
        }
        return areas;
    }

    /** The contour path's input for one area: segments labelled by the region they lie in. */
    private static AllowanceContour.Level level(List<LineString> lines, RegionSplit split) {
        int pointCount = 0;
        for (LineString line : lines) {
            pointCount += line.getNumPoints();
        }
        // Cutting lines at barriers adds a few segments at most; Segments grows if needed.
        Segments segments = new Segments(pointCount + 16);
        List<Polygon> regions = null;
        if (split == null) {
            segments.addAll(lines, AllowanceContour.NO_LABELS);
        } else {
            regions = split.regions;
            for (int r = 0; r < regions.size(); r++) {
                segments.addAll(split.linesPerRegion.get(r), r + 1);
            }
            segments.addAll(split.crossingLines, 0);
        }
        StraightRuns.Joined runs = StraightRuns.join(segments.xy, segments.labels, segments.count);
        return new AllowanceContour.Level(runs.xy, runs.labels, runs.count, regions);
    }

    /** The exact path with barriers: per region buffers clipped to their region, crossings to the mask. */
    private Geometry shapeAroundBarriers(RegionSplit split, double allowanceMeters) {
        List<Geometry> covers = new ArrayList<>();
        for (int r = 0; r < split.regions.size(); r++) {
            List<LineString> regionLines = split.linesPerRegion.get(r);
            if (regionLines.isEmpty()) {
                continue;
            }
            Geometry buffer = bufferedUnion(regionLines, allowanceMeters);
            covers.addAll(
                    polygonsOf(OverlayNG.overlay(buffer, split.regions.get(r), OverlayNG.INTERSECTION, MILLIMETRE)));
        }
        if (!split.crossingLines.isEmpty()) {
            Geometry crossing = bufferedUnion(split.crossingLines, allowanceMeters);
            covers.addAll(polygonsOf(OverlayNG.overlay(crossing, split.mask, OverlayNG.INTERSECTION, MILLIMETRE)));
        }
        if (covers.isEmpty()) {
            return factory.createPolygon();
        }
        return UnaryUnionNG.union(covers, factory, MILLIMETRE);
    }

    /** Union of the lines' individual buffers, snap-rounded to the millimetre grid. */
    private Geometry bufferedUnion(List<? extends Geometry> lines, double allowanceMeters) {
        List<Geometry> buffers = new ArrayList<>(lines.size());
        for (Geometry line : lines) {
            buffers.add(line.buffer(allowanceMeters, QUADRANT_SEGMENTS));
        }
        Geometry union = UnaryUnionNG.union(buffers, factory, MILLIMETRE);
        return union == null ? factory.createPolygon() : union;
    }

    @SuppressWarnings("unchecked")
    static List<Polygon> polygonsOf(Geometry geometry) {
        return (List<Polygon>) (List<?>) PolygonExtracter.getPolygons(geometry);
    }

    /** Segment end points and labels in flat growable arrays, the input of {@link AllowanceContour}. */
    private static final class Segments {
        double[] xy;
        int[] labels;
        int count;

        Segments(int capacity) {
            xy = new double[4 * capacity];
            labels = new int[capacity];
        }

        void addAll(List<LineString> lines, int label) {
            for (LineString line : lines) {
                CoordinateSequence points = line.getCoordinateSequence();
                for (int i = 0; i + 1 < points.size(); i++) {
                    if (count == labels.length) {
                        labels = Arrays.copyOf(labels, count * 2);
                        xy = Arrays.copyOf(xy, count * 8);
                    }
                    xy[4 * count] = points.getX(i);
                    xy[4 * count + 1] = points.getY(i);
                    xy[4 * count + 2] = points.getX(i + 1);
                    xy[4 * count + 3] = points.getY(i + 1);
                    labels[count++] = label;
                }
            }
        }
    }
}
