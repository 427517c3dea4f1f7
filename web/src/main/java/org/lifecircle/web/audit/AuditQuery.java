package org.lifecircle.web.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit log, newest first, filtered by actor, action prefix and time. */
@Repository
class AuditQuery {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditQuery(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param actor exact account, or null for all
     * @param actionPrefix e.g. {@code plan} or {@code plan.adopted}, or null for all
     * @param from inclusive start, or null
     * @param to exclusive end, or null
     */
    List<AuditEvent> find(String actor, String actionPrefix, OffsetDateTime from, OffsetDateTime to, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, at, actor, action, target, detail::text AS detail, remote_addr FROM audit_event WHERE true");
        List<Object> arguments = new ArrayList<>();
        if (actor != null) {
            sql.append(" AND actor = ?");
            arguments.add(actor);
        }
        if (actionPrefix != null) {
            sql.append(" AND (action = ? OR starts_with(action, ?))");
            arguments.add(actionPrefix);
            arguments.add(actionPrefix + ".");
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            arguments.add(from);
        }
        if (to != null) {
            sql.append(" AND at < ?");
            arguments.add(to);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        arguments.add(limit);
        return jdbc.query(
                sql.toString(),
                (rs, row) -> new AuditEvent(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target"),
                        json.readTree(rs.getString("detail")),
                        rs.getString("remote_addr")),
                arguments.toArray());
    }
}
