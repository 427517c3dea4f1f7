package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.graph.ReachedEdgeParts;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Stage 3 of a network service area: turns reached edge intervals into Gauss-Krüger line
 * geometries, and adds each source's access walk from the facility to the network (cut at the
 * budget) so the facility itself lies in its own area.
 *
 * <p>Intervals are in edge cost metres; they are rescaled to the projected geometry's length
 * before cutting, the inverse of the rescaling done when snapping. Stateless and thread-safe.
 */
final class ReachedLines {
    private ReachedLines() {}

    static List<LineString> of(WalkingGraph graph, ReachedEdgeParts parts, List<SnappedPoint> sources) {
        List<LineString> lines = new ArrayList<>(parts.size() + sources.size());
        for (int i = 0; i < parts.size(); i++) {
            int edge = parts.edge(i);
            LineString geometry = graph.edgeGeometryMeters(edge);
            double lengthMeters = graph.edgeLengthMeters(edge);
            double start = parts.startMeters(i);
            double end = parts.endMeters(i);
            if (start <= 0 && end >= lengthMeters) {
                lines.add(geometry);
                continue;
            }
            double scale = geometry.getLength() / lengthMeters;
            LineString piece = (LineString) new LengthIndexedLine(geometry).extractLine(start * scale, end * scale);
            if (piece.getNumPoints() >= 2) {
                lines.add(piece);
            }
        }
        GeometryFactory factory = graph.projection().metricFactory();
        double limitMeters = parts.limitMeters();
        for (SnappedPoint source : sources) {
            double off = source.offNetworkMeters();
            if (!source.isSnapped() || !(off > 0) || limitMeters <= 0) {
                continue;
            }
            double reached = Math.min(1, limitMeters / off);
            Coordinate from = new Coordinate(source.xMeters(), source.yMeters());
            Coordinate to = new Coordinate(
                    from.x + (source.snapXMeters() - from.x) * reached,
                    from.y + (source.snapYMeters() - from.y) * reached);
            lines.add(factory.createLineString(new Coordinate[] {from, to}));
        }
        return lines;
    }
}
