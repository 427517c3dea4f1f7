package org.lifecircle.datasets.importer.osm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LinearLocation;
import org.locationtech.jts.linearref.LocationIndexedLine;

/**
 * Links walkable islands to the rest of the network. OSM in Chinese cities often maps sidewalks and
 * park paths as footways that end a few metres short of the street they belong to, and underpasses
 * (地下通道) and footbridges (天桥) without the stairs that lead to the street; each such island would
 * trap every facility or home snapped onto it. A dead end (a node of degree 1) of a footway-like
 * edge — at ground level, or under or over it, where a dead end is a stair — is linked to the
 * nearest ground-level edge of a <em>different</em> connected part within the distance limit: by a straight {@code connector} edge to the nearest point
 * of that edge, which is split there at a new node. A dead end lying on the other edge (within
 * {@value #SAME_POINT_METERS} m) becomes the split node itself, with no connector (or, at the other
 * edge's end node, takes that node's id). Dead ends within
 * one part are left alone — they may be real (a wall, a gate). Links only ever reach ground-level
 * edges (never a road tunnel or a bridge deck) and never cross a river or rail barrier.
 *
 * <p>This is island repair in the manner of OpenTripPlanner's and GraphHopper's subnetwork handling,
 * except that islands are joined rather than removed, because the footway is real. Dead ends are
 * taken in edge order and components merge as links are made (union-find), so each island links
 * once per neighbouring part and the result is deterministic.
 *
 * <p>New nodes get ids from {@link #CONNECTOR_NODE_ID_FIRST} up: above every OSM node id, and below
 * 2^53 so JavaScript clients read them exactly. O(E log E) for E edges; only edges near a dead end
 * are projected into metres. Not thread-safe.
 */
final class DanglingEndLinker {
    /** Road class of the connector edges, telling analysts which edges the importer drew. */
    static final String CONNECTOR_CLASS = "connector";
    /** First id of a node the importer creates; OSM node ids are below 1.5 × 10^10 (2025). */
    static final long CONNECTOR_NODE_ID_FIRST = 1L << 50;
    /** Closer than this a dead end is on the other edge: 1 cm, about OSM's 10^-7 degree precision. */
    static final double SAME_POINT_METERS = 0.01;

    private static final GeometryFactory LON_LAT = MetricProjection.lonLatFactory();
    /**
     * Metres per degree of latitude, rounded down from the ellipsoid's minimum (110,574 m at the
     * equator), so that a search box in degrees always holds the search circle in metres.
     */
    private static final double MIN_METERS_PER_DEGREE = 110_000;

    /**
     * The linked network.
     *
     * @param connectors connector edges added
     * @param joinedOnEdge dead ends that lay on another edge and became its split node
     * @param splitEdges edges split to take a link
     * @param largestPartMeters length of the largest connected part after linking
     * @param otherParts connected parts besides the largest
     * @param otherPartsMeters their length
     */
    record Result(
            List<RoadEdge> edges,
            int connectors,
            int joinedOnEdge,
            int splitEdges,
            double largestPartMeters,
            int otherParts,
            double otherPartsMeters) {}

    private record Split(LinearLocation location, long nodeId) {}

    private final MetricProjection projection;
    private final BarrierIndex barriers;
    private final double maxMeters;
    private final Set<String> linkableClasses;

    DanglingEndLinker(
            MetricProjection projection, BarrierIndex barriers, double maxMeters, Set<String> linkableClasses) {
        this.projection = projection;
        this.barriers = barriers;
        this.maxMeters = maxMeters;
        this.linkableClasses = linkableClasses;
    }

    /** @param groundLevel for each edge, whether it lies at ground level */
    Result link(List<RoadEdge> edges, boolean[] groundLevel) {
        LongIdSet nodes = new LongIdSet();
        for (RoadEdge edge : edges) {
            nodes.add(edge.sourceNode());
            nodes.add(edge.targetNode());
        }
        nodes.seal();
        int[] degree = new int[nodes.size()];
        UnionFind parts = new UnionFind(nodes.size());
        for (RoadEdge edge : edges) {
            int s = nodes.indexOf(edge.sourceNode());
            int t = nodes.indexOf(edge.targetNode());
            degree[s]++;
            degree[t]++;
            parts.union(s, t);
        }
        if (maxMeters <= 0 || edges.isEmpty()) {
            return summarize(edges, 0, 0, 0);
        }

        // Edges are indexed by their EPSG:4326 envelopes and projected only when a dead end needs
        // them: dead ends are few, and projecting every edge of a city would dominate the run time.
        LineString[] metric = new LineString[edges.size()];
        STRtree index = new STRtree();
        for (int e = 0; e < edges.size(); e++) {
            if (groundLevel[e]) {
                index.insert(edges.get(e).geometry().getEnvelopeInternal(), e);
            }
        }
        Map<Integer, List<Split>> splitsByEdge = new HashMap<>();
        // A dead end at the very position of another edge's end node is the same place mapped twice.
        Map<Long, Long> renamed = new HashMap<>();
        List<RoadEdge> connectors = new ArrayList<>();
        long nextNodeId = CONNECTOR_NODE_ID_FIRST;
        int joined = 0;
        for (int e = 0; e < edges.size(); e++) {
            RoadEdge edge = edges.get(e);
            if (!linkableClasses.contains(edge.roadClass())) {
                continue;
            }
            for (int end = 0; end < 2; end++) {
                long endNode = end == 0 ? edge.sourceNode() : edge.targetNode();
                int endIndex = nodes.indexOf(endNode);
                if (degree[endIndex] != 1) {
                    continue;
                }
                Coordinate endLonLat = end == 0
                        ? edge.geometry().getCoordinateN(0)
                        : edge.geometry().getCoordinateN(edge.geometry().getNumPoints() - 1);
                LineString edgeMeters = metric(metric, edges, e);
                Coordinate endMeters = end == 0
                        ? edgeMeters.getCoordinateN(0)
                        : edgeMeters.getCoordinateN(edgeMeters.getNumPoints() - 1);
                int target = nearestOtherPart(index, metric, edges, nodes, parts, endIndex, endLonLat, endMeters);
                if (target < 0) {
                    continue;
                }
                RoadEdge targetEdge = edges.get(target);
                LinearLocation location = new LocationIndexedLine(metric[target]).project(endMeters);
                double meters = endMeters.distance(location.getCoordinate(metric[target]));
                Coordinate targetLonLat = location.getCoordinate(targetEdge.geometry());
                LineString connector = null;
                if (meters >= SAME_POINT_METERS) {
                    connector = LON_LAT.createLineString(new Coordinate[] {endLonLat.copy(), targetLonLat});
                    if (barriers.crosses(BarrierKind.RIVER, connector)
                            || barriers.crosses(BarrierKind.RAIL, connector)) {
                        continue;
                    }
                }
                long targetNode;
                if (location.compareTo(new LinearLocation()) == 0) {
                    targetNode = targetEdge.sourceNode();
                } else if (location.isEndpoint(metric[target])) {
                    targetNode = targetEdge.targetNode();
                } else {
                    List<Split> splits = splitsByEdge.computeIfAbsent(target, k -> new ArrayList<>());
                    Split same = splits.stream()
                            .filter(s -> s.location().compareTo(location) == 0)
                            .findFirst()
                            .orElse(null);
                    if (same != null) {
                        targetNode = same.nodeId();
                    } else {
                        targetNode = connector == null ? endNode : nextNodeId++;
                        splits.add(new Split(location, targetNode));
                    }
                }
                if (connector != null) {
                    connectors.add(
                            new RoadEdge(endNode, targetNode, connector, meters, CONNECTOR_CLASS, false, false, false));
                } else {
                    joined++;
                    if (targetNode != endNode) {
                        renamed.put(endNode, targetNode);
                    }
                }
                degree[endIndex]++;
                parts.union(endIndex, nodes.indexOf(targetEdge.sourceNode()));
            }
        }

        List<RoadEdge> linked = new ArrayList<>(edges.size() + 2 * splitsByEdge.size() + connectors.size());
        for (int e = 0; e < edges.size(); e++) {
            List<Split> splits = splitsByEdge.get(e);
            RoadEdge edge = renamed(edges.get(e), renamed);
            if (splits == null) {
                linked.add(edge);
            } else {
                addPieces(linked, edge, metric[e], splits);
            }
        }
        linked.addAll(connectors);
        return summarize(linked, connectors.size(), joined, splitsByEdge.size());
    }

    /** Nearest ground-level edge in another part within the limit, -1 when none; ties to the lower index. */
    private int nearestOtherPart(
            STRtree index,
            LineString[] metric,
            List<RoadEdge> edges,
            LongIdSet nodes,
            UnionFind parts,
            int endIndex,
            Coordinate endLonLat,
            Coordinate endMeters) {
        Envelope search = new Envelope(endLonLat);
        search.expandBy(
                maxMeters / (MIN_METERS_PER_DEGREE * Math.cos(Math.toRadians(endLonLat.y))),
                maxMeters / MIN_METERS_PER_DEGREE);
        int best = -1;
        double bestMeters = Double.POSITIVE_INFINITY;
        int endPart = parts.find(endIndex);
        Point point = projection.metricFactory().createPoint(endMeters);
        for (Object item : index.query(search)) {
            int candidate = (Integer) item;
            if (parts.find(nodes.indexOf(edges.get(candidate).sourceNode())) == endPart) {
                continue;
            }
            double meters = metric(metric, edges, candidate).distance(point);
            if (meters <= maxMeters && (meters < bestMeters || (meters == bestMeters && candidate < best))) {
                best = candidate;
                bestMeters = meters;
            }
        }
        return best;
    }

    /** The edge in the Gauss-Krüger zone, projected on first use. */
    private LineString metric(LineString[] metric, List<RoadEdge> edges, int edge) {
        if (metric[edge] == null) {
            metric[edge] = (LineString) projection.toMeters(edges.get(edge).geometry());
        }
        return metric[edge];
    }

    private static RoadEdge renamed(RoadEdge edge, Map<Long, Long> renamed) {
        Long source = renamed.get(edge.sourceNode());
        Long target = renamed.get(edge.targetNode());
        if (source == null && target == null) {
            return edge;
        }
        return new RoadEdge(
                source == null ? edge.sourceNode() : source,
                target == null ? edge.targetNode() : target,
                edge.geometry(),
                edge.lengthMeters(),
                edge.roadClass(),
                edge.arterial(),
                edge.bridge(),
                edge.railCrossing());
    }

    private static void addPieces(List<RoadEdge> out, RoadEdge edge, LineString metric, List<Split> splits) {
        splits.sort((a, b) -> a.location().compareTo(b.location()));
        LocationIndexedLine lonLat = new LocationIndexedLine(edge.geometry());
        LocationIndexedLine meters = new LocationIndexedLine(metric);
        LinearLocation from = new LinearLocation();
        long fromNode = edge.sourceNode();
        for (int i = 0; i <= splits.size(); i++) {
            LinearLocation to = i < splits.size() ? splits.get(i).location() : LinearLocation.getEndLocation(metric);
            long toNode = i < splits.size() ? splits.get(i).nodeId() : edge.targetNode();
            double length = meters.extractLine(from, to).getLength();
            if (length > 0) {
                LineString piece = (LineString) lonLat.extractLine(from, to);
                piece.setSRID(edge.geometry().getSRID());
                out.add(new RoadEdge(
                        fromNode,
                        toNode,
                        piece,
                        length,
                        edge.roadClass(),
                        edge.arterial(),
                        edge.bridge(),
                        edge.railCrossing()));
            }
            from = to;
            fromNode = toNode;
        }
    }

    /** Connected parts of the linked network and their lengths. */
    private static Result summarize(List<RoadEdge> edges, int connectors, int joined, int splitEdges) {
        LongIdSet nodes = new LongIdSet();
        for (RoadEdge edge : edges) {
            nodes.add(edge.sourceNode());
            nodes.add(edge.targetNode());
        }
        nodes.seal();
        UnionFind parts = new UnionFind(nodes.size());
        for (RoadEdge edge : edges) {
            parts.union(nodes.indexOf(edge.sourceNode()), nodes.indexOf(edge.targetNode()));
        }
        double[] metersByRoot = new double[nodes.size()];
        double total = 0;
        for (RoadEdge edge : edges) {
            metersByRoot[parts.find(nodes.indexOf(edge.sourceNode()))] += edge.lengthMeters();
            total += edge.lengthMeters();
        }
        double largest = 0;
        int partCount = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (parts.find(i) == i) {
                partCount++;
                largest = Math.max(largest, metersByRoot[i]);
            }
        }
        return new Result(edges, connectors, joined, splitEdges, largest, Math.max(0, partCount - 1), total - largest);
    }

    /** Union-find with path halving and union by size (Tarjan 1975), over int node indexes. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int count) {
            parent = new int[count];
            size = new int[count];
            for (int i = 0; i < count; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int node) {
            int x = node;
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int rootA = find(a);
            int rootB = find(b);
            if (rootA == rootB) {
                return;
            }
            if (size[rootA] < size[rootB]) {
                int swap = rootA;
                rootA = rootB;
                rootB = swap;
            }
            parent[rootB] = rootA;
            size[rootA] += size[rootB];
        }
    }
}
