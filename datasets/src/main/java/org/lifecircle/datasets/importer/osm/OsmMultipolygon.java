package org.lifecircle.datasets.importer.osm;

/**
 * A {@code type=multipolygon} relation an import keeps.
 *
 * @param outerWayIds member ways with role {@code outer} or no role; owned by this record
 * @param innerWayIds member ways with role {@code inner}; owned by this record
 */
record OsmMultipolygon(long id, OsmTags tags, long[] outerWayIds, long[] innerWayIds) {
    String ref() {
        return "relation/" + id;
    }
}
