package org.lifecircle.core.graph;

import java.util.Arrays;
import java.util.List;
import org.lifecircle.core.domain.RoadEdge;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The walking network as an undirected graph in compressed sparse row (CSR) form, the one graph
 * that service areas, coverage, siting and boundary planning share.
 *
 * <p><b>Nodes</b> are the distinct {@link RoadEdge#sourceNode()}/{@link RoadEdge#targetNode()} ids,
 * renumbered {@code 0 … nodeCount-1} in ascending order of the original id; {@link
 * #originalNodeId(int)} and {@link #nodeOf(long)} map both ways, so results can be compared with
 * pgRouting by original id. A node's coordinates are those of the first or last vertex of the first
 * edge that names it, kept in EPSG:4326 and in metres of the CGCS2000 Gauss-Krüger zone of the
 * data's centre ({@link #projection()}).
 *
 * <p><b>Edges</b> keep the index of the input list, so edge {@code e} is {@code roadEdges.get(e)}.
 * Every edge is walkable both ways; its cost is {@link RoadEdge#lengthMeters()} as stored with
 * the edge, not the length of the projected geometry. Positions along an edge
 * are expressed in the same metres: a point at a fraction {@code f} of the projected geometry is
 * {@code f × lengthMeters} from the source node, so the two parts of a split edge always add up to
 * its cost.
 *
 * <p><b>Adjacency</b>: the adjacency entries of node {@code n} are {@code firstAdjacency(n) …
 * firstAdjacency(n+1)-1}; entry {@code i} leads to {@link #adjacentNode(int)} over edge {@link
 * #adjacentEdge(int)} of length {@link #adjacentLengthMeters(int)} (copied from the edge so the
 * search loop reads one array instead of two). A self-loop appears twice at its node; parallel
 * edges are kept.
 *
 * <p><b>Components</b>: connected components numbered by their smallest node, sizes in nodes.
 *
 * <p><b>Representation limits</b>: node and edge counts below 2<sup>31</sup>, adjacency entries
 * (twice the edges) too, so at most about one billion edges.
 *
 * <p>Immutable after {@link #fromEdges(List)} and thread-safe: arrays are never handed out, the
 * STRtree is built before the constructor returns, and geometries returned by {@link
 * #edgeGeometryMeters(int)} are shared and must not be modified.
 */
public final class WalkingGraph {
    final int nodeCount;
    final int edgeCount;
    final long[] originalNodeIds;
    final int[] firstAdjacency;
    final int[] adjacentNode;
    final int[] adjacentEdge;
    final double[] adjacentLengthMeters;
    final int[] edgeSourceNode;
    final int[] edgeTargetNode;
    final double[] edgeLengthMeters;
    final double[] nodeLon;
    final double[] nodeLat;
    final double[] nodeXMeters;
    final double[] nodeYMeters;
    final int[] componentOfNode;
    final int[] componentNodeCounts;
    final List<RoadEdge> roadEdges;
    final LineString[] edgeGeometriesMeters;
    final STRtree edgeIndex;
    final MetricProjection projection;

    WalkingGraph(WalkingGraphBuilder b) {
        this.nodeCount = b.originalNodeIds.length;
        this.edgeCount = b.edgeSourceNode.length;
        this.originalNodeIds = b.originalNodeIds;
        this.firstAdjacency = b.firstAdjacency;
        this.adjacentNode = b.adjacentNode;
        this.adjacentEdge = b.adjacentEdge;
        this.adjacentLengthMeters = b.adjacentLengthMeters;
        this.edgeSourceNode = b.edgeSourceNode;
        this.edgeTargetNode = b.edgeTargetNode;
        this.edgeLengthMeters = b.edgeLengthMeters;
        this.nodeLon = b.nodeLon;
        this.nodeLat = b.nodeLat;
        this.nodeXMeters = b.nodeXMeters;
        this.nodeYMeters = b.nodeYMeters;
        this.componentOfNode = b.componentOfNode;
        this.componentNodeCounts = b.componentNodeCounts;
        this.roadEdges = b.roadEdges;
        this.edgeGeometriesMeters = b.edgeGeometriesMeters;
        this.edgeIndex = b.edgeIndex;
        this.projection = b.projection;
        edgeIndex.build();
    }

    /**
     * Builds the graph of a list of road edges: renumbers nodes, projects coordinates once into the
     * Gauss-Krüger zone of the centre of the data's longitude range, fills the CSR arrays, labels
     * connected components and indexes edge geometries in an STRtree. O(m log m) time for m edges.
     *
     * @param edges at least one edge; edge {@code e} of the graph is {@code edges.get(e)}
     * @throws IllegalArgumentException when empty or when an edge geometry has fewer than two vertices
     */
    public static WalkingGraph fromEdges(List<RoadEdge> edges) {
        return new WalkingGraph(new WalkingGraphBuilder(edges));
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** The road_edge node id of a dense node. */
    public long originalNodeId(int node) {
        return originalNodeIds[node];
    }

    /** The dense node of a road_edge node id, -1 when no edge names it. O(log n). */
    public int nodeOf(long originalNodeId) {
        int i = Arrays.binarySearch(originalNodeIds, originalNodeId);
        return i >= 0 ? i : -1;
    }

    /** First adjacency entry of a node; the node's entries end before {@code firstAdjacency(node + 1)}. */
    public int firstAdjacency(int node) {
        return firstAdjacency[node];
    }

    public int degree(int node) {
        return firstAdjacency[node + 1] - firstAdjacency[node];
    }

    public int adjacentNode(int adjacency) {
        return adjacentNode[adjacency];
    }

    public int adjacentEdge(int adjacency) {
        return adjacentEdge[adjacency];
    }

    public double adjacentLengthMeters(int adjacency) {
        return adjacentLengthMeters[adjacency];
    }

    public int edgeSourceNode(int edge) {
        return edgeSourceNode[edge];
    }

    public int edgeTargetNode(int edge) {
        return edgeTargetNode[edge];
    }

    /** Walking cost of an edge: {@link RoadEdge#lengthMeters()}. */
    public double edgeLengthMeters(int edge) {
        return edgeLengthMeters[edge];
    }

    /** The input edge, with its EPSG:4326 geometry and flags. */
    public RoadEdge roadEdge(int edge) {
        return roadEdges.get(edge);
    }

    /** The edge geometry in the Gauss-Krüger zone, source to target; shared, do not modify. */
    public LineString edgeGeometryMeters(int edge) {
        return edgeGeometriesMeters[edge];
    }

    public double nodeLon(int node) {
        return nodeLon[node];
    }

    public double nodeLat(int node) {
        return nodeLat[node];
    }

    public double nodeXMeters(int node) {
        return nodeXMeters[node];
    }

    public double nodeYMeters(int node) {
        return nodeYMeters[node];
    }

    public int componentOf(int node) {
        return componentOfNode[node];
    }

    public int componentCount() {
        return componentNodeCounts.length;
    }

    public int componentNodeCount(int component) {
        return componentNodeCounts[component];
    }

    /** The component with the most nodes, the lowest id on ties. */
    public int largestComponent() {
        int best = 0;
        for (int c = 1; c < componentNodeCounts.length; c++) {
            if (componentNodeCounts[c] > componentNodeCounts[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The Gauss-Krüger zone the graph is measured in. */
    public MetricProjection projection() {
        return projection;
    }

    /** EPSG code of {@link #projection()}, one of EPSG:4534–4554. */
    public int gaussKrugerSrid() {
        return projection.metricSrid();
    }
}
