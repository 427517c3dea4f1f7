package org.lifecircle.datasets.importer.osm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lifecircle.datasets.ProgressListener;

/**
 * Reads what an import needs from a PBF file in three passes, so that memory holds only the kept
 * elements and the coordinates of their nodes, never the whole file:
 *
 * <ol>
 *   <li>relations: multipolygons of water, residential buildings or areas and facilities; their
 *       member way ids are noted;
 *   <li>ways: walkable ways, rail and river lines, closed ways of interest, multipolygon members;
 *       their node ids are noted;
 *   <li>nodes: coordinates of the noted nodes, rail crossing nodes, and tagged nodes a facility rule
 *       matches.
 * </ol>
 *
 * PBF files normally store nodes, then ways, then relations, so a single pass would have to keep
 * every node; three passes over a sorted file cost little more than one, because each pass skips
 * the blocks of the other kinds undecoded ({@link PbfFileReader}). Features no facility rule matches
 * are counted by their {@code key=value} as they go by.
 *
 * <p>Not thread-safe; one reader per import.
 */
final class OsmElementsReader {
    static final String STAGE_RELATIONS = "reading relations";
    static final String STAGE_WAYS = "reading ways";
    static final String STAGE_NODES = "reading nodes";

    private final OsmTagRules rules;
    private final OsmFacilityMapping mapping;
    private final Map<String, Long> unmapped = new TreeMap<>();

    OsmElementsReader(OsmTagRules rules, OsmFacilityMapping mapping) {
        this.rules = rules;
        this.mapping = mapping;
    }

    OsmElements read(PbfFileReader file, ProgressListener progress) throws IOException {
        RelationPass relations = new RelationPass();
        file.readPass(STAGE_RELATIONS, relations, progress);
        WayPass ways = new WayPass(relations.memberWays.seal());
        file.readPass(STAGE_WAYS, ways, progress);
        NodeCoordinates coordinates = new NodeCoordinates(ways.neededNodes);
        NodePass nodes = new NodePass(coordinates);
        file.readPass(STAGE_NODES, nodes, progress);

        LongIdSet wayIds = new LongIdSet();
        for (OsmWay way : ways.kept) {
            wayIds.add(way.id());
        }
        wayIds.seal();
        int[] indexById = new int[wayIds.size()];
        for (int i = 0; i < ways.kept.size(); i++) {
            indexById[wayIds.indexOf(ways.kept.get(i).id())] = i;
        }
        return new OsmElements(
                List.copyOf(ways.kept),
                wayIds,
                indexById,
                List.copyOf(relations.kept),
                List.copyOf(nodes.features),
                coordinates,
                nodes.read,
                ways.read,
                relations.read,
                unmapped);
    }

    private void countUnmapped(OsmTags tags) {
        String value = mapping.unmappedValue(tags);
        if (value != null) {
            unmapped.merge(value, 1L, Long::sum);
        }
    }

    private final class RelationPass implements OsmElementHandler {
        final List<OsmMultipolygon> kept = new ArrayList<>();
        final LongIdSet memberWays = new LongIdSet();
        long read;

        @Override
        public int wantedKinds() {
            return RELATION;
        }

        @Override
        public void relation(long id, OsmTags tags, long[] memberIds, byte[] memberKinds, String[] memberRoles) {
            read++;
            if (!tags.is("type", "multipolygon")) {
                return;
            }
            boolean facility = mapping.match(tags) != null;
            if (!facility) {
                countUnmapped(tags);
            }
            if (!facility && !rules.isAreaOfInterest(tags)) {
                return;
            }
            int outerCount = 0;
            int innerCount = 0;
            for (int i = 0; i < memberIds.length; i++) {
                if (memberKinds[i] == WAY) {
                    if (memberRoles[i].equals("inner")) {
                        innerCount++;
                    } else {
                        outerCount++;
                    }
                }
            }
            long[] outer = new long[outerCount];
            long[] inner = new long[innerCount];
            int o = 0;
            int n = 0;
            for (int i = 0; i < memberIds.length; i++) {
                if (memberKinds[i] == WAY) {
                    memberWays.add(memberIds[i]);
                    if (memberRoles[i].equals("inner")) {
                        inner[n++] = memberIds[i];
                    } else {
                        outer[o++] = memberIds[i];
                    }
                }
            }
            kept.add(new OsmMultipolygon(id, tags, outer, inner));
        }
    }

    private final class WayPass implements OsmElementHandler {
        final LongIdSet memberWays;
        final LongIdSet neededNodes = new LongIdSet();
        final List<OsmWay> kept = new ArrayList<>();
        long read;

        WayPass(LongIdSet memberWays) {
            this.memberWays = memberWays;
        }

        @Override
        public int wantedKinds() {
            return WAY;
        }

        @Override
        public void way(long id, long[] nodeIds, OsmTags tags) {
            read++;
            boolean facility = false;
            if (!tags.isEmpty()) {
                facility = mapping.match(tags) != null;
                if (!facility) {
                    countUnmapped(tags);
                }
            }
            boolean keep = facility
                    || memberWays.contains(id)
                    || rules.isWalkable(tags)
                    || rules.isRailBarrier(tags)
                    || rules.isRiverLine(tags)
                    || rules.isAreaOfInterest(tags);
            if (keep && nodeIds.length >= 2) {
                kept.add(new OsmWay(id, nodeIds, tags));
                neededNodes.addAll(nodeIds);
            }
        }
    }

    private final class NodePass implements OsmElementHandler {
        final NodeCoordinates coordinates;
        final List<OsmNodeFeature> features = new ArrayList<>();
        long read;

        NodePass(NodeCoordinates coordinates) {
            this.coordinates = coordinates;
        }

        @Override
        public int wantedKinds() {
            return NODE;
        }

        @Override
        public void node(long id, double longitude, double latitude, OsmTags tags) {
            read++;
            int index = coordinates.indexOf(id);
            if (index >= 0) {
                coordinates.set(index, longitude, latitude);
                if (OsmTagRules.isRailCrossingNode(tags)) {
                    coordinates.markRailCrossing(index);
                }
            }
            if (tags.isEmpty()) {
                return;
            }
            if (mapping.match(tags) != null) {
                features.add(new OsmNodeFeature(id, longitude, latitude, tags));
            } else {
                countUnmapped(tags);
            }
        }
    }
}
