package org.lifecircle.web.siting;

import org.lifecircle.core.siting.SiteChoice;
import org.lifecircle.core.siting.SitingResult;
import org.lifecircle.web.common.GeoJsonSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Suggested sites in and out. */
@Repository
class SiteStore {
    private static final String INSERT = """
            INSERT INTO site_suggestion (run_id, type_code, build_order, added_households, exclusive_households,
                                         cumulative_households, cumulative_percent, cell_id, geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326))
            """;

    private static final String AS_GEOJSON =
            GeoJsonSql.featureCollection("s.build_order", "s.geom", """
            json_build_object(
                'type', s.type_code,
                'type_name_zh', t.name_zh,
                'type_name_en', t.name_en,
                'build_order', s.build_order,
                'added_households', s.added_households,
                'exclusive_households', s.exclusive_households,
                'cumulative_households', s.cumulative_households,
                'cumulative_percent', round(s.cumulative_percent::numeric, 2),
                'cell_id', s.cell_id)""", """
            FROM site_suggestion s JOIN facility_type t ON t.code = s.type_code
            WHERE s.run_id = :run""", "s.build_order");

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    SiteStore(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** @param cellOfCandidate the cell id of each candidate, null for the planner's points */
    void insert(long runId, String type, SitingResult result, long[] cellOfCandidate) {
        for (SiteChoice site : result.sites()) {
            template.update(
                    INSERT,
                    runId,
                    type,
                    site.order(),
                    site.addedHouseholds(),
                    site.exclusiveHouseholds(),
                    site.cumulativeCoveredHouseholds(),
                    site.cumulativeCoveredPercent(),
                    cellOfCandidate == null ? null : cellOfCandidate[site.candidateIndex()],
                    site.lon(),
                    site.lat());
        }
    }

    String asGeoJson(long runId) {
        return jdbc.sql(AS_GEOJSON).param("run", runId).query(String.class).single();
    }
}
