package org.lifecircle.web.importer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.lifecircle.core.crs.ChineseCoordinateSystem;
import org.lifecircle.core.crs.ChineseCoordinateTransform;
import org.lifecircle.core.crs.Srid;
import org.lifecircle.datasets.ProgressListener;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schema {@code import_staging} (migration V003) where {@code ogr2ogr} writes each import into
 * a table of its own, named {@code stage_<UTC yyyyMMddHHmmss>_<8 hex>}, dropped when the import
 * ends. Tables left by a killed process are swept after a day. Staging tables are outside every
 * transaction that matters: writing and dropping them never changes the real tables.
 *
 * <p>Table and column names in the SQL below come only from {@link #newTable()} (checked against
 * {@link #TABLE_NAME}) and from the staging table's own catalogue entry, quoted.
 */
@Component
class StagingArea {
    static final String SCHEMA = "import_staging";
    static final Pattern TABLE_NAME = Pattern.compile("stage_(\\d{14})_[0-9a-f]{8}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Rows fetched per round trip when streaming a staging table. */
    private static final int FETCH_ROWS = 2000;

    private static final int UPDATE_BATCH_ROWS = 1000;

    private static final String COLUMNS = """
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = 'import_staging' AND table_name = :table
            ORDER BY ordinal_position
            """;
    private static final String STALE_TABLES = """
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'import_staging'
            """;

    /**
     * Each row with its bounds, validity ({@code ST_IsValidDetail}, which unlike {@code ST_IsValid}
     * sends no NOTICE per bad row) and its geometry, repaired with {@code ST_MakeValid} when asked.
     */
    private static final String CHECKED_ROWS = """
            SELECT s.stage_row,
                   ST_XMin(s.geom) AS min_lon, ST_YMin(s.geom) AS min_lat,
                   ST_XMax(s.geom) AS max_lon, ST_YMax(s.geom) AS max_lat,
                   s.geom IS NULL OR ST_IsEmpty(s.geom) AS empty,
                   d.valid,
                   d.reason || COALESCE(' at ' || ST_AsText(d.location), '') AS invalid_reason,
                   ST_AsBinary(CASE WHEN :repair AND NOT d.valid THEN ST_MakeValid(s.geom) ELSE s.geom END) AS wkb
                   /*columns*/
            FROM import_staging./*table*/ s
            LEFT JOIN LATERAL ST_IsValidDetail(s.geom) d ON true
            ORDER BY s.stage_row
            """;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate transaction;

    StagingArea(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_ROWS);
        this.streaming = JdbcClient.create(fetching);
        this.batch = new NamedParameterJdbcTemplate(fetching);
        this.transaction = transaction;
    }

    /** A fresh table name; the table itself is created by {@code ogr2ogr}. */
    String newTable() {
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "stage_" + stamp + "_" + HexFormat.of().formatHex(random);
    }

    void drop(String table) {
        jdbc.sql("DROP TABLE IF EXISTS import_staging." + checked(table)).update();
    }

    /** Drops staging tables older than {@code age}: left behind by an import whose process died. */
    int sweep(Duration age) {
        LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(age);
        int dropped = 0;
        for (String table : jdbc.sql(STALE_TABLES).query(String.class).list()) {
            Matcher m = TABLE_NAME.matcher(table);
            if (m.matches() && LocalDateTime.parse(m.group(1), STAMP).isBefore(cutoff)) {
                drop(table);
                dropped++;
            }
        }
        return dropped;
    }

    /** Attribute columns as the file names them (not {@code stage_row}, not {@code geom}). */
    List<String> attributeColumns(String table) {
        List<String> columns = new ArrayList<>(jdbc.sql(COLUMNS)
                .param("table", checked(table))
                .query(String.class)
                .list());
        columns.removeAll(List.of("stage_row", "geom"));
        return columns;
    }

    boolean hasGeometryColumn(String table) {
        return jdbc.sql(COLUMNS)
                .param("table", checked(table))
                .query(String.class)
                .list()
                .contains("geom");
    }

    long rowCount(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM import_staging." + checked(table))
                .query(Long.class)
                .single();
    }

    /** Arcs (File Geodatabase curves) become line segments: everything downstream is linear. */
    void linearizeCurves(String table) {
        jdbc.sql("UPDATE import_staging." + checked(table) + " SET geom = ST_CurveToLine(geom) WHERE ST_HasArc(geom)")
                .update();
    }

    /**
     * Rewrites every geometry from a Chinese web map's coordinates to WGS 84, vertex by vertex with
     * {@link ChineseCoordinateTransform}, in one transaction.
     */
    void convertToWgs84(String table, ChineseCoordinateSystem from, long rows, ProgressListener progress) {
        String stage = "converting " + from + " to WGS 84";
        String select = "SELECT stage_row, ST_AsBinary(geom) AS wkb FROM import_staging." + checked(table)
                + " WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)";
        String update = "UPDATE import_staging." + checked(table)
                + " SET geom = ST_SetSRID(ST_GeomFromWKB(:wkb), 4326) WHERE stage_row = :row";
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), Srid.WGS84);
        transaction.executeWithoutResult(status -> {
            List<SqlParameterSource> pending = new ArrayList<>();
            long[] done = {0};
            streaming.sql(select).query((ResultSet rs) -> {
                Geometry converted =
                        ChineseCoordinateTransform.toWgs84(read(factory, rs.getBytes("wkb"), rs.getLong(1)), from);
                pending.add(new MapSqlParameterSource("row", rs.getLong("stage_row"))
                        .addValue("wkb", new WKBWriter(2).write(converted)));
                if (pending.size() == UPDATE_BATCH_ROWS) {
                    batch.batchUpdate(update, pending.toArray(SqlParameterSource[]::new));
                    pending.clear();
                }
                progress.progress(stage, Math.min(++done[0], rows), rows);
            });
            if (!pending.isEmpty()) {
                batch.batchUpdate(update, pending.toArray(SqlParameterSource[]::new));
            }
        });
        progress.progress(stage, rows, rows);
    }

    /** Streams the staged rows in order, with the given columns read as the given fields. */
    void readChecked(String table, Map<ImportField, String> columns, boolean repair, Consumer<StagedRow> each) {
        if (!attributeColumns(table).containsAll(columns.values())) {
            throw new IllegalArgumentException("Columns " + columns.values() + " are not all in " + table);
        }
        StringBuilder select = new StringBuilder();
        List<ImportField> fields = new ArrayList<>(columns.keySet());
        for (int i = 0; i < fields.size(); i++) {
            select.append(", s.")
                    .append(quote(columns.get(fields.get(i))))
                    .append(" AS f")
                    .append(i);
        }
        String sql = CHECKED_ROWS.replace("/*columns*/", select).replace("/*table*/", checked(table));
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), Srid.WGS84);
        transaction.executeWithoutResult(status -> streaming
                .sql(sql)
                .param("repair", repair)
                .query((ResultSet rs) -> each.accept(stagedRow(rs, fields, factory))));
    }

    private static StagedRow stagedRow(ResultSet rs, List<ImportField> fields, GeometryFactory factory)
            throws SQLException {
        long row = rs.getLong("stage_row");
        Map<ImportField, String> values = new EnumMap<>(ImportField.class);
        for (int i = 0; i < fields.size(); i++) {
            values.put(fields.get(i), rs.getString("f" + i));
        }
        if (rs.getBoolean("empty")) {
            return new StagedRow(row, null, null, null, values);
        }
        Envelope bounds = new Envelope(
                rs.getDouble("min_lon"), rs.getDouble("max_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lat"));
        byte[] wkb = rs.getBytes("wkb");
        Geometry geometry = wkb == null ? null : read(factory, wkb, row);
        String invalid = rs.getBoolean("valid") ? null : rs.getString("invalid_reason");
        return new StagedRow(row, geometry, bounds, invalid, values);
    }

    private static Geometry read(GeometryFactory factory, byte[] wkb, long row) {
        try {
            return new WKBReader(factory).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("Staged row " + row + " has unreadable WKB: " + e.getMessage(), e);
        }
    }

    private static String checked(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a staging table name: " + table);
        }
        return table;
    }

    /** A column name from the staging table's catalogue entry as a quoted SQL identifier. */
    private static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
