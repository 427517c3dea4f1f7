package org.lifecircle.web.population;

import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.lifecircle.web.common.GeoJsonSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PopulationCellRepository {
    private static final String IN_BBOX = "FROM population_cell WHERE" + BboxSql.GEOM_IN_BBOX;
    private static final String AS_GEOJSON = GeoJsonSql.featureCollection("id", "geom", """
            json_build_object('id', id, 'population', population, 'households', households,
                              'elderly', elderly, 'children', children, 'source', source)""", IN_BBOX, "id");

    private final JdbcClient jdbc;

    PopulationCellRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countIn(Bbox bbox) {
        return BboxSql.bind(jdbc.sql("SELECT COUNT(*) " + IN_BBOX), bbox)
                .query(Long.class)
                .single();
    }

    String asGeoJson(Bbox bbox) {
        return BboxSql.bind(jdbc.sql(AS_GEOJSON), bbox).query(String.class).single();
    }
}
