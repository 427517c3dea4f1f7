package org.lifecircle.web.importer;

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
            SELECT (SELECT COUNT(*) FROM population_cell),
                   (SELECT COALESCE(SUM(households), 0) FROM population_cell),
                   (SELECT md5(string_agg(id::text, ',' ORDER BY id)) FROM population_cell),
                   (SELECT COUNT(*) FROM community),
                   (SELECT COUNT(*) FROM community WHERE valid_to IS NULL),
                   (SELECT md5(string_agg(id || ':' || COALESCE(valid_to::text, 'current'), ',' ORDER BY id))
                      FROM community),
                   (SELECT COUNT(*) FROM facility),
                   (SELECT md5(string_agg(id::text, ',' ORDER BY id)) FROM facility),
                   (SELECT COUNT(*) FROM dataset_load),
                   (SELECT COUNT(*) FROM road_edge),
                   (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'import_staging')
            """;

    static ImportState of(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                STATE,
                (rs, n) -> new ImportState(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11)));
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
