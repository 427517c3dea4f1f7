package org.lifecircle.web.servicearea;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.lifecircle.web.common.GeoJsonSql;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Facilities in, service areas out. */
@Repository
class ServiceAreaStore {
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static final String FACILITIES_OF_TYPE = """
            SELECT id, type_code, name, floor_area_m2, capacity, source, ST_X(geom) AS lon, ST_Y(geom) AS lat
            FROM facility WHERE type_code = :type ORDER BY id
            """;

    /** Repaired defensively: a sliver from floating-point union must not lose the whole run. */
    private static final String INSERT = """
            INSERT INTO service_area (run_id, type_code, scope, facility_id, facility_name, minutes, mode, limit_m,
                                      area_m2, geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromWKB(?, 4326)), 3)))
            """;

    private static final String AS_GEOJSON = GeoJsonSql.featureCollection(
            "s.id",
            "s.geom",
            """
            json_build_object(
                'run_id', s.run_id,
                'type', s.type_code,
                'type_name_zh', t.name_zh,
                'type_name_en', t.name_en,
                'scope', s.scope,
                'facility_id', s.facility_id,
                'facility_name', s.facility_name,
                'minutes', s.minutes,
                'mode', s.mode,
                'limit_m', s.limit_m,
                'area_m2', round(s.area_m2::numeric, 1))""",
            """
            FROM service_area s
            JOIN facility_type t ON t.code = s.type_code
            WHERE s.run_id = :run
              AND (CAST(:type AS text) IS NULL OR s.type_code = :type)
              AND (CAST(:minutes AS integer) IS NULL OR s.minutes = :minutes)
              AND s.scope = :scope
              AND """ + BboxSql.optionalIn("s.geom"),
            "s.type_code, s.facility_id NULLS FIRST, s.minutes DESC");

    /** One area to store; {@code facilityId} and {@code facilityName} null for a dissolved area. */
    record Row(
            String typeCode,
            Long facilityId,
            String facilityName,
            int minutes,
            String mode,
            double limitMeters,
            double areaSquareMeters,
            Geometry area) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ServiceAreaStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<StoredFacility> facilitiesOfType(String type) {
        return jdbc.sql(FACILITIES_OF_TYPE)
                .param("type", type)
                .query((rs, i) -> new StoredFacility(
                        rs.getLong("id"),
                        new Facility(
                                rs.getString("type_code"),
                                rs.getString("name"),
                                WGS84.createPoint(new Coordinate(rs.getDouble("lon"), rs.getDouble("lat"))),
                                rs.getObject("floor_area_m2", Double.class),
                                rs.getObject("capacity", Integer.class),
                                rs.getString("source"))))
                .list();
    }

    /** Inserts the areas of a run; empty areas (an unsnapped facility) are left out. */
    void insert(long runId, List<Row> rows) {
        WKBWriter wkb = new WKBWriter();
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.area().isEmpty()) {
                continue;
            }
            batch.add(new Object[] {
                runId,
                row.typeCode(),
                row.facilityId() == null ? "type" : "facility",
                row.facilityId(),
                row.facilityName(),
                row.minutes(),
                row.mode(),
                row.limitMeters(),
                row.areaSquareMeters(),
                wkb.write(row.area())
            });
        }
        template.batchUpdate(INSERT, batch);
    }

    String asGeoJson(long runId, String type, Integer minutes, String scope, Bbox bbox) {
        return BboxSql.bind(jdbc.sql(AS_GEOJSON), bbox)
                .param("run", runId)
                .param("type", type)
                .param("minutes", minutes)
                .param("scope", scope)
                .query(String.class)
                .single();
    }
}
