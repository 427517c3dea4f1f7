package org.lifecircle.web.plan;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.lifecircle.web.common.GeoJsonSql;
import org.lifecircle.web.store.CopyIntoTransaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans, their communities, cells and edit journal in PostGIS. */
@Repository
class PlanStore {
    /** A plan's row. */
    record PlanRow(
            long id,
            String name,
            String origin,
            Long runId,
            Long datasetLoadId,
            Long parentCommunityId,
            int min,
            int target,
            int max,
            String status,
            String summary) {}

    /** A community of a plan. */
    record PlanCommunity(int key, Long continuesCommunityId, String code, String name) {}

    /** A cell of a plan: where it started, where it is, and its community of today. */
    record PlanCell(long cellId, int initialKey, int key, Long todayCommunityId) {}

    /**
     * A cell the plan assigns away from its community of today.
     *
     * @param households the cell's households, null when the data no longer has the cell
     * @param rejectable whether the plan still has the community of today to send it back to
     */
    record Move(long cellId, long fromCommunityId, int toKey, Integer households, boolean rejectable) {}

    /** A cell of a plan with its community in the plan now. */
    record CellInPlan(
            long cellId,
            int key,
            String code,
            String name,
            Integer households,
            Integer population,
            Long todayCommunityId,
            boolean moved) {}

    private static final String PLANS = """
            SELECT id, name, origin, run_id, dataset_load_id, parent_community_id, min_households,
                   target_households, max_households, status, summary::text AS summary
            FROM boundary_plan""";
    private static final String CELLS =
            "SELECT cell_id, initial_key, community_key, today_community_id FROM plan_cell WHERE plan_id = :id";
    /**
     * A plan's cells with their community now and their population: moved when it is not the
     * community of today they were in (a cell that was outside every community never moves).
     */
    private static final String CELLS_IN_PLAN = """
            FROM plan_cell c
            JOIN plan_community pc ON pc.plan_id = c.plan_id AND pc.key = c.community_key
            LEFT JOIN population_cell p ON p.id = c.cell_id
            WHERE c.plan_id = :id""";

    private static final String MOVED =
            " c.today_community_id IS NOT NULL AND pc.continues_community_id IS DISTINCT FROM c.today_community_id";
    private static final String CELLS_IN_BBOX = """
            FROM plan_cell c
            JOIN population_cell p ON p.id = c.cell_id
            JOIN plan_community pc ON pc.plan_id = c.plan_id AND pc.key = c.community_key
            WHERE c.plan_id = :id AND""" + BboxSql.GEOM_IN_BBOX;
    private static final String CELLS_GEOJSON =
            GeoJsonSql.featureCollection("c.cell_id", "p.geom", """
            json_build_object('id', c.cell_id, 'key', c.community_key, 'households', p.households,
                              'population', p.population, 'today_community_id', c.today_community_id,
                              'moved', (""" + MOVED + "))", CELLS_IN_BBOX, "c.cell_id");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CopyIntoTransaction copy;

    PlanStore(JdbcClient jdbc, JdbcTemplate template, CopyIntoTransaction copy) {
        this.jdbc = jdbc;
        this.template = template;
        this.copy = copy;
    }

    long insertPlan(
            String name,
            String origin,
            Long runId,
            long datasetLoadId,
            Long parentCommunityId,
            int min,
            int target,
            int max,
            String summaryJson) {
        return jdbc.sql("""
                        INSERT INTO boundary_plan (name, origin, run_id, dataset_load_id, parent_community_id,
                                                   min_households, target_households, max_households, summary)
                        VALUES (:name, :origin, :run, :load, :parent, :min, :target, :max, CAST(:summary AS jsonb))
                        RETURNING id""")
                .param("name", name)
                .param("origin", origin)
                .param("run", runId)
                .param("load", datasetLoadId)
                .param("parent", parentCommunityId)
                .param("min", min)
                .param("target", target)
                .param("max", max)
                .param("summary", summaryJson)
                .query(Long.class)
                .single();
    }

    void insertCommunities(long planId, List<PlanCommunity> communities) {
        List<Object[]> rows = new ArrayList<>();
        for (PlanCommunity c : communities) {
            rows.add(new Object[] {planId, c.key(), c.continuesCommunityId(), c.code(), c.name()});
        }
        template.batchUpdate(
                "INSERT INTO plan_community (plan_id, key, continues_community_id, code, name) VALUES (?, ?, ?, ?, ?)",
                rows);
    }

    void insertCells(long planId, List<PlanCell> cells) {
        copy.copy("plan_cell", "plan_id, cell_id, initial_key, community_key, today_community_id", writer -> {
            for (PlanCell cell : cells) {
                writer.number(planId)
                        .number(cell.cellId())
                        .number(cell.initialKey())
                        .number(cell.key())
                        .number(cell.todayCommunityId())
                        .endRow();
            }
        });
    }

    /** The newest plans first. */
    List<PlanRow> recent(int limit) {
        return jdbc.sql(PLANS + " ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query(PlanStore::planRow)
                .list();
    }

    Optional<PlanRow> plan(long id) {
        return jdbc.sql(PLANS + " WHERE id = :id")
                .param("id", id)
                .query(PlanStore::planRow)
                .optional();
    }

    List<PlanCommunity> communities(long planId) {
        return jdbc.sql(
                        "SELECT key, continues_community_id, code, name FROM plan_community WHERE plan_id = :id ORDER BY key")
                .param("id", planId)
                .query((rs, i) -> new PlanCommunity(
                        rs.getInt("key"),
                        rs.getObject("continues_community_id", Long.class),
                        rs.getString("code"),
                        rs.getString("name")))
                .list();
    }

    List<PlanCell> cells(long planId) {
        return jdbc.sql(CELLS + " ORDER BY cell_id")
                .param("id", planId)
                .query(PlanStore::planCell)
                .list();
    }

    Optional<PlanCell> cell(long planId, long cellId) {
        return jdbc.sql(CELLS + " AND cell_id = :cell")
                .param("id", planId)
                .param("cell", cellId)
                .query(PlanStore::planCell)
                .optional();
    }

    /** Cells assigned away from their community of today, by cell id. */
    List<Move> moves(long planId) {
        return jdbc.sql("""
                        SELECT c.cell_id, c.today_community_id, c.community_key, p.households,
                               EXISTS (SELECT 1 FROM plan_community k WHERE k.plan_id = c.plan_id
                                       AND k.continues_community_id = c.today_community_id) AS rejectable
                        """ + CELLS_IN_PLAN + " AND" + MOVED + " ORDER BY c.cell_id")
                .param("id", planId)
                .query((rs, i) -> new Move(
                        rs.getLong("cell_id"),
                        rs.getLong("today_community_id"),
                        rs.getInt("community_key"),
                        rs.getObject("households", Integer.class),
                        rs.getBoolean("rejectable")))
                .list();
    }

    /** One cell of the plan with its community now. */
    Optional<CellInPlan> cellInPlan(long planId, long cellId) {
        return jdbc.sql("""
                        SELECT c.cell_id, c.community_key, pc.code, pc.name, p.households, p.population,
                               c.today_community_id, (""" + MOVED + ") AS moved " + CELLS_IN_PLAN + " AND c.cell_id = :cell")
                .param("id", planId)
                .param("cell", cellId)
                .query((rs, i) -> new CellInPlan(
                        rs.getLong("cell_id"),
                        rs.getInt("community_key"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getObject("households", Integer.class),
                        rs.getObject("population", Integer.class),
                        rs.getObject("today_community_id", Long.class),
                        rs.getBoolean("moved")))
                .optional();
    }

    long countCellsIn(long planId, Bbox bbox) {
        return BboxSql.bind(jdbc.sql("SELECT COUNT(*) " + CELLS_IN_BBOX), bbox)
                .param("id", planId)
                .query(Long.class)
                .single();
    }

    /** The plan's cells in a bbox as GeoJSON: id, key (community now), households, population, moved. */
    String cellsGeoJson(long planId, Bbox bbox) {
        return BboxSql.bind(jdbc.sql(CELLS_GEOJSON), bbox)
                .param("id", planId)
                .query(String.class)
                .single();
    }

    /**
     * Gives a community a new code and name in the caller's transaction: the rename is appended to
     * the journal with what it replaces, then the community row holds the new ones.
     */
    void rename(long planId, PlanCommunity former, PlanCommunity renamed) {
        jdbc.sql("""
                        INSERT INTO plan_community_rename (plan_id, seq, key, former_code, former_name, code, name)
                        SELECT :id, COALESCE(MAX(seq), 0) + 1, :key, :formerCode, :formerName, :code, :name
                        FROM plan_community_rename WHERE plan_id = :id""")
                .param("id", planId)
                .param("key", renamed.key())
                .param("formerCode", former.code())
                .param("formerName", former.name())
                .param("code", renamed.code())
                .param("name", renamed.name())
                .update();
        jdbc.sql("UPDATE plan_community SET code = :code, name = :name WHERE plan_id = :id AND key = :key")
                .param("id", planId)
                .param("key", renamed.key())
                .param("code", renamed.code())
                .param("name", renamed.name())
                .update();
    }

    private static PlanRow planRow(ResultSet rs, int row) throws SQLException {
        return new PlanRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("origin"),
                rs.getObject("run_id", Long.class),
                rs.getObject("dataset_load_id", Long.class),
                rs.getObject("parent_community_id", Long.class),
                rs.getInt("min_households"),
                rs.getInt("target_households"),
                rs.getInt("max_households"),
                rs.getString("status"),
                rs.getString("summary"));
    }

    private static PlanCell planCell(ResultSet rs, int row) throws SQLException {
        return new PlanCell(
                rs.getLong("cell_id"),
                rs.getInt("initial_key"),
                rs.getInt("community_key"),
                rs.getObject("today_community_id", Long.class));
    }

    /** Appends an edit to the journal and moves the cells; one transaction with the caller's. */
    void recordEdit(long planId, String kind, long[] cellIds, int[] toKeys) {
        template.update(con -> {
            var statement = con.prepareStatement("""
                    INSERT INTO plan_edit (plan_id, seq, kind, cell_ids, to_keys)
                    SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM plan_edit WHERE plan_id = ?""");
            Long[] ids = new Long[cellIds.length];
            Integer[] keys = new Integer[toKeys.length];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = cellIds[k];
                keys[k] = toKeys[k];
            }
            Array idArray = con.createArrayOf("bigint", ids);
            Array keyArray = con.createArrayOf("integer", keys);
            statement.setLong(1, planId);
            statement.setString(2, kind);
            statement.setArray(3, idArray);
            statement.setArray(4, keyArray);
            statement.setLong(5, planId);
            return statement;
        });
        List<Object[]> moves = new ArrayList<>(cellIds.length);
        for (int k = 0; k < cellIds.length; k++) {
            moves.add(new Object[] {toKeys[k], planId, cellIds[k]});
        }
        template.batchUpdate("UPDATE plan_cell SET community_key = ? WHERE plan_id = ? AND cell_id = ?", moves);
    }

    /** Id of the latest dataset load: a plan's session lives as long as this does not change. */
    long latestLoadId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM dataset_load")
                .query(Long.class)
                .single();
    }

    int editCount(long planId) {
        return jdbc.sql("SELECT COUNT(*) FROM plan_edit WHERE plan_id = :id")
                .param("id", planId)
                .query(Integer.class)
                .single();
    }

    /** Per plan community: the union of its cells as GeoJSON features with the given properties. */
    String communitiesGeoJson(long planId) {
        return jdbc.sql("""
                        SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(
                            json_build_object('type', 'Feature', 'id', x.key,
                                'geometry', ST_AsGeoJSON(x.geom, 7)::json,
                                'properties', json_build_object('key', x.key, 'code', x.code, 'name', x.name,
                                    'continues_community_id', x.continues_community_id,
                                    'households', x.households, 'cells', x.cells)) ORDER BY x.key), '[]'::json))::text
                        FROM (
                            SELECT pc.key, pc.code, pc.name, pc.continues_community_id,
                                   SUM(p.households) AS households, COUNT(*) AS cells,
                                   ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(p.geom)), 3)) AS geom
                            FROM plan_cell c
                            JOIN population_cell p ON p.id = c.cell_id
                            JOIN plan_community pc ON pc.plan_id = c.plan_id AND pc.key = c.community_key
                            WHERE c.plan_id = :id
                            GROUP BY pc.key, pc.code, pc.name, pc.continues_community_id) x""").param("id", planId).query(String.class).single();
    }

    /**
     * Adopts a plan in the caller's transaction: every community of today whose cells changed is
     * closed at the same instant its new version (or a new community) begins; unchanged ones are
     * left alone. Boundaries are the union of each community's cells.
     *
     * @return communities closed and versions inserted
     */
    int[] adopt(long planId) {
        int closed = jdbc.sql("""
                        WITH now_cells AS (
                            SELECT c.community_key, c.cell_id, c.today_community_id FROM plan_cell c WHERE c.plan_id = :id),
                        changed_today AS (
                            -- today's communities that lose a cell or whose continuation gains one
                            SELECT DISTINCT n.today_community_id AS id FROM now_cells n
                            JOIN plan_community pc ON pc.plan_id = :id AND pc.key = n.community_key
                            WHERE n.today_community_id IS NOT NULL
                              AND pc.continues_community_id IS DISTINCT FROM n.today_community_id
                            UNION
                            SELECT pc.continues_community_id FROM now_cells n
                            JOIN plan_community pc ON pc.plan_id = :id AND pc.key = n.community_key
                            WHERE pc.continues_community_id IS NOT NULL
                              AND n.today_community_id IS DISTINCT FROM pc.continues_community_id)
                        UPDATE community SET valid_to = now()
                        WHERE id IN (SELECT id FROM changed_today WHERE id IS NOT NULL) AND valid_to IS NULL""").param("id", planId).update();
        int inserted = jdbc.sql("""
                        INSERT INTO community (code, name, subdistrict_code, subdistrict_name, urban, office_area_m2,
                                               service_area_m2, staff_count, geom, valid_from, load_id)
                        SELECT pc.code, pc.name, old.subdistrict_code,
                               COALESCE(old.subdistrict_name, sub.subdistrict_name, '未定'),
                               COALESCE(old.urban, true), old.office_area_m2, old.service_area_m2, old.staff_count,
                               ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(p.geom)), 3)), now(),
                               old.load_id
                        FROM plan_community pc
                        JOIN plan_cell c ON c.plan_id = pc.plan_id AND c.community_key = pc.key
                        JOIN population_cell p ON p.id = c.cell_id
                        LEFT JOIN community old ON old.id = pc.continues_community_id
                        LEFT JOIN LATERAL (
                            SELECT t.subdistrict_name FROM plan_cell c2 JOIN community t ON t.id = c2.today_community_id
                            WHERE c2.plan_id = pc.plan_id AND c2.community_key = pc.key
                            GROUP BY t.subdistrict_name ORDER BY COUNT(*) DESC, t.subdistrict_name LIMIT 1) sub ON true
                        WHERE pc.plan_id = :id
                          AND (pc.continues_community_id IS NULL
                               OR EXISTS (SELECT 1 FROM community x WHERE x.id = pc.continues_community_id
                                          AND x.valid_to = now()))
                        GROUP BY pc.key, pc.code, pc.name, old.id, old.subdistrict_code, old.subdistrict_name,
                                 old.urban, old.office_area_m2, old.service_area_m2, old.staff_count, old.load_id,
                                 sub.subdistrict_name""").param("id", planId).update();
        jdbc.sql("UPDATE boundary_plan SET status = 'adopted', adopted_at = now() WHERE id = :id")
                .param("id", planId)
                .update();
        return new int[] {closed, inserted};
    }
}
