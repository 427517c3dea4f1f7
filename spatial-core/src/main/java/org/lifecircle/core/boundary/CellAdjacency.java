package org.lifecircle.core.boundary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Builds the {@link CellGraph} of population cells from their polygons: which cells share a
 * boundary and how long it is, and which of those adjacencies cross a hard break.
 *
 * <p><b>Method.</b> Cells are projected once to the Gauss-Krüger zone of their centre ({@link
 * MetricProjection}). Adjacency: every boundary segment, its endpoints rounded to 1 cm and put in
 * order, is a key in a hash map; a key that two cells both hold is boundary they share. That finds
 * in O(total vertices) every adjacency of a polygonal coverage whose neighbours share vertices (grid
 * cells, cells cut from one block layer). Pairs whose envelopes meet but that share no segment
 * (T-junctions, imprecise data) are measured segment by segment ({@link #overlapLength}); a shared
 * length below {@link #MIN_SHARED_METERS} (a corner) is not an adjacency. Hard break: the straight
 * line between the two cells' interior points crosses a hard line (arterial, rail, river), or the
 * cells lie in different subdistricts (街道). A break made by arterials alone is crossable as a last
 * resort ({@link CellGraph}); rail, rivers and subdistrict borders are not.
 */
public final class CellAdjacency {
    /** Boundaries shorter than this are corners, not shared edges. */
    public static final double MIN_SHARED_METERS = 0.5;

    private static final double ROUND = 100; // 1 cm
    /** Boundaries closer than this run together. */
    static final double TOLERANCE = 0.01;

    private CellAdjacency() {}

    /**
     * @param cells cell polygons in EPSG:4326
     * @param households households per cell
     * @param arterials arterial roads in EPSG:4326: hard breaks, crossable as a last resort
     * @param barriers rail lines and rivers (lines or polygons) in EPSG:4326: hard breaks
     * @param subdistrictOfCell per cell a subdistrict key, or null where unknown (never a break)
     */
    public static CellGraph build(
            List<Polygon> cells,
            int[] households,
            List<? extends Geometry> arterials,
            List<? extends Geometry> barriers,
            String[] subdistrictOfCell) {
        Objects.requireNonNull(cells, "cells");
        int n = cells.size();
        if (households.length != n || subdistrictOfCell != null && subdistrictOfCell.length != n) {
            throw new IllegalArgumentException("One household count and subdistrict per cell");
        }
        if (n == 0) {
            return CellGraph.builder(new int[0], new double[0], new double[0]).build();
        }
        Envelope extent = new Envelope();
        for (Polygon cell : cells) {
            extent.expandToInclude(cell.getEnvelopeInternal());
        }
        MetricProjection projection = MetricProjection.gaussKrugerFor(extent.centre().x);
        Polygon[] metric = new Polygon[n];
        double[] area = new double[n];
        double[] perimeter = new double[n];
        Point[] inside = new Point[n];
        for (int i = 0; i < n; i++) {
            metric[i] = (Polygon) projection.toMeters(cells.get(i));
            area[i] = Math.max(metric[i].getArea(), 1e-6);
            perimeter[i] = Math.max(metric[i].getLength(), 1e-3);
            inside[i] = metric[i].getInteriorPoint();
        }
        Map<Long, Double> sharedByPair = sharedBySegments(metric);
        addUnmatchedNeighbours(metric, sharedByPair);

        STRtree arterialIndex = index(arterials, projection);
        STRtree barrierIndex = index(barriers, projection);
        CellGraph.Builder builder = CellGraph.builder(households, area, perimeter);
        var factory = projection.metricFactory();
        for (var entry : sharedByPair.entrySet()) {
            if (entry.getValue() < MIN_SHARED_METERS) {
                continue;
            }
            int i = (int) (entry.getKey() >>> 32);
            int j = (int) (long) entry.getKey();
            boolean hard = subdistrictOfCell != null
                    && subdistrictOfCell[i] != null
                    && subdistrictOfCell[j] != null
                    && !subdistrictOfCell[i].equals(subdistrictOfCell[j]);
            boolean crossable = false;
            if (!hard) {
                LineString link = factory.createLineString(
                        new Coordinate[] {inside[i].getCoordinate(), inside[j].getCoordinate()});
                hard = crosses(barrierIndex, link);
                if (!hard && crosses(arterialIndex, link)) {
                    hard = true;
                    crossable = true;
                }
            }
            builder.adjacent(i, j, entry.getValue(), hard, crossable);
        }
        return builder.build();
    }

    private static STRtree index(List<? extends Geometry> lines, MetricProjection projection) {
        STRtree index = new STRtree();
        for (Geometry line : lines) {
            Geometry m = projection.toMeters(line);
            index.insert(m.getEnvelopeInternal(), PreparedGeometryFactory.prepare(m));
        }
        return index;
    }

    private static boolean crosses(STRtree index, LineString link) {
        @SuppressWarnings("unchecked")
        List<PreparedGeometry> near = index.query(link.getEnvelopeInternal());
        for (PreparedGeometry line : near) {
            if (line.intersects(link)) {
                return true;
            }
        }
        return false;
    }

    /** Shared boundary per cell pair (i < j packed as i << 32 | j) from matching rounded segments. */
    private static Map<Long, Double> sharedBySegments(Polygon[] metric) {
        Map<SegmentKey, Integer> owner = new HashMap<>();
        Map<Long, Double> shared = new HashMap<>();
        for (int i = 0; i < metric.length; i++) {
            for (int ring = 0; ring <= metric[i].getNumInteriorRing(); ring++) {
                Coordinate[] cs = ring == 0
                        ? metric[i].getExteriorRing().getCoordinates()
                        : metric[i].getInteriorRingN(ring - 1).getCoordinates();
                for (int k = 0; k + 1 < cs.length; k++) {
                    SegmentKey key = SegmentKey.of(cs[k], cs[k + 1]);
                    Integer other = owner.putIfAbsent(key, i);
                    if (other != null && other != i) {
                        shared.merge(pair(other, i), cs[k].distance(cs[k + 1]), Double::sum);
                    }
                }
            }
        }
        return shared;
    }

    /** Cells whose envelopes meet but that matched no segment: measured segment by segment. */
    private static void addUnmatchedNeighbours(Polygon[] metric, Map<Long, Double> shared) {
        STRtree index = new STRtree();
        for (int i = 0; i < metric.length; i++) {
            index.insert(metric[i].getEnvelopeInternal(), i);
        }
        for (int i = 0; i < metric.length; i++) {
            Envelope near = metric[i].getEnvelopeInternal().copy();
            near.expandBy(0.01);
            for (Object o : index.query(near)) {
                int j = (Integer) o;
                if (j <= i || shared.containsKey(pair(i, j))) {
                    continue;
                }
                double length = overlapLength(metric[i], metric[j]);
                if (length >= MIN_SHARED_METERS) {
                    shared.put(pair(i, j), length);
                }
            }
        }
    }

    /**
     * Total length along which the two polygons' boundaries run together within {@link #TOLERANCE}:
     * for every pair of their segments that are collinear to within the tolerance, the length of
     * their overlap along the common direction. O(va · vb) for va and vb vertices, a few dozen for
     * cells; exact boundary intersection would miss edges that reprojection left a nanometre apart.
     */
    static double overlapLength(Polygon a, Polygon b) {
        Coordinate[] ca = a.getExteriorRing().getCoordinates();
        Coordinate[] cb = b.getExteriorRing().getCoordinates();
        double total = 0;
        for (int p = 0; p + 1 < ca.length; p++) {
            Coordinate a0 = ca[p];
            Coordinate a1 = ca[p + 1];
            double length = a0.distance(a1);
            if (length == 0) {
                continue;
            }
            double ux = (a1.x - a0.x) / length;
            double uy = (a1.y - a0.y) / length;
            for (int q = 0; q + 1 < cb.length; q++) {
                Coordinate b0 = cb[q];
                Coordinate b1 = cb[q + 1];
                // Both ends of b's segment on a's line?
                double d0 = Math.abs((b0.x - a0.x) * uy - (b0.y - a0.y) * ux);
                double d1 = Math.abs((b1.x - a0.x) * uy - (b1.y - a0.y) * ux);
                if (d0 > TOLERANCE || d1 > TOLERANCE) {
                    continue;
                }
                double t0 = (b0.x - a0.x) * ux + (b0.y - a0.y) * uy;
                double t1 = (b1.x - a0.x) * ux + (b1.y - a0.y) * uy;
                double overlap = Math.min(length, Math.max(t0, t1)) - Math.max(0, Math.min(t0, t1));
                if (overlap > 0) {
                    total += overlap;
                }
            }
        }
        return total;
    }

    private static long pair(int a, int b) {
        int i = Math.min(a, b);
        int j = Math.max(a, b);
        return ((long) i << 32) | j;
    }

    /** A segment with endpoints rounded to 1 cm, independent of direction. */
    private record SegmentKey(long x1, long y1, long x2, long y2) {
        static SegmentKey of(Coordinate a, Coordinate b) {
            long ax = Math.round(a.x * ROUND);
            long ay = Math.round(a.y * ROUND);
            long bx = Math.round(b.x * ROUND);
            long by = Math.round(b.y * ROUND);
            return ax < bx || ax == bx && ay <= by ? new SegmentKey(ax, ay, bx, by) : new SegmentKey(bx, by, ax, ay);
        }
    }
}
