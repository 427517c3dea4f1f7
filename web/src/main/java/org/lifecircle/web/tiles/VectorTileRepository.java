package org.lifecircle.web.tiles;

import org.lifecircle.web.common.DataVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VectorTileRepository {
    /** Tile extent 4096 and buffer 64 are the Mapbox Vector Tile defaults. */
    private static final String TILE = """
            WITH bounds AS (SELECT ST_TileEnvelope(:z, :x, :y) AS mercator),
            rows AS (%s),
            mvt AS (
                SELECT ST_AsMVTGeom(ST_Transform(r.geom, 3857), b.mercator, 4096, 64, true) AS geom, %s
                FROM rows r, bounds b
                WHERE r.geom && ST_Transform(b.mercator, 4326))
            SELECT ST_AsMVT(mvt, :layer, 4096, 'geom') FROM mvt
            """;

    private final JdbcClient jdbc;
    private final DataVersion dataVersion;

    VectorTileRepository(JdbcClient jdbc, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.dataVersion = dataVersion;
    }

    byte[] tile(VectorTileLayer layer, int z, int x, int y) {
        byte[] tile = jdbc.sql(TILE.formatted(layer.rowsSql(), layer.attributes()))
                .param("z", z)
                .param("x", x)
                .param("y", y)
                .param("layer", layer.layerName())
                .query(byte[].class)
                .single();
        return tile == null ? new byte[0] : tile;
    }

    /** Part of each tile's ETag: an adopted plan changes the community tiles as a load does. */
    String dataVersion() {
        return dataVersion.current();
    }
}
