package org.lifecircle.core.graph;

import java.util.Arrays;
import java.util.List;
import org.lifecircle.core.domain.RoadEdge;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Fills the arrays of a {@link WalkingGraph}; one use, then discarded. Stages: node renumbering,
 * projection, CSR adjacency, components, edge index.
 */
final class WalkingGraphBuilder {
    final List<RoadEdge> roadEdges;
    final long[] originalNodeIds;
    final int[] edgeSourceNode;
    final int[] edgeTargetNode;
    final double[] edgeLengthMeters;
    final MetricProjection projection;
    final LineString[] edgeGeometriesMeters;
    final double[] nodeLon;
    final double[] nodeLat;
    final double[] nodeXMeters;
    final double[] nodeYMeters;
    int[] firstAdjacency;
    int[] adjacentNode;
    int[] adjacentEdge;
    double[] adjacentLengthMeters;
    int[] componentOfNode;
    int[] componentNodeCounts;
    final STRtree edgeIndex = new STRtree();

    WalkingGraphBuilder(List<RoadEdge> edges) {
        if (edges.isEmpty()) {
            throw new IllegalArgumentException("A walking graph needs at least one edge");
        }
        this.roadEdges = List.copyOf(edges);
        int m = roadEdges.size();
        if (m > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("Too many edges for int adjacency offsets: " + m);
        }
        this.originalNodeIds = distinctNodeIds(roadEdges);
        int n = originalNodeIds.length;
        this.edgeSourceNode = new int[m];
        this.edgeTargetNode = new int[m];
        this.edgeLengthMeters = new double[m];
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < m; e++) {
            RoadEdge edge = roadEdges.get(e);
            if (edge.geometry().getNumPoints() < 2) {
                throw new IllegalArgumentException("Edge " + e + " geometry has fewer than two vertices");
            }
            edgeSourceNode[e] = Arrays.binarySearch(originalNodeIds, edge.sourceNode());
            edgeTargetNode[e] = Arrays.binarySearch(originalNodeIds, edge.targetNode());
            edgeLengthMeters[e] = edge.lengthMeters();
            minLon = Math.min(minLon, edge.geometry().getEnvelopeInternal().getMinX());
            maxLon = Math.max(maxLon, edge.geometry().getEnvelopeInternal().getMaxX());
        }
        this.projection = MetricProjection.gaussKrugerFor((minLon + maxLon) / 2);
        this.edgeGeometriesMeters = new LineString[m];
        this.nodeLon = new double[n];
        this.nodeLat = new double[n];
        this.nodeXMeters = new double[n];
        this.nodeYMeters = new double[n];
        projectGeometriesAndNodes();
        buildAdjacency();
        labelComponents();
        for (int e = 0; e < m; e++) {
            edgeIndex.insert(edgeGeometriesMeters[e].getEnvelopeInternal(), e);
        }
    }

    private static long[] distinctNodeIds(List<RoadEdge> edges) {
        long[] ids = new long[edges.size() * 2];
        for (int e = 0; e < edges.size(); e++) {
            ids[2 * e] = edges.get(e).sourceNode();
            ids[2 * e + 1] = edges.get(e).targetNode();
        }
        Arrays.sort(ids);
        int distinct = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                ids[distinct++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, distinct);
    }

    /** Projects every edge with one transform; nodes take the end vertices of their first edge. */
    private void projectGeometriesAndNodes() {
        CoordinateTransform toMeters = projection.newToMetersTransform();
        GeometryFactory factory = projection.metricFactory();
        boolean[] placed = new boolean[originalNodeIds.length];
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        for (int e = 0; e < edgeGeometriesMeters.length; e++) {
            LineString lonLat = roadEdges.get(e).geometry();
            Coordinate[] meters = new Coordinate[lonLat.getNumPoints()];
            for (int i = 0; i < meters.length; i++) {
                in.x = lonLat.getCoordinateSequence().getX(i);
                in.y = lonLat.getCoordinateSequence().getY(i);
                toMeters.transform(in, out);
                meters[i] = new Coordinate(out.x, out.y);
            }
            edgeGeometriesMeters[e] = factory.createLineString(meters);
            placeNode(placed, edgeSourceNode[e], lonLat, 0, meters[0]);
            placeNode(placed, edgeTargetNode[e], lonLat, meters.length - 1, meters[meters.length - 1]);
        }
    }

    private void placeNode(boolean[] placed, int node, LineString lonLat, int vertex, Coordinate meters) {
        if (placed[node]) {
            return;
        }
        placed[node] = true;
        nodeLon[node] = lonLat.getCoordinateSequence().getX(vertex);
        nodeLat[node] = lonLat.getCoordinateSequence().getY(vertex);
        nodeXMeters[node] = meters.x;
        nodeYMeters[node] = meters.y;
    }

    /** Counting sort of the 2m half-edges by their tail node. */
    private void buildAdjacency() {
        int n = originalNodeIds.length;
        int m = edgeSourceNode.length;
        firstAdjacency = new int[n + 1];
        for (int e = 0; e < m; e++) {
            firstAdjacency[edgeSourceNode[e] + 1]++;
            firstAdjacency[edgeTargetNode[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            firstAdjacency[v + 1] += firstAdjacency[v];
        }
        adjacentNode = new int[2 * m];
        adjacentEdge = new int[2 * m];
        adjacentLengthMeters = new double[2 * m];
        int[] next = Arrays.copyOf(firstAdjacency, n);
        for (int e = 0; e < m; e++) {
            int u = edgeSourceNode[e];
            int v = edgeTargetNode[e];
            int i = next[u]++;
            adjacentNode[i] = v;
            adjacentEdge[i] = e;
            adjacentLengthMeters[i] = edgeLengthMeters[e];
            int j = next[v]++;
            adjacentNode[j] = u;
            adjacentEdge[j] = e;
            adjacentLengthMeters[j] = edgeLengthMeters[e];
        }
    }

    /** Breadth-first labelling in node order, so component c is numbered by its smallest node. */
    private void labelComponents() {
        int n = originalNodeIds.length;
        componentOfNode = new int[n];
        Arrays.fill(componentOfNode, -1);
        int[] queue = new int[n];
        int[] sizes = new int[n];
        int components = 0;
        for (int start = 0; start < n; start++) {
            if (componentOfNode[start] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            componentOfNode[start] = components;
            while (head < tail) {
                int u = queue[head++];
                for (int i = firstAdjacency[u], end = firstAdjacency[u + 1]; i < end; i++) {
                    int v = adjacentNode[i];
                    if (componentOfNode[v] < 0) {
                        componentOfNode[v] = components;
                        queue[tail++] = v;
                    }
                }
            }
            sizes[components++] = tail;
        }
        componentNodeCounts = Arrays.copyOf(sizes, components);
    }
}
