package org.lifecircle.datasets.importer.osm;

/**
 * Receives the elements of one pass over a PBF file, in file order. Coordinates are WGS 84 degrees;
 * arrays passed in belong to the receiver.
 */
interface OsmElementHandler {

    /** Which kinds of element the pass needs; blocks holding none of them are skipped undecoded. */
    int wantedKinds();

    default void node(long id, double longitude, double latitude, OsmTags tags) {}

    default void way(long id, long[] nodeIds, OsmTags tags) {}

    /**
     * @param memberIds ids of the members, in order
     * @param memberKinds {@link #NODE}, {@link #WAY} or {@link #RELATION} for each member
     * @param memberRoles role of each member, {@code ""} when none
     */
    default void relation(long id, OsmTags tags, long[] memberIds, byte[] memberKinds, String[] memberRoles) {}

    /** Bit of {@link #wantedKinds()} and member kind of a node. */
    byte NODE = 1;
    /** Bit of {@link #wantedKinds()} and member kind of a way. */
    byte WAY = 2;
    /** Bit of {@link #wantedKinds()} and member kind of a relation. */
    byte RELATION = 4;
}
