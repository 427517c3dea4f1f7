package org.lifecircle.web.network;

import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.lifecircle.web.common.GeoJsonSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NetworkGeoJsonRepository {
    private static final String EDGES_IN_BBOX = "FROM road_edge WHERE" + BboxSql.GEOM_IN_BBOX;
    private static final String EDGES = GeoJsonSql.featureCollection("id", "geom", """
            json_build_object('id', id, 'source', source, 'target', target,
                              'length_m', round(length_m::numeric, 2), 'road_class', road_class,
                              'arterial', arterial, 'bridge', bridge, 'rail_crossing', rail_crossing)""", EDGES_IN_BBOX, "id");
    private static final String BARRIERS = GeoJsonSql.featureCollection(
            "id", "geom", "json_build_object('id', id, 'kind', kind, 'name', name)", "FROM barrier", "id");

    private final JdbcClient jdbc;

    NetworkGeoJsonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countEdgesIn(Bbox bbox) {
        return BboxSql.bind(jdbc.sql("SELECT COUNT(*) " + EDGES_IN_BBOX), bbox)
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
