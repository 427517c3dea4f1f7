package org.lifecircle.web.tiles;

import java.util.concurrent.TimeUnit;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Mapbox vector tiles straight from PostGIS ({@code ST_AsMVT}): {@code /tiles/{layer}/{z}/{x}/{y}.mvt}
 * in Web Mercator (XYZ scheme). Tiles are cached by clients for a few minutes and revalidated by an
 * ETag that changes with the data ({@link org.lifecircle.web.common.DataVersion}).
 */
@RestController
class VectorTileController {
    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
    private static final int MAX_ZOOM = 22;

    private final VectorTileRepository tiles;

    VectorTileController(VectorTileRepository tiles) {
        this.tiles = tiles;
    }

    @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(
            @PathVariable String layer,
            @PathVariable int z,
            @PathVariable int x,
            @PathVariable int y,
            WebRequest request) {
        VectorTileLayer tileLayer = VectorTileLayer.byName(layer)
                .orElseThrow(() ->
                        new NotFoundException("No tile layer '" + layer + "'; layers: " + VectorTileLayer.names()));
        if (z < 0 || z > MAX_ZOOM) {
            throw new BadParameterException("z", "Zoom must be 0 to " + MAX_ZOOM + ", got " + z);
        }
        long tilesPerSide = 1L << z;
        if (x < 0 || x >= tilesPerSide || y < 0 || y >= tilesPerSide) {
            throw new BadParameterException(
                    "x", "Tile " + x + "/" + y + " lies outside zoom " + z + " (0 to " + (tilesPerSide - 1) + ")");
        }
        String etag = "\"" + tiles.dataVersion() + "-" + layer + "-" + z + "-" + x + "-" + y + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MVT)
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .eTag(etag)
                .body(tiles.tile(tileLayer, z, x, y));
    }
}
