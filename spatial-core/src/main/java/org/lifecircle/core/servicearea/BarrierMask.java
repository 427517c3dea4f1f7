package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The land people cannot walk over, as polygons in the graph's Gauss-Krüger zone: river and other
 * area barriers as they are, line barriers (rail lines, river centre lines) widened to a thin strip
 * so that they split areas.
 *
 * <p>Whether a barrier is an area or a line is taken from its geometry, not its {@link
 * org.lifecircle.core.domain.BarrierKind}, so a river mapped as a centre line and a rail yard mapped
 * as a polygon both work.
 *
 * <p>The barriers are unioned once, here, into disjoint pieces (overlapping barriers — a river's
 * centre line inside its water area, a canal meeting a river — become one), each indexed and
 * prepared for intersection tests, with its boundary segments in an STRtree. A service area then
 * takes the pieces meeting its extent as they are: unioning the barriers met, per area, was ≈ 5 % of
 * a 15-minute area on the Nanjing OpenStreetMap extract, and preparing them for the line tests
 * another few per cent. The pieces meeting an extent cover the same land inside it as the union of
 * the barriers meeting it. Most reached lines are far from every boundary segment: for them the line
 * test is one point location.
 *
 * <p>Immutable and thread-safe once built (the STRtree is built eagerly; prepared geometries
 * build their indexes under a lock).
 */
final class BarrierMask {
    /**
     * Half width of the strip a line barrier becomes: wide enough to survive floating-point noise
     * in overlays (coordinates are ~10⁶ m, doubles resolve ~10⁻⁹ m), narrow against a single track
     * (≈ 3 m of ballast), so it never hides land.
     */
    static final double LINE_BARRIER_HALF_WIDTH_METERS = 0.5;

    private final STRtree index = new STRtree();
    private final GeometryFactory factory;
    private final boolean empty;

    BarrierMask(List<Barrier> barriers, MetricProjection projection) {
        this.factory = projection.metricFactory();
        List<Geometry> parts = new ArrayList<>();
        for (Barrier barrier : barriers) {
            Geometry meters = projection.toMeters(barrier.geometry());
            for (int i = 0; i < meters.getNumGeometries(); i++) {
                Geometry part = meters.getGeometryN(i);
                Geometry area = part.getDimension() >= 2
                        ? part
                        : part.getDimension() == 1
                                ? part.buffer(LINE_BARRIER_HALF_WIDTH_METERS, 2, BufferParameters.CAP_FLAT)
                                : null;
                if (area == null || area.isEmpty()) {
                    continue;
                }
                parts.addAll(NetworkAreaShaper.polygonsOf(area));
            }
        }
        this.empty = parts.isEmpty();
        if (!empty) {
            for (Polygon piece : NetworkAreaShaper.polygonsOf(UnaryUnionOp.union(parts))) {
                index.insert(piece.getEnvelopeInternal(), new Piece(piece));
            }
        }
        index.build();
    }

    /** Notes whether an index query found anything. */
    private static final class AnyItem implements ItemVisitor {
        boolean found;

        @Override
        public void visitItem(Object item) {
            found = true;
        }
    }

    /** Notes whether an index query found a boundary segment within a distance of a line. */
    private static final class SegmentNearLine implements ItemVisitor {
        private final CoordinateSequence line;
        private final double distanceMeters;
        boolean found;

        SegmentNearLine(LineString line, double distanceMeters) {
            this.line = line.getCoordinateSequence();
            this.distanceMeters = distanceMeters;
        }

        @Override
        public void visitItem(Object item) {
            if (found) {
                return;
            }
            LineSegment segment = (LineSegment) item;
            for (int i = 0; i + 1 < line.size(); i++) {
                Coordinate a = line.getCoordinate(i);
                Coordinate b = line.getCoordinate(i + 1);
                if (Distance.segmentToSegment(a, b, segment.p0, segment.p1) <= distanceMeters) {
                    found = true;
                    return;
                }
            }
        }
    }

    /** One barrier piece, prepared for intersection tests, with its boundary segments indexed. */
    private static final class Piece {
        final PreparedPolygon prepared;
        final STRtree boundary = new STRtree();

        Piece(Polygon polygon) {
            this.prepared = new PreparedPolygon(polygon);
            addRing(polygon.getExteriorRing().getCoordinateSequence());
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                addRing(polygon.getInteriorRingN(i).getCoordinateSequence());
            }
            boundary.build();
        }

        private void addRing(CoordinateSequence ring) {
            for (int i = 0; i + 1 < ring.size(); i++) {
                boundary.insert(
                        new Envelope(ring.getX(i), ring.getX(i + 1), ring.getY(i), ring.getY(i + 1)),
                        new LineSegment(ring.getX(i), ring.getY(i), ring.getX(i + 1), ring.getY(i + 1)));
            }
        }

        /**
         * Whether a line meets the piece (touching counts). A line whose envelope meets no boundary
         * segment's envelope crosses no boundary, so it lies wholly inside or wholly outside: its first
         * point decides, without the segment intersection test.
         */
        boolean meets(LineString line) {
            Envelope envelope = line.getEnvelopeInternal();
            if (!prepared.getGeometry().getEnvelopeInternal().intersects(envelope)) {
                return false;
            }
            AnyItem near = new AnyItem();
            boundary.query(envelope, near);
            if (near.found) {
                return prepared.intersects(line);
            }
            return prepared.getPointLocator().locate(line.getCoordinateN(0)) != Location.EXTERIOR;
        }

        /**
         * Whether a line comes within {@code distanceMeters} of the piece (meeting it counts). Without a
         * boundary segment that near, the line crosses no boundary and its first point decides, as in
         * {@link #meets}.
         */
        boolean isWithin(LineString line, double distanceMeters) {
            Envelope envelope = new Envelope(line.getEnvelopeInternal());
            envelope.expandBy(distanceMeters);
            if (!prepared.getGeometry().getEnvelopeInternal().intersects(envelope)) {
                return false;
            }
            SegmentNearLine near = new SegmentNearLine(line, distanceMeters);
            boundary.query(envelope, near);
            return near.found || prepared.getPointLocator().locate(line.getCoordinateN(0)) != Location.EXTERIOR;
        }
    }

    /** The barrier pieces meeting an envelope, or null when none does. */
    Nearby within(Envelope envelope) {
        if (empty) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Piece> pieces = new ArrayList<>(index.query(envelope));
        if (pieces.isEmpty()) {
            return null;
        }
        Geometry geometry;
        if (pieces.size() == 1) {
            geometry = pieces.get(0).prepared.getGeometry();
        } else {
            Polygon[] polygons = new Polygon[pieces.size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = (Polygon) pieces.get(i).prepared.getGeometry();
            }
            geometry = factory.createMultiPolygon(polygons);
        }
        return new Nearby(geometry, pieces);
    }

    /**
     * The barrier pieces near one area: their geometry (disjoint polygons, valid as a
     * MultiPolygon) for overlays, and the prepared pieces for line tests.
     */
    static final class Nearby {
        final Geometry geometry;
        private final List<Piece> pieces;

        private Nearby(Geometry geometry, List<Piece> pieces) {
            this.geometry = geometry;
            this.pieces = pieces;
        }

        /**
         * Whether any of the lines comes within {@code distanceMeters} of a piece (meeting one counts).
         * When none does, the land within that distance of the lines lies in their own land regions, so
         * the regions need not be built to draw it.
         */
        boolean anyWithin(List<LineString> lines, double distanceMeters) {
            for (LineString line : lines) {
                for (Piece piece : pieces) {
                    if (piece.isWithin(line, distanceMeters)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether a line meets a piece (touching counts). */
        boolean meets(LineString line) {
            for (Piece piece : pieces) {
                if (piece.meets(line)) {
                    return true;
                }
            }
            return false;
        }
    }
}
