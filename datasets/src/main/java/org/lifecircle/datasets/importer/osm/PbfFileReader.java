package org.lifecircle.datasets.importer.osm;

import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.BinaryParser;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.lifecircle.datasets.ProgressListener;

/**
 * Reads an OSM PBF file pass by pass and hands its elements to an {@link OsmElementHandler}.
 *
 * <p>The file format (<a href="https://wiki.openstreetmap.org/wiki/PBF_Format">OSM wiki: PBF
 * Format</a>) is a sequence of blocks, each a 4-byte big-endian length, a {@code BlobHeader} and a
 * {@code Blob} holding a zlib-compressed {@code HeaderBlock} or {@code PrimitiveBlock}. The protobuf
 * messages and the decoding of a {@code PrimitiveBlock} (string table, granularity, coordinate
 * offsets) come from the osmpbf library's {@link BinaryParser}; the block framing is done here
 * because osmpbf's own {@code BlockInputStream} takes an end of file inside a block for the normal
 * end, so a truncated download would import part of a city without a word. Here every short read,
 * undecodable message, unsupported compression or unknown required feature is an
 * {@link OsmPbfFormatException} naming the block and byte offset.
 *
 * <p>The first pass decodes every block and records which element kinds each holds; later passes
 * skip the blocks holding none of the kinds they want without inflating them (a sorted file keeps
 * nodes, ways and relations in separate blocks, so the node pass skips the way blocks and so on).
 *
 * <p>Not thread-safe; one reader per import.
 */
final class PbfFileReader {
    /** The PBF specification: a BlobHeader must be shorter than 64 KiB. */
    private static final int MAX_BLOB_HEADER_BYTES = 64 * 1024;
    /** The PBF specification: a Blob, compressed or not, must be shorter than 32 MiB. */
    private static final int MAX_BLOB_BYTES = 32 * 1024 * 1024;

    private static final int READ_BUFFER_BYTES = 1 << 16;
    private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");

    private final Path file;
    private final long fileBytes;
    /** Element kinds per data block (bits of {@link OsmElementHandler}), known after the first pass. */
    private byte[] kindsByBlock;

    PbfFileReader(Path file) throws IOException {
        this.file = file;
        this.fileBytes = Files.size(file);
    }

    /**
     * One pass over the file.
     *
     * @param stage progress stage name; progress counts bytes of the file
     * @throws OsmPbfFormatException when the file is not a readable OSM PBF file
     */
    void readPass(String stage, OsmElementHandler handler, ProgressListener progress) throws IOException {
        boolean firstPass = kindsByBlock == null;
        byte[] kinds = firstPass ? new byte[16] : kindsByBlock;
        ElementDecoder decoder = new ElementDecoder(handler);
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, READ_BUFFER_BYTES))) {
            long offset = 0;
            int dataBlock = 0;
            int blockNumber = 0;
            boolean sawHeader = false;
            while (true) {
                int first = in.read();
                if (first < 0) {
                    break;
                }
                blockNumber++;
                long blockOffset = offset;
                int headerBytes = (first << 24) | readBytes(in, 3, blockNumber, blockOffset);
                offset += 4;
                if (headerBytes <= 0 || headerBytes >= MAX_BLOB_HEADER_BYTES) {
                    throw corrupt(
                            blockNumber,
                            blockOffset,
                            "a block header length of " + headerBytes + " bytes (the format allows 1 to "
                                    + (MAX_BLOB_HEADER_BYTES - 1) + ")");
                }
                Fileformat.BlobHeader header =
                        parseHeader(readFully(in, headerBytes, blockNumber, blockOffset), blockNumber, blockOffset);
                offset += headerBytes;
                int dataBytes = header.getDatasize();
                if (dataBytes < 0 || dataBytes >= MAX_BLOB_BYTES) {
                    throw corrupt(
                            blockNumber,
                            blockOffset,
                            "a block data size of " + dataBytes + " bytes (the format allows up to "
                                    + (MAX_BLOB_BYTES - 1) + ")");
                }
                if (offset + dataBytes > fileBytes) {
                    throw truncated(blockNumber, blockOffset, dataBytes, fileBytes - offset);
                }
                String type = header.getType();
                if (!sawHeader) {
                    if (!type.equals("OSMHeader")) {
                        throw new OsmPbfFormatException(String.format(
                                Locale.ROOT,
                                "%s is not an OSM PBF file: its first block is '%s', not an OSMHeader",
                                file.getFileName(),
                                type));
                    }
                    checkHeader(readBlob(in, dataBytes, blockNumber, blockOffset), blockNumber, blockOffset);
                    sawHeader = true;
                } else if (type.equals("OSMData")) {
                    boolean decode = firstPass || (kinds[dataBlock] & handler.wantedKinds()) != 0;
                    if (decode) {
                        Osmformat.PrimitiveBlock block =
                                parseBlock(readBlob(in, dataBytes, blockNumber, blockOffset), blockNumber, blockOffset);
                        if (firstPass) {
                            kinds = ensureCapacity(kinds, dataBlock + 1);
                            kinds[dataBlock] = kindsIn(block);
                        }
                        if ((kinds[dataBlock] & handler.wantedKinds()) != 0) {
                            decode(decoder, block, blockNumber, blockOffset);
                        }
                    } else {
                        in.skipNBytes(dataBytes);
                    }
                    dataBlock++;
                } else {
                    // The specification tells readers to skip block types they do not know.
                    in.skipNBytes(dataBytes);
                }
                offset += dataBytes;
                progress.progress(stage, offset, fileBytes);
            }
            if (!sawHeader) {
                throw new OsmPbfFormatException(
                        file.getFileName() + " is empty: an OSM PBF file starts with an OSMHeader block");
            }
            if (firstPass) {
                kindsByBlock = Arrays.copyOf(kinds, dataBlock);
            }
        }
    }

    private void decode(ElementDecoder decoder, Osmformat.PrimitiveBlock block, int blockNumber, long blockOffset)
            throws OsmPbfFormatException {
        try {
            decoder.parse(block);
        } catch (IndexOutOfBoundsException e) {
            // A string id or member list pointing past its table: the block is damaged.
            throw corrupt(blockNumber, blockOffset, "elements that refer past their string table or member list");
        }
    }

    private static byte[] ensureCapacity(byte[] array, int length) {
        return length <= array.length ? array : Arrays.copyOf(array, Math.max(length, array.length * 2));
    }

    private static byte kindsIn(Osmformat.PrimitiveBlock block) {
        int kinds = 0;
        for (Osmformat.PrimitiveGroup group : block.getPrimitivegroupList()) {
            if (group.hasDense() || group.getNodesCount() > 0) {
                kinds |= OsmElementHandler.NODE;
            }
            if (group.getWaysCount() > 0) {
                kinds |= OsmElementHandler.WAY;
            }
            if (group.getRelationsCount() > 0) {
                kinds |= OsmElementHandler.RELATION;
            }
        }
        return (byte) kinds;
    }

    private int readBytes(DataInputStream in, int count, int blockNumber, long blockOffset) throws IOException {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int b = in.read();
            if (b < 0) {
                throw truncated(blockNumber, blockOffset, 4, i + 1);
            }
            value = (value << 8) | b;
        }
        return value;
    }

    private byte[] readFully(DataInputStream in, int count, int blockNumber, long blockOffset) throws IOException {
        byte[] bytes = new byte[count];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw truncated(blockNumber, blockOffset, count, -1);
        }
        return bytes;
    }

    private Fileformat.BlobHeader parseHeader(byte[] bytes, int blockNumber, long blockOffset)
            throws OsmPbfFormatException {
        try {
            return Fileformat.BlobHeader.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw corrupt(blockNumber, blockOffset, "an undecodable block header (" + e.getMessage() + ")");
        }
    }

    /** Reads and uncompresses one blob. */
    private byte[] readBlob(DataInputStream in, int dataBytes, int blockNumber, long blockOffset) throws IOException {
        Fileformat.Blob blob;
        try {
            blob = Fileformat.Blob.parseFrom(readFully(in, dataBytes, blockNumber, blockOffset));
        } catch (InvalidProtocolBufferException e) {
            throw corrupt(blockNumber, blockOffset, "an undecodable blob (" + e.getMessage() + ")");
        }
        if (blob.hasRaw()) {
            return blob.getRaw().toByteArray();
        }
        if (!blob.hasZlibData()) {
            throw new OsmPbfFormatException(String.format(
                    Locale.ROOT,
                    "%s: block %d at byte %,d is compressed with %s, which this reader does not support"
                            + " (zlib or none); convert it with 'osmium cat -o out.osm.pbf"
                            + " --output-format pbf,pbf_compression=zlib'",
                    file.getFileName(),
                    blockNumber,
                    blockOffset,
                    blob.getDataCase().name().toLowerCase(Locale.ROOT)));
        }
        int rawBytes = blob.getRawSize();
        if (rawBytes < 0 || rawBytes >= MAX_BLOB_BYTES) {
            throw corrupt(blockNumber, blockOffset, "an uncompressed size of " + rawBytes + " bytes");
        }
        byte[] out = new byte[rawBytes];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().toByteArray());
            int inflated = 0;
            while (inflated < rawBytes && !inflater.finished() && !inflater.needsInput()) {
                inflated += inflater.inflate(out, inflated, rawBytes - inflated);
            }
            if (inflated != rawBytes) {
                throw corrupt(
                        blockNumber,
                        blockOffset,
                        String.format(
                                Locale.ROOT,
                                "compressed data that inflates to %,d bytes instead of the declared %,d",
                                inflated,
                                rawBytes));
            }
            if (!inflater.finished()) {
                throw corrupt(blockNumber, blockOffset, "compressed data that does not end where declared");
            }
        } catch (DataFormatException e) {
            throw corrupt(blockNumber, blockOffset, "corrupt zlib data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        return out;
    }

    private void checkHeader(byte[] bytes, int blockNumber, long blockOffset) throws OsmPbfFormatException {
        Osmformat.HeaderBlock header;
        try {
            header = Osmformat.HeaderBlock.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw corrupt(blockNumber, blockOffset, "an undecodable OSMHeader (" + e.getMessage() + ")");
        }
        List<String> unsupported = header.getRequiredFeaturesList().stream()
                .filter(feature -> !SUPPORTED_FEATURES.contains(feature))
                .toList();
        if (!unsupported.isEmpty()) {
            throw new OsmPbfFormatException(file.getFileName() + " requires PBF features this reader does not support: "
                    + unsupported + " (supported: " + SUPPORTED_FEATURES + ")");
        }
    }

    private Osmformat.PrimitiveBlock parseBlock(byte[] bytes, int blockNumber, long blockOffset)
            throws OsmPbfFormatException {
        try {
            return Osmformat.PrimitiveBlock.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw corrupt(blockNumber, blockOffset, "an undecodable data block (" + e.getMessage() + ")");
        }
    }

    private OsmPbfFormatException truncated(int blockNumber, long blockOffset, long neededBytes, long remainingBytes) {
        String remaining =
                remainingBytes >= 0 ? String.format(Locale.ROOT, " but only %,d remain", remainingBytes) : "";
        return new OsmPbfFormatException(String.format(
                Locale.ROOT,
                "%s is truncated: block %d at byte %,d needs %,d more bytes%s (the file has %,d bytes)."
                        + " Download or extract it again; nothing was imported.",
                file.getFileName(),
                blockNumber,
                blockOffset,
                neededBytes,
                remaining,
                fileBytes));
    }

    private OsmPbfFormatException corrupt(int blockNumber, long blockOffset, String what) {
        return new OsmPbfFormatException(String.format(
                Locale.ROOT,
                "%s %s: block %d at byte %,d has %s. Download or extract it again; nothing was imported.",
                file.getFileName(),
                blockNumber == 1 ? "is not an OSM PBF file or is corrupt" : "is corrupt",
                blockNumber,
                blockOffset,
                what));
    }

    /**
     * Decodes the elements of a primitive block into handler calls. Coordinates and string ids go
     * through {@link BinaryParser}; dense nodes are delta-decoded here.
     */
    private static final class ElementDecoder extends BinaryParser {
        private final OsmElementHandler handler;
        private final int wanted;

        ElementDecoder(OsmElementHandler handler) {
            this.handler = handler;
            this.wanted = handler.wantedKinds();
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes nodes) {
            if ((wanted & OsmElementHandler.NODE) == 0) {
                return;
            }
            long id = 0;
            long lat = 0;
            long lon = 0;
            int tagIndex = 0;
            int tagCount = nodes.getKeysValsCount();
            for (int i = 0; i < nodes.getIdCount(); i++) {
                id += nodes.getId(i);
                lat += nodes.getLat(i);
                lon += nodes.getLon(i);
                OsmTags tags = OsmTags.NONE;
                if (tagIndex < tagCount) {
                    int start = tagIndex;
                    while (tagIndex < tagCount && nodes.getKeysVals(tagIndex) != 0) {
                        tagIndex += 2;
                    }
                    if (tagIndex > start) {
                        String[] flat = new String[tagIndex - start];
                        for (int k = start; k < tagIndex; k++) {
                            flat[k - start] = getStringById(nodes.getKeysVals(k));
                        }
                        tags = new OsmTags(flat);
                    }
                    tagIndex++; // the 0 that ends this node's tags
                }
                handler.node(id, parseLon(lon), parseLat(lat), tags);
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            if ((wanted & OsmElementHandler.NODE) == 0) {
                return;
            }
            for (Osmformat.Node node : nodes) {
                String[] flat = new String[node.getKeysCount() * 2];
                for (int k = 0; k < node.getKeysCount(); k++) {
                    flat[2 * k] = getStringById(node.getKeys(k));
                    flat[2 * k + 1] = getStringById(node.getVals(k));
                }
                handler.node(node.getId(), parseLon(node.getLon()), parseLat(node.getLat()), tagsOf(flat));
            }
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            if ((wanted & OsmElementHandler.WAY) == 0) {
                return;
            }
            for (Osmformat.Way way : ways) {
                long[] refs = new long[way.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += way.getRefs(i);
                    refs[i] = ref;
                }
                String[] flat = new String[way.getKeysCount() * 2];
                for (int k = 0; k < way.getKeysCount(); k++) {
                    flat[2 * k] = getStringById(way.getKeys(k));
                    flat[2 * k + 1] = getStringById(way.getVals(k));
                }
                handler.way(way.getId(), refs, tagsOf(flat));
            }
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
            if ((wanted & OsmElementHandler.RELATION) == 0) {
                return;
            }
            for (Osmformat.Relation relation : relations) {
                int members = relation.getMemidsCount();
                long[] ids = new long[members];
                byte[] kinds = new byte[members];
                String[] roles = new String[members];
                long id = 0;
                for (int i = 0; i < members; i++) {
                    id += relation.getMemids(i);
                    ids[i] = id;
                    kinds[i] = switch (relation.getTypes(i)) {
                        case NODE -> OsmElementHandler.NODE;
                        case WAY -> OsmElementHandler.WAY;
                        case RELATION -> OsmElementHandler.RELATION;
                    };
                    roles[i] = getStringById(relation.getRolesSid(i));
                }
                String[] flat = new String[relation.getKeysCount() * 2];
                for (int k = 0; k < relation.getKeysCount(); k++) {
                    flat[2 * k] = getStringById(relation.getKeys(k));
                    flat[2 * k + 1] = getStringById(relation.getVals(k));
                }
                handler.relation(relation.getId(), tagsOf(flat), ids, kinds, roles);
            }
        }

        private static OsmTags tagsOf(String[] flat) {
            return flat.length == 0 ? OsmTags.NONE : new OsmTags(flat);
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            // The reader checks the header itself before any data block.
        }

        @Override
        public void complete() {}
    }
}
