package org.lifecircle.web.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per table of a database its row count and a checksum of its rows, computed over JDBC the way
 * {@code scripts/backup-lib.sh} defines the {@code .manifest} beside a dump: the md5 of the rows'
 * {@code md5(row::text)} in ascending order, under fixed session settings for the text form. Tables
 * of extensions (PostGIS's {@code spatial_ref_sys}) are left out.
 *
 * @param tables by {@code schema.table}, sorted
 */
record TableManifest(Map<String, Entry> tables) {
    record Entry(long rows, String md5) {}

    TableManifest {
        tables = Map.copyOf(tables);
    }

    private static final String[] SESSION = {
        "SET LOCAL TimeZone = 'UTC'",
        "SET LOCAL DateStyle = 'ISO, YMD'",
        "SET LOCAL IntervalStyle = 'postgres'",
        // The JDBC driver asks for 3; psql keeps the server's 1 (shortest exact form).
        "SET LOCAL extra_float_digits = 1",
        "SET LOCAL bytea_output = 'hex'"
    };

    /** The statement per table, built by the server from the catalog with quoted names. */
    private static final String TABLE_QUERIES = """
            SELECT n.nspname || '.' || c.relname,
                   format('SELECT count(*), md5(coalesce(string_agg(h, '''' ORDER BY h COLLATE "C"), ''''))'
                          ' FROM (SELECT md5(t::text) AS h FROM %I.%I t) r', n.nspname, c.relname)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r'
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

    static TableManifest of(String database) {
        try (Connection c = Databases.connect(database)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                for (String setting : SESSION) {
                    st.execute(setting);
                }
                List<String[]> queries = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(TABLE_QUERIES)) {
                    while (rs.next()) {
                        queries.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                Map<String, Entry> tables = new TreeMap<>();
                for (String[] query : queries) {
                    try (ResultSet rs = st.executeQuery(query[1])) {
                        rs.next();
                        tables.put(query[0], new Entry(rs.getLong(1), rs.getString(2)));
                    }
                }
                c.rollback();
                return new TableManifest(tables);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("manifest of " + database + ": " + e.getMessage(), e);
        }
    }

    /** A {@code .manifest} file as {@code scripts/backup.sh} writes it ({@code #} lines are comments). */
    static TableManifest read(Path file) {
        try {
            Map<String, Entry> tables = new TreeMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    throw new IllegalStateException(file + ": not table<TAB>rows<TAB>md5: " + line);
                }
                tables.put(fields[0], new Entry(Long.parseLong(fields[1]), fields[2]));
            }
            return new TableManifest(tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rows(String table) {
        Entry entry = tables.get(table);
        if (entry == null) {
            throw new IllegalArgumentException("No table " + table + " in " + tables.keySet());
        }
        return entry.rows();
    }
}
