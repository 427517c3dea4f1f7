package org.lifecircle.datasets.importer.osm;

import java.util.List;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Answers whether a line crosses a barrier of a kind: an envelope index over prepared barrier
 * geometries (barriers are few and long, edges many and short). Not thread-safe to build; queries
 * after construction only read.
 */
final class BarrierIndex {
    private final STRtree rivers = new STRtree();
    private final STRtree rails = new STRtree();

    BarrierIndex(List<Barrier> barriers) {
        for (Barrier barrier : barriers) {
            Geometry geometry = barrier.geometry();
            // Index each part on its own so a long river's envelope does not match every edge.
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                PreparedGeometry prepared = PreparedGeometryFactory.prepare(part);
                (barrier.kind() == BarrierKind.RIVER ? rivers : rails).insert(part.getEnvelopeInternal(), prepared);
            }
        }
        rivers.build();
        rails.build();
    }

    boolean crosses(BarrierKind kind, Geometry line) {
        STRtree tree = kind == BarrierKind.RIVER ? rivers : rails;
        for (Object candidate : tree.query(line.getEnvelopeInternal())) {
            if (((PreparedGeometry) candidate).intersects(line)) {
                return true;
            }
        }
        return false;
    }
}
