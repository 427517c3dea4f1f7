package org.lifecircle.web.importer;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables an import may touch, read in one query: counts, the households total and checksums of
 * the row ids (and community versions), so a refused import that changed a single row shows. Also
 * the staging tables left behind, which must be none once an import has answered.
 */
record ImportState(
        long cells,
        long households,
        String cellIds,
        long communityVersions,
        long currentCommunities,
        String communityVersionIds,
        long facilities,
        String facilityIds,
        long loads,
        long roadEdges,
        long stagingTables) {

    private static final String STATE = """
            SELECT (SELECT COUNT(*) FROM population_cell) AS cells,
                   (SELECT COALESCE(SUM(households), 0) FROM population_cell) AS households,
                   (SELECT md5(string_agg(id::text, ',' ORDER BY id)) FROM population_cell) AS cell_ids,
                   (SELECT COUNT(*) FROM community) AS community_versions,
                   (SELECT COUNT(*) FROM community WHERE valid_to IS NULL) AS current_communities,
                   (SELECT md5(string_agg(id || ':' || COALESCE(valid_to::text, 'current'), ',' ORDER BY id))
                      FROM community) AS community_version_ids,
                   (SELECT COUNT(*) FROM facility) AS facilities,
                   (SELECT md5(string_agg(id::text, ',' ORDER BY id)) FROM facility) AS facility_ids,
                   (SELECT COUNT(*) FROM dataset_load) AS loads,
                   (SELECT COUNT(*) FROM road_edge) AS road_edges,
                   (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'import_staging') AS staging_tables
            """;

    static ImportState of(JdbcTemplate jdbc) {
        return jdbc.queryForObject(STATE, new DataClassRowMapper<>(ImportState.class));
    }

    /** The rows of {@code kind}'s table that are current: cells, current communities, facilities. */
    long rows(String kind) {
        return switch (kind) {
            case "population" -> cells;
            case "communities" -> currentCommunities;
            default -> facilities;
        };
    }
}
