package org.lifecircle.web.fuzz;

import org.springframework.jdbc.core.DataClassRowMapper;
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
            SELECT (SELECT COUNT(*) FROM analysis_run) AS runs,
                   (SELECT md5(string_agg(id || ':' || status || ':' || name, ',' ORDER BY id)) FROM boundary_plan) AS plans,
                   (SELECT COUNT(*) FROM plan_community) AS plan_communities,
                   (SELECT md5(string_agg(cell_id || ':' || community_key, ',' ORDER BY cell_id))
                      FROM plan_cell WHERE plan_id = ?) AS edited_plan_cells,
                   (SELECT COUNT(*) FROM plan_edit) AS plan_edits,
                   (SELECT md5(string_agg(concat_ws(':', username, role, enabled, password_hash, updated_at), ','
                                          ORDER BY username))
                      FROM app_account) AS accounts,
                   (SELECT COUNT(*) FROM audit_event) AS audit_events
            """;

    static ApiState of(JdbcTemplate jdbc, long editedPlan) {
        return jdbc.queryForObject(STATE, new DataClassRowMapper<>(ApiState.class), editedPlan);
    }
}
