package org.lifecircle.web.summary;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.standards.StandardsCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SummaryRepository {
    private static final String LATEST_LOAD =
            "SELECT name, source, description, loaded_at FROM dataset_load ORDER BY id DESC LIMIT 1";

    /** Households per current community, cells counted by their point on surface. */
    private static final String COMMUNITY_CLASSES = """
            WITH tally AS (
                SELECT c.id, COALESCE(SUM(p.households), 0) AS households
                FROM community c LEFT JOIN population_cell p ON ST_Intersects(c.geom, p.centroid)
                WHERE c.valid_to IS NULL
                GROUP BY c.id
            )
            SELECT COUNT(*) AS total,
                   COUNT(*) FILTER (WHERE households < :min) AS under,
                   COUNT(*) FILTER (WHERE households > :max) AS over
            FROM tally
            """;

    private static final String POPULATION = """
            SELECT COUNT(*) AS cells, COALESCE(SUM(population), 0) AS population,
                   COALESCE(SUM(households), 0) AS households
            FROM population_cell
            """;

    private static final String FACILITIES_BY_TYPE = """
            SELECT t.code, COUNT(f.id) AS n
            FROM facility_type t LEFT JOIN facility f ON f.type_code = t.code
            GROUP BY t.code ORDER BY t.code
            """;

    private static final String NETWORK = """
            SELECT COUNT(*) AS edges, COALESCE(SUM(length_m), 0) / 1000.0 AS km,
                   COUNT(*) FILTER (WHERE bridge) AS bridges, COUNT(*) FILTER (WHERE rail_crossing) AS crossings
            FROM road_edge
            """;

    private static final String EXTENT = """
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
            FROM (SELECT ST_Extent(geom)::geometry AS e FROM (
                SELECT geom FROM community WHERE valid_to IS NULL
                UNION ALL SELECT geom FROM population_cell) g) x
            WHERE e IS NOT NULL
            """;

    private final JdbcClient jdbc;
    private final StandardsCatalog catalog;

    SummaryRepository(JdbcClient jdbc, StandardsCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    Summary current() {
        Summary.Dataset dataset = jdbc.sql(LATEST_LOAD)
                .query((rs, i) -> new Summary.Dataset(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .optional()
                .orElse(null);
        double min = catalog.value(StandardsCatalog.HOUSEHOLDS_MIN);
        double max = catalog.value(StandardsCatalog.HOUSEHOLDS_MAX);
        Summary.Communities communities = jdbc.sql(COMMUNITY_CLASSES)
                .param("min", min)
                .param("max", max)
                .query((rs, i) -> {
                    long total = rs.getLong("total");
                    long under = rs.getLong("under");
                    long over = rs.getLong("over");
                    return new Summary.Communities(total, under, total - under - over, over, min, max);
                })
                .single();
        Summary.Population population = jdbc.sql(POPULATION)
                .query((rs, i) -> new Summary.Population(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
        Map<String, Long> byType = new LinkedHashMap<>();
        jdbc.sql(FACILITIES_BY_TYPE).query(rs -> {
            byType.put(rs.getString(1), rs.getLong(2));
        });
        long facilityCount = byType.values().stream().mapToLong(Long::longValue).sum();
        Summary.RoadNetwork network = jdbc.sql(NETWORK)
                .query((rs, i) -> new Summary.RoadNetwork(
                        rs.getLong(1), Math.round(rs.getDouble(2) * 1000) / 1000.0, rs.getLong(3), rs.getLong(4)))
                .single();
        List<Double> extent = jdbc.sql(EXTENT)
                .query((rs, i) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
                .optional()
                .orElse(null);
        return new Summary(
                dataset, communities, population, new Summary.Facilities(facilityCount, byType), network, extent);
    }
}
