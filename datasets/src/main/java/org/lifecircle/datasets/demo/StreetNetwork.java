package org.lifecircle.datasets.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.lifecircle.core.domain.RoadEdge;

/**
 * The walking network as edges between nodes on the grid, held in primitive arrays.
 *
 * <p>A grid corner is a node when its present segments do not form a straight pass-through of one
 * kind: a dead end, a junction of three or four, a bend, or a change of class or flags (a bridge
 * starts, a level crossing ends). An edge is the straight run of segments between two nodes; its
 * geometry keeps every grid corner it passes, so it shares vertices exactly with the cells beside
 * it. Node ids are the row-major corner index plus one, edges run west→east or south→north, and
 * they are listed by source corner then direction — all fixed by the grid, hence deterministic.
 *
 * <p>{@code lengthMeters} is the planar length in the Gauss-Krüger zone (100 m per segment). At 1°
 * from the zone's central meridian the zone scale factor is about 1.0001, so it is within 0.02 % of
 * the geodesic length.
 */
final class StreetNetwork {
    private final CellGrid grid;
    private final byte[] horizontal;
    private final byte[] vertical;
    private final boolean[] node;
    private final int[] edgeStart;
    private final boolean[] edgeEastward;
    private final int[] edgeSteps;
    private final byte[] edgeAttributes;
    private final int edgeCount;
    private final int nodeCount;

    /** Chains segments into edges; the arrays are copied. */
    StreetNetwork(CellGrid grid, byte[] horizontal, byte[] vertical) {
        this.grid = grid;
        this.horizontal = horizontal.clone();
        this.vertical = vertical.clone();
        int corners = grid.cornerCount();
        this.node = new boolean[corners];
        int nodes = 0;
        for (int c = 0; c < corners; c++) {
            byte east = east(c);
            byte west = west(c);
            byte north = north(c);
            byte south = south(c);
            int degree = (east != 0 ? 1 : 0) + (west != 0 ? 1 : 0) + (north != 0 ? 1 : 0) + (south != 0 ? 1 : 0);
            boolean passThrough = degree == 2
                    && ((east != 0 && west != 0 && east == west) || (north != 0 && south != 0 && north == south));
            node[c] = degree > 0 && !passThrough;
            nodes += node[c] ? 1 : 0;
        }
        this.nodeCount = nodes;
        int[] start = new int[corners * 2];
        boolean[] eastward = new boolean[corners * 2];
        int[] steps = new int[corners * 2];
        byte[] attributes = new byte[corners * 2];
        int count = 0;
        int stride = grid.widthCells() + 1;
        for (int c = 0; c < corners; c++) {
            if (!node[c]) {
                continue;
            }
            if (east(c) != 0) {
                int k = 0;
                int at = c;
                do {
                    at += 1;
                    k++;
                } while (!node[at]);
                start[count] = c;
                eastward[count] = true;
                steps[count] = k;
                attributes[count++] = east(c);
            }
            if (north(c) != 0) {
                int k = 0;
                int at = c;
                do {
                    at += stride;
                    k++;
                } while (!node[at]);
                start[count] = c;
                eastward[count] = false;
                steps[count] = k;
                attributes[count++] = north(c);
            }
        }
        this.edgeCount = count;
        this.edgeStart = Arrays.copyOf(start, count);
        this.edgeEastward = Arrays.copyOf(eastward, count);
        this.edgeSteps = Arrays.copyOf(steps, count);
        this.edgeAttributes = Arrays.copyOf(attributes, count);
    }

    private byte east(int corner) {
        int i = grid.iOfCorner(corner);
        return i < grid.widthCells() ? horizontal[grid.jOfCorner(corner) * grid.widthCells() + i] : 0;
    }

    private byte west(int corner) {
        int i = grid.iOfCorner(corner);
        return i > 0 ? horizontal[grid.jOfCorner(corner) * grid.widthCells() + i - 1] : 0;
    }

    private byte north(int corner) {
        int j = grid.jOfCorner(corner);
        return j < grid.heightCells() ? vertical[j * (grid.widthCells() + 1) + grid.iOfCorner(corner)] : 0;
    }

    private byte south(int corner) {
        int j = grid.jOfCorner(corner);
        return j > 0 ? vertical[(j - 1) * (grid.widthCells() + 1) + grid.iOfCorner(corner)] : 0;
    }

    int edgeCount() {
        return edgeCount;
    }

    int nodeCount() {
        return nodeCount;
    }

    boolean isNode(int corner) {
        return node[corner];
    }

    static long nodeId(int corner) {
        return corner + 1L;
    }

    int edgeSourceCorner(int edge) {
        return edgeStart[edge];
    }

    int edgeTargetCorner(int edge) {
        int stride = edgeEastward[edge] ? 1 : grid.widthCells() + 1;
        return edgeStart[edge] + edgeSteps[edge] * stride;
    }

    byte edgeAttributes(int edge) {
        return edgeAttributes[edge];
    }

    int countEdgesWith(byte flag) {
        int count = 0;
        for (int e = 0; e < edgeCount; e++) {
            count += (edgeAttributes[e] & flag) != 0 ? 1 : 0;
        }
        return count;
    }

    /** Removes the segments of an edge from the given segment arrays (not from this network). */
    void clearSegments(int edge, byte[] horizontalSegments, byte[] verticalSegments) {
        int c = edgeStart[edge];
        for (int k = 0; k < edgeSteps[edge]; k++) {
            int i = grid.iOfCorner(c);
            int j = grid.jOfCorner(c);
            if (edgeEastward[edge]) {
                horizontalSegments[j * grid.widthCells() + i] = 0;
                c += 1;
            } else {
                verticalSegments[j * (grid.widthCells() + 1) + i] = 0;
                c += grid.widthCells() + 1;
            }
        }
    }

    /**
     * Node components other than the largest, found by union–find over the edges; empty when the
     * network is connected. Components are listed by their smallest node id.
     */
    List<DemoCitySummary.NetworkIsland> islands() {
        int[] parent = new int[grid.cornerCount()];
        for (int c = 0; c < parent.length; c++) {
            parent[c] = c;
        }
        for (int e = 0; e < edgeCount; e++) {
            int a = StreetNetworkBuilder.find(parent, edgeSourceCorner(e));
            int b = StreetNetworkBuilder.find(parent, edgeTargetCorner(e));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] size = new int[parent.length];
        int largestRoot = -1;
        for (int c = 0; c < parent.length; c++) {
            if (node[c]) {
                int root = StreetNetworkBuilder.find(parent, c);
                size[root]++;
                if (largestRoot < 0 || size[root] > size[largestRoot]) {
                    largestRoot = root;
                }
            }
        }
        List<DemoCitySummary.NetworkIsland> islands = new ArrayList<>();
        for (int c = 0; c < parent.length; c++) {
            // the root of a component is its smallest corner, so it is met first
            if (node[c] && parent[c] == c && c != largestRoot) {
                islands.add(new DemoCitySummary.NetworkIsland(nodeId(c), size[c]));
            }
        }
        return Collections.unmodifiableList(islands);
    }

    /** The edges as domain rows, built lazily on each iteration (same rows every time). */
    Iterable<RoadEdge> roadEdges(GridCornerProjection projection) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < edgeCount;
            }

            @Override
            public RoadEdge next() {
                if (next >= edgeCount) {
                    throw new NoSuchElementException();
                }
                int e = next++;
                byte attributes = edgeAttributes[e];
                byte roadClass = (byte) (attributes & StreetNetworkBuilder.CLASS_MASK);
                return new RoadEdge(
                        nodeId(edgeSourceCorner(e)),
                        nodeId(edgeTargetCorner(e)),
                        projection.gridLine(edgeStart[e], edgeEastward[e], edgeSteps[e]),
                        edgeSteps[e] * CellGrid.CELL_SIZE_METERS,
                        roadClassName(roadClass),
                        roadClass == StreetNetworkBuilder.PRIMARY,
                        (attributes & StreetNetworkBuilder.BRIDGE) != 0,
                        (attributes & StreetNetworkBuilder.RAIL_CROSSING) != 0);
            }
        };
    }

    private static String roadClassName(byte roadClass) {
        return switch (roadClass) {
            case StreetNetworkBuilder.PRIMARY -> "primary";
            case StreetNetworkBuilder.RESIDENTIAL -> "residential";
            case StreetNetworkBuilder.FOOTWAY -> "footway";
            default -> throw new IllegalStateException("Unknown road class " + roadClass);
        };
    }
}
