package org.lifecircle.web.facility;

import java.util.List;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.lifecircle.web.common.GeoJsonSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FacilityRepository {
    private static final String AS_GEOJSON =
            GeoJsonSql.featureCollection("f.id", "f.geom", """
            json_build_object(
                'id', f.id,
                'type', f.type_code,
                'type_name_zh', t.name_zh,
                'type_name_en', t.name_en,
                'name', f.name,
                'floor_area_m2', f.floor_area_m2,
                'capacity', f.capacity,
                'source', f.source)""", """
            FROM facility f JOIN facility_type t ON t.code = f.type_code
            WHERE (CAST(:type AS text) IS NULL OR f.type_code = :type)
              AND """ + BboxSql.optionalIn("f.geom"), "f.id");

    private static final String TYPES = """
            SELECT t.code, t.name_zh, t.name_en, t.life_circle, t.service_radius_m,
                   t.floor_area_min_m2, t.floor_area_max_m2, t.source,
                   (SELECT COUNT(*) FROM facility f WHERE f.type_code = t.code) AS facilities
            FROM facility_type t
            ORDER BY t.life_circle, t.code
            """;

    private final JdbcClient jdbc;

    FacilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String asGeoJson(String type, Bbox bbox) {
        return BboxSql.bind(jdbc.sql(AS_GEOJSON), bbox)
                .param("type", type)
                .query(String.class)
                .single();
    }

    boolean typeExists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM facility_type WHERE code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    List<String> typeCodes() {
        return jdbc.sql("SELECT code FROM facility_type ORDER BY code")
                .query(String.class)
                .list();
    }

    List<FacilityTypeView> types() {
        return jdbc.sql(TYPES)
                .query((rs, i) -> new FacilityTypeView(
                        rs.getString("code"),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        rs.getString("life_circle"),
                        rs.getDouble("service_radius_m"),
                        rs.getObject("floor_area_min_m2", Double.class),
                        rs.getObject("floor_area_max_m2", Double.class),
                        rs.getString("source"),
                        rs.getLong("facilities")))
                .list();
    }
}
