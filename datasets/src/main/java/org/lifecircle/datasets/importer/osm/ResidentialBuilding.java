package org.lifecircle.datasets.importer.osm;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A building people live in, as the population estimate needs it.
 *
 * @param footprint polygon or multipolygon in EPSG:4326
 * @param buildingType the {@code building=*} value, e.g. {@code apartments}
 * @param levelsTag the {@code building:levels} value as tagged, {@code null} when untagged
 */
public record ResidentialBuilding(Geometry footprint, String buildingType, String levelsTag) {
    public ResidentialBuilding {
        Objects.requireNonNull(footprint, "footprint");
        Objects.requireNonNull(buildingType, "buildingType");
        if (!(footprint instanceof Polygonal)) {
            throw new IllegalArgumentException(
                    "A building footprint must be a polygon or multipolygon: " + footprint.getGeometryType());
        }
    }
}
