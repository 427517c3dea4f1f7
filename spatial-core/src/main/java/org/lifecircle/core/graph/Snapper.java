package org.lifecircle.core.graph;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Snaps longitude/latitude points (facilities, population-cell centroids) onto the nearest edge of
 * a {@link WalkingGraph} at the orthogonal projection, measured in the graph's Gauss-Krüger zone.
 *
 * <p>Method: project the point once; find the nearest eligible edge with the graph's STRtree
 * (branch-and-bound nearest neighbour, Roussopoulos, Kelley &amp; Vincent, "Nearest neighbor
 * queries", SIGMOD 1995, as implemented by JTS); locate the closest point on that edge with a
 * length-indexed line. The position along the edge is rescaled from projected metres to the edge's
 * cost metres (see {@link WalkingGraph}). Ties between equally near edges go to whichever the tree
 * reaches first, deterministically for a given graph. O(log m) expected per point.
 *
 * <p>Not thread-safe (it holds a Proj4J transform); create one per thread, which is cheap.
 */
public final class Snapper {
    private final WalkingGraph graph;
    private final SnapOptions options;
    private final CoordinateTransform toMeters;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();
    private final ItemDistance edgeToPoint;

    public Snapper(WalkingGraph graph, SnapOptions options) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
        this.toMeters = graph.projection.newToMetersTransform();
        this.edgeToPoint = this::edgeToPointMeters;
    }

    /** A snapper with {@link SnapOptions#unlimited()}. */
    public Snapper(WalkingGraph graph) {
        this(graph, SnapOptions.unlimited());
    }

    public SnapOptions options() {
        return options;
    }

    /** Snaps one EPSG:4326 point; beyond the options' limits the result is unsnapped, never null. */
    public SnappedPoint snap(double lon, double lat) {
        in.x = lon;
        in.y = lat;
        toMeters.transform(in, out);
        double x = out.x;
        double y = out.y;
        Point query = graph.projection.metricFactory().createPoint(new Coordinate(x, y));
        int edge = nearestEligibleEdge(query);
        if (edge < 0) {
            return SnappedPoint.unsnapped(lon, lat, x, y, Double.NaN);
        }
        LineString line = graph.edgeGeometriesMeters[edge];
        LengthIndexedLine indexed = new LengthIndexedLine(line);
        Coordinate c = query.getCoordinate();
        double index = indexed.project(c);
        Coordinate onEdge = indexed.extractPoint(index);
        double offNetworkMeters = onEdge.distance(c);
        if (!Double.isFinite(offNetworkMeters) || offNetworkMeters > options.maxSnapDistanceMeters()) {
            return SnappedPoint.unsnapped(lon, lat, x, y, offNetworkMeters);
        }
        double projectedLength = line.getLength();
        double lengthMeters = graph.edgeLengthMeters[edge];
        double alongMeters = projectedLength > 0 ? Math.min(lengthMeters, index / projectedLength * lengthMeters) : 0;
        return new SnappedPoint(lon, lat, edge, Math.max(0, alongMeters), offNetworkMeters, x, y, onEdge.x, onEdge.y);
    }

    /** Snaps many points; {@code lons[i]}, {@code lats[i]} gives element {@code i}. */
    public SnappedPoint[] snapAll(double[] lons, double[] lats) {
        if (lons.length != lats.length) {
            throw new IllegalArgumentException("lons and lats differ in length: " + lons.length + " vs " + lats.length);
        }
        SnappedPoint[] snapped = new SnappedPoint[lons.length];
        for (int i = 0; i < lons.length; i++) {
            snapped[i] = snap(lons[i], lats[i]);
        }
        return snapped;
    }

    /**
     * The nearest eligible edge, -1 if none. With every edge eligible JTS's single nearest-neighbour
     * search always succeeds; when a component filter can make every distance infinite, the k = 1
     * variant is used because it returns an empty answer where the single one fails.
     */
    private int nearestEligibleEdge(Point query) {
        if (options.minComponentNodeCount() <= 1) {
            return (Integer) graph.edgeIndex.nearestNeighbour(query.getEnvelopeInternal(), query, edgeToPoint);
        }
        Object[] nearest = graph.edgeIndex.nearestNeighbour(query.getEnvelopeInternal(), query, edgeToPoint, 1);
        return nearest.length == 0 ? -1 : (Integer) nearest[0];
    }

    /** Distance between an indexed edge and the query point; infinite for ineligible edges. */
    private double edgeToPointMeters(ItemBoundable a, ItemBoundable b) {
        Object edgeItem = a.getItem() instanceof Integer ? a.getItem() : b.getItem();
        Point point = (Point) (a.getItem() instanceof Integer ? b.getItem() : a.getItem());
        int edge = (Integer) edgeItem;
        int component = graph.componentOfNode[graph.edgeSourceNode[edge]];
        if (graph.componentNodeCounts[component] < options.minComponentNodeCount()) {
            return Double.POSITIVE_INFINITY;
        }
        return graph.edgeGeometriesMeters[edge].distance(point);
    }
}
