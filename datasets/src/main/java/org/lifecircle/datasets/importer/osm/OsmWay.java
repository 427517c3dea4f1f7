package org.lifecircle.datasets.importer.osm;

/**
 * A way an import keeps.
 *
 * @param nodeIds node ids in order; owned by this record, never modified
 */
record OsmWay(long id, long[] nodeIds, OsmTags tags) {

    /** A ring: four or more node references, the last the same as the first. */
    boolean isClosed() {
        return nodeIds.length >= 4 && nodeIds[0] == nodeIds[nodeIds.length - 1];
    }

    String ref() {
        return "way/" + id;
    }
}
