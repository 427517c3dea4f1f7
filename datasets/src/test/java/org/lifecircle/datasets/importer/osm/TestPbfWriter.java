package org.lifecircle.datasets.importer.osm;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small OSM PBF files for tests: one header block, then a block each of nodes, ways and
 * relations, zlib-compressed, as osmium and Osmosis write sorted files. Tags are given as {@code
 * "key=value"} strings.
 */
final class TestPbfWriter {
    /** Coordinates in PBF units of 100 nanodegrees, the format's default granularity. */
    private static final double UNITS_PER_DEGREE = 1e7;

    private final List<Osmformat.Node.Builder> nodes = new ArrayList<>();
    private final List<Osmformat.Way.Builder> ways = new ArrayList<>();
    private final List<Osmformat.Relation.Builder> relations = new ArrayList<>();
    private final Map<String, Integer> strings = new LinkedHashMap<>();

    TestPbfWriter() {
        strings.put("", 0); // string 0 is reserved as the dense-node tag delimiter
    }

    TestPbfWriter node(long id, double longitude, double latitude, String... tags) {
        Osmformat.Node.Builder node = Osmformat.Node.newBuilder()
                .setId(id)
                .setLon(Math.round(longitude * UNITS_PER_DEGREE))
                .setLat(Math.round(latitude * UNITS_PER_DEGREE));
        for (String tag : tags) {
            node.addKeys(string(key(tag))).addVals(string(value(tag)));
        }
        nodes.add(node);
        return this;
    }

    TestPbfWriter way(long id, long[] nodeIds, String... tags) {
        Osmformat.Way.Builder way = Osmformat.Way.newBuilder().setId(id);
        long previous = 0;
        for (long nodeId : nodeIds) {
            way.addRefs(nodeId - previous);
            previous = nodeId;
        }
        for (String tag : tags) {
            way.addKeys(string(key(tag))).addVals(string(value(tag)));
        }
        ways.add(way);
        return this;
    }

    /** A relation of way members with roles. */
    TestPbfWriter relation(long id, long[] wayIds, String[] roles, String... tags) {
        Osmformat.Relation.Builder relation = Osmformat.Relation.newBuilder().setId(id);
        long previous = 0;
        for (int i = 0; i < wayIds.length; i++) {
            relation.addMemids(wayIds[i] - previous)
                    .addTypes(Osmformat.Relation.MemberType.WAY)
                    .addRolesSid(string(roles[i]));
            previous = wayIds[i];
        }
        for (String tag : tags) {
            relation.addKeys(string(key(tag))).addVals(string(value(tag)));
        }
        relations.add(relation);
        return this;
    }

    void writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BlockOutputStream blocks = new BlockOutputStream(out);
            Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                    .addRequiredFeatures("OsmSchema-V0.6")
                    .setWritingprogram("lifecircle tests")
                    .build();
            blocks.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));
            if (!nodes.isEmpty()) {
                Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
                nodes.forEach(group::addNodes);
                blocks.write(FileBlock.newInstance("OSMData", block(group), null));
            }
            if (!ways.isEmpty()) {
                Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
                ways.forEach(group::addWays);
                blocks.write(FileBlock.newInstance("OSMData", block(group), null));
            }
            if (!relations.isEmpty()) {
                Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
                relations.forEach(group::addRelations);
                blocks.write(FileBlock.newInstance("OSMData", block(group), null));
            }
            blocks.flush();
        }
    }

    private ByteString block(Osmformat.PrimitiveGroup.Builder group) {
        Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
        for (String s : strings.keySet()) {
            table.addS(ByteString.copyFromUtf8(s));
        }
        return Osmformat.PrimitiveBlock.newBuilder()
                .setStringtable(table)
                .addPrimitivegroup(group)
                .build()
                .toByteString();
    }

    private int string(String s) {
        return strings.computeIfAbsent(s, k -> strings.size());
    }

    private static String key(String tag) {
        return tag.substring(0, tag.indexOf('='));
    }

    private static String value(String tag) {
        return tag.substring(tag.indexOf('=') + 1);
    }
}
