package org.lifecircle.web.common;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The one way repositories filter by a {@link Bbox}: an index-backed {@code &&} on the geometry. */
public final class BboxSql {
    /** {@code geom} intersects the bbox's envelope; bind with {@link #bind}. */
    public static final String GEOM_IN_BBOX = " geom && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)";

    /** As {@link #GEOM_IN_BBOX} for a column alias, and true when no bbox is bound. */
    public static String optionalIn(String geometryColumn) {
        return " (CAST(:minLon AS double precision) IS NULL OR " + geometryColumn
                + " && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))";
    }

    private BboxSql() {}

    /** Binds the four bbox parameters; a {@code null} bbox binds nulls (no filter). */
    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Bbox bbox) {
        return spec.param("minLon", bbox == null ? null : bbox.minLon())
                .param("minLat", bbox == null ? null : bbox.minLat())
                .param("maxLon", bbox == null ? null : bbox.maxLon())
                .param("maxLat", bbox == null ? null : bbox.maxLat());
    }
}
