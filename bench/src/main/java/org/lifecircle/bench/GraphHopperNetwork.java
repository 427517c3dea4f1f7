package org.lifecircle.bench;

import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.routing.RouterConfig;
import com.graphhopper.routing.ev.DecimalEncodedValue;
import com.graphhopper.routing.ev.VehicleSpeed;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.SpeedWeighting;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.PointList;
import java.util.Arrays;
import java.util.List;
import org.lifecircle.core.domain.RoadEdge;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The peer: the same road edges in a GraphHopper 11 {@link BaseGraph}, and GraphHopper's own
 * isochrone pipeline on it.
 *
 * <p><b>Graph.</b> One node per road_edge node id (renumbered densely in ascending id order, at the
 * first or last vertex of the edge), one edge per road edge with its stored length as distance,
 * inner vertices as pillar nodes, and a single-direction speed encoded value of 1 m/s on every edge
 * read by GraphHopper's {@link SpeedWeighting}: weight = distance / speed, walkable both ways, no
 * turn costs. GraphHopper refuses loop edges (a closed footway round a block in real OSM data): a
 * loop is split at its middle vertex into two edges through an extra node, as GraphHopper's own OSM
 * reader does, the stored length shared in proportion to the halves' great-circle lengths. Every
 * distance between road_edge nodes stays the same. Snapping uses GraphHopper's {@link LocationIndexTree} onto the nearest edge, like
 * ours.
 *
 * <p><b>Isochrone</b>, as GraphHopper's {@code IsochroneResource} does for a {@code distance_limit}
 * request with its defaults (one bucket, tolerance 0, {@code full_geometry=false}): snap, wrap the
 * graph in a {@link QueryGraph}, grow a node-based {@link ShortestPathTree} to the limit plus
 * max(14 %, 2,000 m) so the triangulation has sites beyond the contour, Delaunay-triangulate the
 * reached nodes and one pillar per edge with their distances as z ({@link JTSTriangulator}), cut the
 * contour at the limit ({@link ContourBuilder}), keep the polygon holding the query point (or the
 * one with most points) and return its exterior ring as a polygon, EPSG:4326.
 *
 * <p>Not thread-safe (GraphHopper's query graph and tree are per query, but this object is used by
 * one benchmark thread).
 */
final class GraphHopperNetwork {
    /** The resource's extra exploration beyond the limit: a share of it, at least a fixed distance. */
    private static final double EXPLORE_SHARE = 0.14;

    private static final double EXPLORE_MIN_METERS = 2_000;

    private final BaseGraph graph;
    private final LocationIndexTree index;
    private final Weighting weighting;
    private final RouterConfig routerConfig = new RouterConfig();
    private final GeometryFactory lonLatFactory = new GeometryFactory();

    private GraphHopperNetwork(BaseGraph graph, LocationIndexTree index, Weighting weighting) {
        this.graph = graph;
        this.index = index;
        this.weighting = weighting;
    }

    /** Builds the graph and its location index from the edges. */
    static GraphHopperNetwork fromEdges(List<RoadEdge> edges) {
        DecimalEncodedValue speedEnc = VehicleSpeed.create("foot", 4, 1, false);
        EncodingManager encodingManager = EncodingManager.start().add(speedEnc).build();
        BaseGraph graph = new BaseGraph.Builder(encodingManager).create();
        long[] nodeIds = distinctNodeIds(edges);
        int loopMiddleNode = nodeIds.length;
        NodeAccess nodes = graph.getNodeAccess();
        for (RoadEdge edge : edges) {
            CoordinateSequence line = edge.geometry().getCoordinateSequence();
            int last = line.size() - 1;
            int source = Arrays.binarySearch(nodeIds, edge.sourceNode());
            int target = Arrays.binarySearch(nodeIds, edge.targetNode());
            nodes.setNode(source, line.getY(0), line.getX(0));
            nodes.setNode(target, line.getY(last), line.getX(last));
        }
        for (RoadEdge edge : edges) {
            CoordinateSequence line = edge.geometry().getCoordinateSequence();
            int source = Arrays.binarySearch(nodeIds, edge.sourceNode());
            int target = Arrays.binarySearch(nodeIds, edge.targetNode());
            int last = line.size() - 1;
            if (source != target) {
                addEdge(graph, speedEnc, source, target, line, 0, last, edge.lengthMeters());
                continue;
            }
            if (last < 2) {
                throw new IllegalArgumentException("Loop edge without an inner vertex at node " + edge.sourceNode());
            }
            int middle = last / 2;
            double firstShare = lengthMeters(line, 0, middle) / lengthMeters(line, 0, last);
            int extra = loopMiddleNode++;
            nodes.setNode(extra, line.getY(middle), line.getX(middle));
            addEdge(graph, speedEnc, source, extra, line, 0, middle, edge.lengthMeters() * firstShare);
            addEdge(graph, speedEnc, extra, target, line, middle, last, edge.lengthMeters() * (1 - firstShare));
        }
        LocationIndexTree index = new LocationIndexTree(graph, graph.getDirectory());
        index.prepareIndex();
        return new GraphHopperNetwork(graph, index, new SpeedWeighting(speedEnc));
    }

    /** One edge over the vertices {@code from … to} of the line, the inner ones as pillars. */
    private static void addEdge(
            BaseGraph graph,
            DecimalEncodedValue speedEnc,
            int source,
            int target,
            CoordinateSequence line,
            int from,
            int to,
            double distanceMeters) {
        PointList pillars = new PointList(Math.max(0, to - from - 1), false);
        for (int i = from + 1; i < to; i++) {
            pillars.add(line.getY(i), line.getX(i));
        }
        graph.edge(source, target)
                .setDistance(distanceMeters)
                .set(speedEnc, 1.0)
                .setWayGeometry(pillars);
    }

    private static double lengthMeters(CoordinateSequence line, int from, int to) {
        double meters = 0;
        for (int i = from; i < to; i++) {
            meters += DistanceCalcEarth.DIST_EARTH.calcDist(
                    line.getY(i), line.getX(i), line.getY(i + 1), line.getX(i + 1));
        }
        return meters;
    }

    private static long[] distinctNodeIds(List<RoadEdge> edges) {
        long[] ids = new long[2 * edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            ids[2 * e] = edges.get(e).sourceNode();
            ids[2 * e + 1] = edges.get(e).targetNode();
        }
        return Arrays.stream(ids).sorted().distinct().toArray();
    }

    int nodeCount() {
        return graph.getNodes();
    }

    /** GraphHopper's isochrone polygon of a walking distance around a point, EPSG:4326. */
    Polygon isochrone(double lon, double lat, double limitMeters) {
        Snap snap = index.findClosest(lat, lon, EdgeFilter.ALL_EDGES);
        if (!snap.isValid()) {
            throw new IllegalArgumentException("No edge near " + lon + ", " + lat);
        }
        QueryGraph queryGraph = QueryGraph.create(graph, snap);
        ShortestPathTree tree =
                new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false, TraversalMode.NODE_BASED);
        tree.setDistanceLimit(limitMeters + Math.max(limitMeters * EXPLORE_SHARE, EXPLORE_MIN_METERS));
        Triangulator.Result triangulation =
                new JTSTriangulator(routerConfig).triangulate(snap, queryGraph, tree, label -> label.distance, 0);
        MultiPolygon contour =
                new ContourBuilder(triangulation.triangulation).computeIsoline(limitMeters, triangulation.seedEdges);
        Polygon main = mainComponent(contour, lonLatFactory.createPoint(new Coordinate(lon, lat)));
        return main == null
                ? lonLatFactory.createPolygon()
                : lonLatFactory.createPolygon(main.getExteriorRing().getCoordinates());
    }

    /**
     * GraphHopper's search alone: snap, query graph and a shortest-path tree bounded at the limit
     * itself (no extra exploration, no contour).
     *
     * @return nodes settled within the limit, virtual ones included
     */
    int treeNodeCount(double lon, double lat, double limitMeters) {
        Snap snap = index.findClosest(lat, lon, EdgeFilter.ALL_EDGES);
        QueryGraph queryGraph = QueryGraph.create(graph, snap);
        ShortestPathTree tree =
                new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false, TraversalMode.NODE_BASED);
        tree.setDistanceLimit(limitMeters);
        int[] reached = new int[1];
        tree.search(snap.getClosestNode(), label -> reached[0]++);
        return reached[0];
    }

    /** The polygon containing the point, else the one with the most points: the resource's heuristic. */
    private static Polygon mainComponent(MultiPolygon contour, Point point) {
        Polygon best = null;
        for (int i = 0; i < contour.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) contour.getGeometryN(i);
            if (polygon.contains(point)) {
                return polygon;
            }
            if (best == null || polygon.getNumPoints() > best.getNumPoints()) {
                best = polygon;
            }
        }
        return best;
    }
}
