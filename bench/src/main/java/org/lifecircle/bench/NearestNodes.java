package org.lifecircle.bench;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Facilities (or any points) placed on the graph node nearest to them in a straight line, the way a pgRouting
 * call needs its start vertices. Our searches then start from the very same vertices, so the
 * comparison with {@code pgr_drivingDistance} is like for like; the facility's own walk to that
 * node is left out on both sides.
 *
 * <p>Brute force over all nodes in Gauss-Krüger metres: O(facilities × nodes), well under a second
 * for 200 facilities on the city graph, and free of any snapping logic of its own that could
 * disagree with the database.
 */
final class NearestNodes {
    private NearestNodes() {}

    /** The dense node nearest to each facility, in input order. */
    static int[] of(WalkingGraph graph, List<Facility> facilities) {
        List<Point> locations = new ArrayList<>(facilities.size());
        for (Facility facility : facilities) {
            locations.add(facility.location());
        }
        return ofLocations(graph, locations);
    }

    /** The dense node nearest to each point (EPSG:4326), in input order. */
    static int[] ofLocations(WalkingGraph graph, List<Point> locations) {
        CoordinateTransform toMeters = graph.projection().newToMetersTransform();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        int[] nodes = new int[locations.size()];
        for (int f = 0; f < nodes.length; f++) {
            in.x = locations.get(f).getX();
            in.y = locations.get(f).getY();
            toMeters.transform(in, out);
            int best = -1;
            double bestSquared = Double.POSITIVE_INFINITY;
            for (int node = 0; node < graph.nodeCount(); node++) {
                double dx = graph.nodeXMeters(node) - out.x;
                double dy = graph.nodeYMeters(node) - out.y;
                double squared = dx * dx + dy * dy;
                if (squared < bestSquared) {
                    bestSquared = squared;
                    best = node;
                }
            }
            nodes[f] = best;
        }
        return nodes;
    }

    /**
     * A source exactly at a node: on the node's first incident edge, at along-distance 0 from the
     * edge's source or the full length from its target, with no off-network walk.
     */
    static SnappedPoint atNode(WalkingGraph graph, int node) {
        int edge = graph.adjacentEdge(graph.firstAdjacency(node));
        double along = graph.edgeSourceNode(edge) == node ? 0 : graph.edgeLengthMeters(edge);
        double x = graph.nodeXMeters(node);
        double y = graph.nodeYMeters(node);
        return new SnappedPoint(graph.nodeLon(node), graph.nodeLat(node), edge, along, 0, x, y, x, y);
    }

    /** {@link #atNode} for each node. */
    static List<SnappedPoint> atNodes(WalkingGraph graph, int[] nodes) {
        List<SnappedPoint> sources = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            sources.add(atNode(graph, node));
        }
        return sources;
    }
}
