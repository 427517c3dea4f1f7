package org.lifecircle.web.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format.
 * Geometries go as hex EWKB, which the geometry type parses directly. Not thread-safe; one per
 * table.
 */
public final class CopyWriter implements AutoCloseable {
    private static final int FLUSH_CHARS = 1 << 16;
    private static final int WGS84 = 4326;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
    private boolean firstInRow = true;
    private long rows;

    public CopyWriter(CopyManager manager, String table, String columns) throws SQLException {
        this.copy = manager.copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    public CopyWriter text(String value) {
        separator();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    public CopyWriter number(Number value) {
        separator();
        buffer.append(value == null ? "\\N" : value.toString());
        return this;
    }

    public CopyWriter bool(boolean value) {
        separator();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    /** Writes a geometry in EPSG:4326; a geometry without SRID is taken to be in it. */
    public CopyWriter geometry(Geometry geometry) {
        if (geometry.getSRID() != 0 && geometry.getSRID() != WGS84) {
            throw new IllegalArgumentException(
                    "Geometries must be in EPSG:4326 before storing, got EPSG:" + geometry.getSRID());
        }
        if (geometry.getSRID() == 0) {
            geometry = geometry.copy();
            geometry.setSRID(WGS84);
        }
        separator();
        buffer.append(WKBWriter.toHex(wkb.write(geometry)));
        return this;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        firstInRow = true;
        rows++;
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    private void separator() {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is buffered and ends the COPY; the caller's transaction decides its fate. */
    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
