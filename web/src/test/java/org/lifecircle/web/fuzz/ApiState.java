package org.lifecircle.web.fuzz;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the mutating JSON endpoints can change, read in one query: a request the API refuses (4xx)
 * must leave it equal. Row counts for the tables that only grow; checksums of the rows a refused
 * edit could half-change (the edited plan's cell assignments, the accounts).
 */
record ApiState(
        long runs,
        String plans,
        long planCommunities,
        String editedPlanCells,
        long planEdits,
        String accounts,
        long auditEvents) {

    private static final String STATE = """
            SELECT (SELECT COUNT(*) FROM analysis_run),
                   (SELECT md5(string_agg(id || ':' || status || ':' || name, ',' ORDER BY id)) FROM boundary_plan),
                   (SELECT COUNT(*) FROM plan_community),
                   (SELECT md5(string_agg(cell_id || ':' || community_key, ',' ORDER BY cell_id))
                      FROM plan_cell WHERE plan_id = ?),
                   (SELECT COUNT(*) FROM plan_edit),
                   (SELECT md5(string_agg(concat_ws(':', username, role, enabled, password_hash, updated_at), ','
                                          ORDER BY username))
                      FROM app_account),
                   (SELECT COUNT(*) FROM audit_event)
            """;

    static ApiState of(JdbcTemplate jdbc, long editedPlan) {
        return jdbc.queryForObject(
                STATE,
                (rs, n) -> new ApiState(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getLong(7)),
                editedPlan);
    }
}
