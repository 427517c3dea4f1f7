package org.lifecircle.web.run;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class RunRepository {
    private static final String SELECT = """
            SELECT id, kind, status, progress_percent, parameters::text AS parameters, created_at, started_at,
                   finished_at, timings_ms::text AS timings, summary::text AS summary, error, dataset_load_id
            FROM analysis_run
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long create(String kind, JsonNode parameters) {
        return jdbc.sql(
                        "INSERT INTO analysis_run (kind, parameters) VALUES (:kind, CAST(:parameters AS jsonb)) RETURNING id")
                .param("kind", kind)
                .param("parameters", parameters.toString())
                .query(Long.class)
                .single();
    }

    /**
     * Marks a queued run running; false when it is no longer queued (cancelled between the
     * executor's check and this update), so the cancellation stands.
     */
    boolean markRunning(long id) {
        int updated = jdbc.sql("""
                        UPDATE analysis_run SET status = 'running', started_at = now()
                        WHERE id = :id AND status = 'queued'
                        """).param("id", id).update();
        return updated == 1;
    }

    void recordDatasetLoad(long id, long datasetLoadId) {
        jdbc.sql("UPDATE analysis_run SET dataset_load_id = :load WHERE id = :id")
                .param("id", id)
                .param("load", datasetLoadId)
                .update();
    }

    void progress(long id, double percent) {
        jdbc.sql("UPDATE analysis_run SET progress_percent = :p WHERE id = :id AND status = 'running'")
                .param("id", id)
                .param("p", Math.max(0, Math.min(100, percent)))
                .update();
    }

    void succeed(long id, String timingsJson, String summaryJson) {
        jdbc.sql("""
                        UPDATE analysis_run SET status = 'succeeded', progress_percent = 100, finished_at = now(),
                               timings_ms = CAST(:timings AS jsonb), summary = CAST(:summary AS jsonb)
                        WHERE id = :id AND status = 'running'
                        """)
                .param("id", id)
                .param("timings", timingsJson)
                .param("summary", summaryJson)
                .update();
    }

    void fail(long id, String error, String timingsJson) {
        jdbc.sql("""
                        UPDATE analysis_run SET status = 'failed', finished_at = now(), error = :error,
                               timings_ms = CAST(:timings AS jsonb)
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("error", error)
                .param("timings", timingsJson)
                .update();
    }

    /** Marks a queued or running run cancelled; false when it had already finished. */
    boolean cancel(long id, String reason, String timingsJson) {
        return jdbc.sql("""
                        UPDATE analysis_run SET status = 'cancelled', finished_at = now(), error = :reason,
                               timings_ms = CAST(:timings AS jsonb)
                        WHERE id = :id AND status IN ('queued', 'running')
                        """)
                        .param("id", id)
                        .param("reason", reason)
                        .param("timings", timingsJson)
                        .update()
                == 1;
    }

    /** Runs a stopped service left queued or running can never finish: say so. */
    int failInterrupted() {
        return jdbc.sql("""
                        UPDATE analysis_run SET status = 'failed', finished_at = now(),
                               error = 'Interrupted: the service stopped before the run finished; start it again'
                        WHERE status IN ('queued', 'running')
                        """).update();
    }

    Optional<RunView> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(this::view)
                .optional();
    }

    /** The newest runs, optionally of one kind and one status. */
    java.util.List<RunView> recent(String kind, String status, int limit) {
        return jdbc.sql(SELECT
                        + " WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)"
                        + " AND (CAST(:status AS text) IS NULL OR status = :status) ORDER BY id DESC LIMIT :limit")
                .param("kind", kind)
                .param("status", status)
                .param("limit", limit)
                .query(this::view)
                .list();
    }

    private RunView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RunView(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getDouble("progress_percent"),
                json.readTree(rs.getString("parameters")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class),
                json.readTree(rs.getString("timings")),
                json.readTree(rs.getString("summary")),
                rs.getString("error"),
                rs.getObject("dataset_load_id", Long.class));
    }
}
