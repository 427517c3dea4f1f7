package org.lifecircle.datasets.importer.osm;

/** A tagged node a facility rule matched, with its WGS 84 position. */
record OsmNodeFeature(long id, double longitude, double latitude, OsmTags tags) {
    String ref() {
        return "node/" + id;
    }
}
