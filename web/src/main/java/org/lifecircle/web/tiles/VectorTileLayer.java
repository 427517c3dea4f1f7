package org.lifecircle.web.tiles;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The layers served as vector tiles: each names its attribute columns and the SQL that yields them
 * with {@code geom} in EPSG:4326.
 */
enum VectorTileLayer {
    COMMUNITIES("communities", "code, name, subdistrict_name, households", """
            SELECT c.code, c.name, c.subdistrict_name,
                   (SELECT COALESCE(SUM(p.households), 0) FROM population_cell p
                    WHERE ST_Intersects(c.geom, p.centroid))::integer AS households, c.geom
            FROM community c WHERE c.valid_to IS NULL"""),
    FACILITIES("facilities", "id, type_code, name", "SELECT f.id, f.type_code, f.name, f.geom FROM facility f"),
    POPULATION_CELLS(
            "population_cells",
            "id, population, households",
            "SELECT p.id, p.population, p.households, p.geom FROM population_cell p"),
    ROAD_EDGES(
            "road_edges", "id, road_class, arterial", "SELECT r.id, r.road_class, r.arterial, r.geom FROM road_edge r");

    private final String layerName;
    private final String attributes;
    private final String rowsSql;

    VectorTileLayer(String layerName, String attributes, String rowsSql) {
        this.layerName = layerName;
        this.attributes = attributes;
        this.rowsSql = rowsSql;
    }

    /** The attribute columns a tile carries, besides its geometry. */
    String attributes() {
        return attributes;
    }

    String layerName() {
        return layerName;
    }

    String rowsSql() {
        return rowsSql;
    }

    static Optional<VectorTileLayer> byName(String name) {
        return Arrays.stream(values()).filter(l -> l.layerName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(VectorTileLayer::layerName).collect(Collectors.joining(", "));
    }
}
