package org.lifecircle.datasets.importer.osm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.RoadEdge;
import org.locationtech.jts.geom.LineString;

/**
 * The walking network: walkable OSM ways split into {@link RoadEdge}s at every node shared by two or
 * more walkable ways (or visited twice by one, as a loop's closing node) and at way ends, so edges
 * meet only at their end nodes, which keep their OSM node ids (pgRouting reads the table as it is).
 *
 * <p>Edge attributes:
 *
 * <ul>
 *   <li>{@code lengthMeters}: planar length in the import's Gauss-Krüger zone, summed over segments.
 *   <li>{@code roadClass}: the {@code highway} value.
 *   <li>{@code arterial}: the highway value is an arterial class ({@link OsmImportOptions}).
 *   <li>{@code bridge}: the way is tagged {@code bridge} (any value but {@code no}) and the edge
 *       crosses a RIVER barrier; a flyover above a street is not a bridge in this sense.
 *   <li>{@code railCrossing}: a vertex of the edge is a {@code railway=level_crossing|crossing}
 *       node, or the way is a bridge or tunnel and the edge crosses a RAIL barrier (footbridge or
 *       underpass). Rail in tunnels is no barrier, so passages above it are not crossings.
 * </ul>
 *
 * Parts of a way outside the extract (nodes the file lacks) are left out; the way's remaining runs
 * become edges as usual. Edges of zero length (two nodes at one position) and with negative node ids
 * (unsaved editor files) are counted and dropped.
 *
 * <p>Runs in O(total way nodes); node use counts are one {@code int[]} over the needed nodes. Not
 * thread-safe.
 */
final class WalkingNetworkBuilder {

    /**
     * The network and what became of the ways.
     *
     * @param walkableWays ways the rules call walkable
     * @param waysWithEdges walkable ways that gave at least one edge
     * @param totalLengthMeters sum of the edge lengths
     * @param waysMissingNodes walkable ways with nodes the file lacks
     * @param missingNodeReferences references to such nodes
     * @param zeroLengthEdges edges dropped for zero length
     * @param negativeIdEdges edges dropped for a negative node id
     * @param groundLevel for each edge, whether its way is at ground level (no tunnel, bridge,
     *     covered or non-zero layer); owned by the result
     */
    record Result(
            List<RoadEdge> edges,
            boolean[] groundLevel,
            int walkableWays,
            int waysWithEdges,
            double totalLengthMeters,
            int waysMissingNodes,
            long missingNodeReferences,
            int zeroLengthEdges,
            int negativeIdEdges) {}

    private final OsmTagRules rules;
    private final OsmGeometryBuilder geometry;
    private final NodeCoordinates nodes;
    private final BarrierIndex barriers;

    WalkingNetworkBuilder(
            OsmTagRules rules, OsmGeometryBuilder geometry, NodeCoordinates nodes, BarrierIndex barriers) {
        this.rules = rules;
        this.geometry = geometry;
        this.nodes = nodes;
        this.barriers = barriers;
    }

    Result build(List<OsmWay> ways) {
        List<OsmWay> walkable = new ArrayList<>();
        List<List<int[]>> runsOfWay = new ArrayList<>();
        int[] uses = new int[nodes.neededCount()];
        int waysMissingNodes = 0;
        long missingReferences = 0;
        for (OsmWay way : ways) {
            if (!rules.isWalkable(way.tags())) {
                continue;
            }
            int missing = geometry.missingNodeCount(way.nodeIds());
            if (missing > 0) {
                waysMissingNodes++;
                missingReferences += missing;
            }
            List<int[]> runs = geometry.knownRuns(way.nodeIds());
            for (int[] run : runs) {
                for (int index : run) {
                    uses[index]++;
                }
            }
            walkable.add(way);
            runsOfWay.add(runs);
        }

        List<RoadEdge> edges = new ArrayList<>();
        boolean[] groundLevel = new boolean[64];
        int waysWithEdges = 0;
        double totalMeters = 0;
        int zeroLength = 0;
        int negativeIds = 0;
        for (int w = 0; w < walkable.size(); w++) {
            OsmWay way = walkable.get(w);
            String highway = way.tags().get("highway");
            boolean arterial = rules.isArterial(highway);
            boolean bridgeTagged = way.tags().isSet("bridge");
            boolean passesOverOrUnder = bridgeTagged || way.tags().isSet("tunnel");
            boolean atGround = isGroundLevel(way.tags());
            int before = edges.size();
            for (int[] run : runsOfWay.get(w)) {
                int start = 0;
                for (int i = 1; i < run.length; i++) {
                    if (i < run.length - 1 && uses[run[i]] < 2) {
                        continue;
                    }
                    long source = nodes.idAt(run[start]);
                    long target = nodes.idAt(run[i]);
                    double meters = geometry.lengthMeters(run, start, i);
                    if (source < 0 || target < 0) {
                        negativeIds++;
                    } else if (!(meters > 0)) {
                        zeroLength++;
                    } else {
                        LineString line = geometry.line(run, start, i);
                        boolean bridge = bridgeTagged && barriers.crosses(BarrierKind.RIVER, line);
                        boolean railCrossing = hasRailCrossingNode(run, start, i)
                                || (passesOverOrUnder && barriers.crosses(BarrierKind.RAIL, line));
                        if (edges.size() == groundLevel.length) {
                            groundLevel = Arrays.copyOf(groundLevel, groundLevel.length * 2);
                        }
                        groundLevel[edges.size()] = atGround;
                        edges.add(new RoadEdge(source, target, line, meters, highway, arterial, bridge, railCrossing));
                        totalMeters += meters;
                    }
                    start = i;
                }
            }
            if (edges.size() > before) {
                waysWithEdges++;
            }
        }
        return new Result(
                edges,
                Arrays.copyOf(groundLevel, edges.size()),
                walkable.size(),
                waysWithEdges,
                totalMeters,
                waysMissingNodes,
                missingReferences,
                zeroLength,
                negativeIds);
    }

    static boolean isGroundLevel(OsmTags tags) {
        String layer = tags.get("layer");
        return !tags.isSet("tunnel")
                && !tags.isSet("bridge")
                && !tags.isSet("covered")
                && !tags.is("indoor", "yes")
                && (layer == null || layer.trim().equals("0"));
    }

    private boolean hasRailCrossingNode(int[] run, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (nodes.isRailCrossing(run[i])) {
                return true;
            }
        }
        return false;
    }
}
