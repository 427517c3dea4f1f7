package org.lifecircle.web.common;

/**
 * The one SQL shape every GeoJSON endpoint uses: PostGIS builds the whole FeatureCollection
 * ({@code json_agg} of features, 7 decimals ≈ 1 cm), so no geometry passes through Java objects.
 */
public final class GeoJsonSql {
    private GeoJsonSql() {}

    /**
     * @param id feature id expression
     * @param geometry geometry expression in EPSG:4326
     * @param properties a {@code json_build_object(…)} expression
     * @param fromWhere everything from {@code FROM} on, without ORDER BY
     * @param orderBy feature order expression
     */
    public static String featureCollection(
            String id, String geometry, String properties, String fromWhere, String orderBy) {
        return """
                SELECT json_build_object(
                    'type', 'FeatureCollection',
                    'features', COALESCE(json_agg(json_build_object(
                        'type', 'Feature',
                        'id', %s,
                        'geometry', ST_AsGeoJSON(%s, 7)::json,
                        'properties', %s)
                        ORDER BY %s), '[]'::json))::text
                %s
                """.formatted(id, geometry, properties, orderBy, fromWhere);
    }
}
