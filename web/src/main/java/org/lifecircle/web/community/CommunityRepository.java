package org.lifecircle.web.community;

import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.lifecircle.web.common.DataVersion;
import org.lifecircle.web.common.GeoJsonSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommunityRepository {
    /**
     * A cell counts for the community that holds its point on surface. Area is geodesic. Households
     * are classed against the catalog's range: under, within or over.
     */
    private static final String CURRENT_AS_GEOJSON = """
            WITH c AS (
                SELECT * FROM community
                WHERE (CASE WHEN CAST(:at AS timestamptz) IS NULL THEN valid_to IS NULL
                            ELSE valid_from <= CAST(:at AS timestamptz)
                                 AND (valid_to IS NULL OR valid_to > CAST(:at AS timestamptz)) END)
                  AND """ + BboxSql.optionalIn("geom") + """
            ), tally AS (
                SELECT c.id,
                       COALESCE(SUM(p.households), 0) AS households,
                       COALESCE(SUM(p.population), 0) AS population,
                       COUNT(p.id) AS cells
                FROM c LEFT JOIN population_cell p ON ST_Intersects(c.geom, p.centroid)
                GROUP BY c.id
            )
            """
            + GeoJsonSql.featureCollection("c.code", "c.geom", """
                    json_build_object(
                        'id', c.id,
                        'code', c.code,
                        'name', c.name,
                        'subdistrict_code', c.subdistrict_code,
                        'subdistrict_name', c.subdistrict_name,
                        'urban', c.urban,
                        'households', t.households,
                        'population', t.population,
                        'cells', t.cells,
                        'households_status', CASE WHEN t.households < :min THEN 'under'
                                                  WHEN t.households > :max THEN 'over'
                                                  ELSE 'within' END,
                        'area_km2', round((ST_Area(c.geom::geography) / 1e6)::numeric, 4),
                        'office_area_m2', c.office_area_m2,
                        'service_area_m2', c.service_area_m2,
                        'staff_count', c.staff_count,
                        'valid_from', c.valid_from,
                        'valid_to', c.valid_to)""", "FROM c JOIN tally t ON t.id = c.id", "c.code");

    private final JdbcClient jdbc;
    private final StandardsCatalog catalog;
    private final DataVersion dataVersion;
    /**
     * Today's communities of the whole area, as every map page asks for them first: the tallies
     * join every cell to its community, a quarter of a second on the demo district.
     */
    private volatile Cached today = new Cached("", null);

    private record Cached(String version, String geoJson) {}

    CommunityRepository(JdbcClient jdbc, StandardsCatalog catalog, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.dataVersion = dataVersion;
    }

    /** Communities valid at an instant (null: the current ones). */
    String asGeoJson(Bbox bbox, java.time.OffsetDateTime at) {
        if (bbox != null || at != null) {
            return query(bbox, at);
        }
        // The version is read first: data changed while querying only makes the next request query again.
        String version = dataVersion.current();
        Cached cached = today;
        if (!cached.version().equals(version)) {
            cached = new Cached(version, query(null, null));
            today = cached;
        }
        return cached.geoJson();
    }

    private String query(Bbox bbox, java.time.OffsetDateTime at) {
        return BboxSql.bind(jdbc.sql(CURRENT_AS_GEOJSON), bbox)
                .param("at", at)
                .param("min", catalog.value(StandardsCatalog.HOUSEHOLDS_MIN))
                .param("max", catalog.value(StandardsCatalog.HOUSEHOLDS_MAX))
                .query(String.class)
                .single();
    }
}
