package org.lifecircle.web.network;

import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NetworkGeoJsonRepository {
    private static final String EDGES = """
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'features', COALESCE(json_agg(json_build_object(
                    'type', 'Feature',
                    'id', id,
                    'geometry', ST_AsGeoJSON(geom, 7)::json,
                    'properties', json_build_object(
                        'id', id, 'source', source, 'target', target, 'length_m', round(length_m::numeric, 2),
                        'road_class', road_class, 'arterial', arterial, 'bridge', bridge,
                        'rail_crossing', rail_crossing))
                    ORDER BY id), '[]'::json))::text
            FROM road_edge WHERE""" + BboxSql.GEOM_IN_BBOX;

    private static final String BARRIERS = """
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'features', COALESCE(json_agg(json_build_object(
                    'type', 'Feature',
                    'id', id,
                    'geometry', ST_AsGeoJSON(geom, 7)::json,
                    'properties', json_build_object('id', id, 'kind', kind, 'name', name))
                    ORDER BY id), '[]'::json))::text
            FROM barrier
            """;

    private final JdbcClient jdbc;

    NetworkGeoJsonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countEdgesIn(Bbox bbox) {
        return BboxSql.bind(jdbc.sql("SELECT COUNT(*) FROM road_edge WHERE" + BboxSql.GEOM_IN_BBOX), bbox)
                .query(Long.class)
                .single();
    }

    String edgesIn(Bbox bbox) {
        return BboxSql.bind(jdbc.sql(EDGES), bbox).query(String.class).single();
    }

    String barriers() {
        return jdbc.sql(BARRIERS).query(String.class).single();
    }
}
