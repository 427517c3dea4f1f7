package org.lifecircle.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.DatasetSink;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * One all-or-nothing load into PostGIS, fed as a {@link DatasetSink}. Rows stream in with {@code
 * COPY}; the schema's constraints check them; {@link #commit} makes them visible, {@link #close}
 * without commit rolls everything back. A replacing load replaces exactly the tables it writes (an
 * OSM import replaces the network and keeps the communities). Not thread-safe.
 */
public final class PostgisDatasetLoad implements DatasetSink, AutoCloseable {
    /** Serialises loads: two loads at once would interleave their replace and insert. */
    private static final long LOAD_LOCK_KEY = 0x6c69666563697263L;

    private final Connection connection;
    private final boolean replace;
    private final CopyManager copyManager;
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();
    private long loadId = -1;
    private boolean committed;

    PostgisDatasetLoad(Connection connection, boolean replace) throws SQLException {
        this.connection = connection;
        this.replace = replace;
        connection.setAutoCommit(false);
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void begin(DatasetInfo info) {
        run("begin the load", () -> {
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + LOAD_LOCK_KEY + ")");
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO dataset_load (name, source, description) VALUES (?, ?, ?) RETURNING id")) {
                ps.setString(1, info.name());
                ps.setString(2, info.source());
                ps.setString(3, info.description());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    loadId = rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void communities(Iterable<Community> rows) {
        copy(
                "community",
                "code, name, subdistrict_code, subdistrict_name, urban, office_area_m2, service_area_m2,"
                        + " staff_count, geom, load_id",
                rows,
                (w, c) -> w.text(c.code())
                        .text(c.name())
                        .text(c.subdistrictCode())
                        .text(c.subdistrictName())
                        .bool(c.urban())
                        .number(c.officeAreaSquareMeters())
                        .number(c.serviceAreaSquareMeters())
                        .number(c.staffCount())
                        .geometry(c.boundary())
                        .number(loadId));
    }

    @Override
    public void facilities(Iterable<Facility> rows) {
        copy(
                "facility",
                "type_code, name, floor_area_m2, capacity, source, geom, load_id",
                rows,
                (w, f) -> w.text(f.typeCode())
                        .text(f.name())
                        .number(f.floorAreaSquareMeters())
                        .number(f.capacity())
                        .text(f.source())
                        .geometry(f.location())
                        .number(loadId));
    }

    @Override
    public void populationCells(Iterable<PopulationCell> rows) {
        copy(
                "population_cell",
                "population, households, elderly, children, source, geom, load_id",
                rows,
                (w, p) -> w.number(p.population())
                        .number(p.households())
                        .number(p.elderly())
                        .number(p.children())
                        .text(p.source())
                        .geometry(p.cell())
                        .number(loadId));
    }

    @Override
    public void roadEdges(Iterable<RoadEdge> rows) {
        copy(
                "road_edge",
                "source, target, length_m, road_class, arterial, bridge, rail_crossing, geom, load_id",
                rows,
                (w, e) -> w.number(e.sourceNode())
                        .number(e.targetNode())
                        .number(e.lengthMeters())
                        .text(e.roadClass())
                        .bool(e.arterial())
                        .bool(e.bridge())
                        .bool(e.railCrossing())
                        .geometry(e.geometry())
                        .number(loadId));
    }

    @Override
    public void barriers(Iterable<Barrier> rows) {
        copy(
                "barrier",
                "kind, name, geom, load_id",
                rows,
                (w, b) -> w.text(b.kind().code())
                        .text(b.name())
                        .geometry(b.geometry())
                        .number(loadId));
    }

    @Override
    public void commit() {
        run("commit the load", () -> {
            try (PreparedStatement ps =
                    connection.prepareStatement("UPDATE dataset_load SET row_counts = ?::jsonb WHERE id = ?")) {
                ps.setString(1, rowCountsJson());
                ps.setLong(2, loadId);
                ps.executeUpdate();
            }
            connection.commit();
            committed = true;
            // Fresh statistics so the first queries plan with the real row counts.
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.execute("ANALYZE community, facility, population_cell, road_edge, barrier");
            }
        });
    }

    /** Rows written per table so far. */
    public Map<String, Long> rowCounts() {
        return Map.copyOf(rowCounts);
    }

    @Override
    public void close() {
        try {
            if (!committed && !connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The connection is going away; nothing was committed, so nothing is lost.
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
        }
    }

    private <T> void copy(String table, String columns, Iterable<T> rows, RowWriter<T> rowWriter) {
        if (loadId < 0) {
            throw new IllegalStateException("begin() must come first");
        }
        run("load " + table, () -> {
            if (replace) {
                clear(table);
            }
            try (CopyWriter writer = new CopyWriter(copyManager, table, columns)) {
                for (T row : rows) {
                    rowWriter.write(writer, row);
                    writer.endRow();
                }
                rowCounts.merge(table, writer.finish(), Long::sum);
            }
        });
    }

    /**
     * Makes room for the new rows of one table. Communities are history: today's versions are
     * closed, not deleted. Tables the producer does not write keep their rows.
     */
    private void clear(String table) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (table.equals("community")) {
                st.execute("UPDATE community SET valid_to = now() WHERE valid_to IS NULL");
            } else {
                st.execute("TRUNCATE " + table);
            }
        }
    }

    private String rowCountsJson() {
        StringBuilder json = new StringBuilder("{");
        rowCounts.forEach((table, count) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(table).append("\":").append(count);
        });
        return json.append('}').toString();
    }

    private void run(String what, SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new DatasetLoadException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface RowWriter<T> {
        void write(CopyWriter writer, T row) throws SQLException;
    }
}
