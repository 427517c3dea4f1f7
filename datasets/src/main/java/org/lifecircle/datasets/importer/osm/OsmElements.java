package org.lifecircle.datasets.importer.osm;

import java.util.List;
import java.util.Map;

/**
 * What the three passes over a PBF file kept: the ways and multipolygons some stage needs, the
 * coordinates of their nodes, and the tagged nodes a facility rule matched; plus what was read and
 * what no facility rule knew.
 *
 * @param ways kept ways in file order
 * @param wayIds ids of {@code ways}, sealed (look ways up with {@link #way(long)})
 * @param wayIndexById for each index of {@code wayIds}, the way's position in {@code ways}
 * @param unmappedValues feature counts per {@code key=value} no facility rule matched
 */
record OsmElements(
        List<OsmWay> ways,
        LongIdSet wayIds,
        int[] wayIndexById,
        List<OsmMultipolygon> multipolygons,
        List<OsmNodeFeature> nodeFeatures,
        NodeCoordinates nodes,
        long nodesRead,
        long waysRead,
        long relationsRead,
        Map<String, Long> unmappedValues) {

    /** A kept way by id, {@code null} when the file lacks it or no stage kept it. */
    OsmWay way(long id) {
        int index = wayIds.indexOf(id);
        return index < 0 ? null : ways.get(wayIndexById[index]);
    }
}
