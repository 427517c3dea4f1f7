package org.lifecircle.web.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.coverage.CommunityCoverage;
import org.lifecircle.core.coverage.GapArea;
import org.lifecircle.core.coverage.TypeCoverage;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.lifecircle.web.common.GeoJsonSql;
import org.lifecircle.web.store.CopyIntoTransaction;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Coverage results in and out: cells, communities, gaps and standards checks of a run. */
@Repository
class CoverageStore {
    private static final String INSERT_GAP = """
            INSERT INTO coverage_gap (run_id, type_code, rank, households, cells, area_m2, nearest_distance_m,
                                      nearest_facility_id, geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromWKB(?, 4326)), 3)))
            """;

    private static final String CELLS_GEOJSON =
            GeoJsonSql.featureCollection("r.cell_id", "r.geom", """
            json_build_object(
                'type', v.type_code,
                'community_id', r.community_id,
                'households', r.households,
                'population', r.population,
                'distance_m', round(v.distance_m::numeric, 1),
                'walk_minutes', round((v.distance_m / 60
                    / (a.parameters ->> 'speedMetersPerSecond')::double precision)::numeric, 1),
                'nearest_facility_id', v.nearest_facility_id,
                'covered', v.covered)""", """
            FROM coverage_cell v JOIN result_cell r ON r.run_id = v.run_id AND r.cell_id = v.cell_id
            JOIN analysis_run a ON a.id = v.run_id
            WHERE v.run_id = :run AND v.type_code = :type
              AND (CAST(:covered AS boolean) IS NULL OR v.covered = :covered)
              AND """ + BboxSql.optionalIn("r.geom"), "r.cell_id");

    private static final String GAPS_GEOJSON = GeoJsonSql.featureCollection(
            "g.type_code || '-' || g.rank", "g.geom", """
            json_build_object(
                'type', g.type_code,
                'type_name_zh', t.name_zh,
                'type_name_en', t.name_en,
                'rank', g.rank,
                'households', g.households,
                'cells', g.cells,
                'area_m2', round(g.area_m2::numeric, 1),
                'nearest_distance_m', round(g.nearest_distance_m::numeric, 1),
                'nearest_walk_minutes', round((g.nearest_distance_m / 60
                    / (a.parameters ->> 'speedMetersPerSecond')::double precision)::numeric, 1),
                'nearest_facility_id', g.nearest_facility_id)""", """
            FROM coverage_gap g JOIN facility_type t ON t.code = g.type_code
            JOIN analysis_run a ON a.id = g.run_id
            WHERE g.run_id = :run AND (CAST(:type AS text) IS NULL OR g.type_code = :type)
              AND """ + BboxSql.optionalIn("g.geom"), "g.type_code, g.rank");

    private static final String COMMUNITY_ROWS = """
            SELECT v.community_id, c.code, c.name, c.subdistrict_name, v.type_code, t.name_zh, t.name_en,
                   v.threshold_m, v.cells, v.covered_cells, v.households, v.covered_households, v.covered_percent
            FROM coverage_community v
            JOIN community c ON c.id = v.community_id
            JOIN facility_type t ON t.code = v.type_code
            WHERE v.run_id = :run AND (CAST(:type AS text) IS NULL OR v.type_code = :type)
            ORDER BY c.code, c.id, v.type_code
            """;

    private static final String CHECK_ROWS = """
            SELECT s.community_id, s.rule_id, s.subject, s.value, s.low, s.high, s.unit, s.outcome, s.meaning,
                   s.source
            FROM standards_check s
            WHERE s.run_id = :run AND (CAST(:community AS bigint) IS NULL OR s.community_id = :community)
            ORDER BY s.community_id, s.position
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CopyIntoTransaction copy;

    CoverageStore(JdbcClient jdbc, JdbcTemplate template, CopyIntoTransaction copy) {
        this.jdbc = jdbc;
        this.template = template;
        this.copy = copy;
    }

    void insertCells(long runId, AnalysisInputs inputs, Map<String, TypeCoverage> coverageByType) {
        copy.copy("coverage_cell", "run_id, type_code, cell_id, distance_m, nearest_facility_id, covered", writer -> {
            for (var entry : coverageByType.entrySet()) {
                String type = entry.getKey();
                TypeCoverage coverage = entry.getValue();
                for (int i = 0; i < coverage.cellCount(); i++) {
                    double distance = coverage.distanceMeters(i);
                    writer.number(runId)
                            .text(type)
                            .number(inputs.cells().get(i).id())
                            .number(Double.isFinite(distance) ? distance : null)
                            .number(inputs.facilityId(type, coverage.nearestFacility(i)))
                            .bool(coverage.covered(i))
                            .endRow();
                }
            }
        });
    }

    void insertCommunities(long runId, AnalysisInputs inputs, Map<String, TypeCoverage> coverageByType) {
        copy.copy(
                "coverage_community",
                "run_id, type_code, community_id, threshold_m, cells, covered_cells, households, covered_households,"
                        + " covered_percent",
                writer -> {
                    for (var entry : coverageByType.entrySet()) {
                        for (CommunityCoverage community : entry.getValue().communities()) {
                            writer.number(runId)
                                    .text(entry.getKey())
                                    .number(inputs.communityId(community.communityIndex()))
                                    .number(entry.getValue().options().thresholdMeters())
                                    .number(community.cellCount())
                                    .number(community.coveredCellCount())
                                    .number(community.households())
                                    .number(community.coveredHouseholds())
                                    .number(community.coveredPercent())
                                    .endRow();
                        }
                    }
                });
    }

    void insertGaps(long runId, AnalysisInputs inputs, Map<String, List<GapArea>> gapsByType) {
        WKBWriter wkb = new WKBWriter();
        List<Object[]> batch = new ArrayList<>();
        for (var entry : gapsByType.entrySet()) {
            for (GapArea gap : entry.getValue()) {
                double nearest = gap.nearestFacilityDistanceMeters();
                batch.add(new Object[] {
                    runId,
                    entry.getKey(),
                    gap.rank(),
                    gap.households(),
                    gap.cellCount(),
                    gap.areaSquareMeters(),
                    Double.isFinite(nearest) ? nearest : null,
                    inputs.facilityId(entry.getKey(), gap.nearestFacility()),
                    wkb.write(gap.area())
                });
            }
        }
        template.batchUpdate(INSERT_GAP, batch);
    }

    void insertChecks(long runId, List<CommunityChecks.Row> rows) {
        copy.copy(
                "standards_check",
                "run_id, community_id, position, rule_id, subject, value, low, high, unit, outcome, meaning, source",
                writer -> {
                    for (CommunityChecks.Row row : rows) {
                        var check = row.check();
                        writer.number(runId)
                                .number(row.communityId())
                                .number(row.position())
                                .text(check.ruleId())
                                .text(check.subject())
                                .number(check.measuredValue())
                                .number(check.threshold().min())
                                .number(check.threshold().max())
                                .text(check.unit())
                                .text(CommunityChecks.outcomeCode(check.outcome()))
                                .text(check.meaning())
                                .text(check.citation())
                                .endRow();
                    }
                });
    }

    String cellsGeoJson(long runId, String type, Boolean covered, Bbox bbox) {
        return BboxSql.bind(jdbc.sql(CELLS_GEOJSON), bbox)
                .param("run", runId)
                .param("type", type)
                .param("covered", covered)
                .query(String.class)
                .single();
    }

    String gapsGeoJson(long runId, String type, Bbox bbox) {
        return BboxSql.bind(jdbc.sql(GAPS_GEOJSON), bbox)
                .param("run", runId)
                .param("type", type)
                .query(String.class)
                .single();
    }

    List<CommunityCoverageRow> communityRows(long runId, String type) {
        return jdbc.sql(COMMUNITY_ROWS)
                .param("run", runId)
                .param("type", type)
                .query((rs, i) -> new CommunityCoverageRow(
                        rs.getLong("community_id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("subdistrict_name"),
                        rs.getString("type_code"),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        rs.getDouble("threshold_m"),
                        rs.getInt("cells"),
                        rs.getInt("covered_cells"),
                        rs.getLong("households"),
                        rs.getLong("covered_households"),
                        rs.getDouble("covered_percent")))
                .list();
    }

    List<StoredCheck> checks(long runId, Long communityId) {
        return jdbc.sql(CHECK_ROWS)
                .param("run", runId)
                .param("community", communityId)
                .query((rs, i) -> new StoredCheck(
                        rs.getLong("community_id"),
                        rs.getString("rule_id"),
                        rs.getString("subject"),
                        rs.getObject("value", Double.class),
                        rs.getObject("low", Double.class),
                        rs.getObject("high", Double.class),
                        rs.getString("unit"),
                        rs.getString("outcome"),
                        rs.getString("meaning"),
                        rs.getString("source")))
                .list();
    }
}
