package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
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
 * as a polygon both work. Immutable and thread-safe once built (the STRtree is built eagerly).
 */
final class BarrierMask {
    /**
     * Half width of the strip a line barrier becomes: wide enough to survive floating-point noise
     * in overlays (coordinates are ~10⁶ m, doubles resolve ~10⁻⁹ m), narrow against a single track
     * (≈ 3 m of ballast), so it never hides land.
     */
    static final double LINE_BARRIER_HALF_WIDTH_METERS = 0.5;

    private final STRtree index = new STRtree();
    private final boolean empty;

    BarrierMask(List<Barrier> barriers, MetricProjection projection) {
        int count = 0;
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
                for (Object polygon : PolygonExtracter.getPolygons(area)) {
                    index.insert(((Polygon) polygon).getEnvelopeInternal(), polygon);
                    count++;
                }
            }
        }
        index.build();
        this.empty = count == 0;
    }

    /** The union of barrier polygons meeting an envelope, or null when none does. */
    Geometry within(Envelope envelope) {
        if (empty) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Geometry> candidates = new ArrayList<>(index.query(envelope));
        if (candidates.isEmpty()) {
            return null;
        }
        return UnaryUnionOp.union(candidates);
    }
}
