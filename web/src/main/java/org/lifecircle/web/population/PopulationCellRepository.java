package org.lifecircle.web.population;

import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PopulationCellRepository {
    private static final String AS_GEOJSON = """
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'features', COALESCE(json_agg(json_build_object(
                    'type', 'Feature',
                    'id', id,
                    'geometry', ST_AsGeoJSON(geom, 7)::json,
                    'properties', json_build_object(
                        'id', id,
                        'population', population,
                        'households', households,
                        'elderly', elderly,
                        'children', children,
                        'source', source))
                    ORDER BY id), '[]'::json))::text
            FROM population_cell
            WHERE """ + BboxSql.GEOM_IN_BBOX;

    private final JdbcClient jdbc;

    PopulationCellRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countIn(Bbox bbox) {
        return BboxSql.bind(jdbc.sql("SELECT COUNT(*) FROM population_cell WHERE " + BboxSql.GEOM_IN_BBOX), bbox)
                .query(Long.class)
                .single();
    }

    String asGeoJson(Bbox bbox) {
        return BboxSql.bind(jdbc.sql(AS_GEOJSON), bbox).query(String.class).single();
    }
}
