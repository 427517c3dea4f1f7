package org.lifecircle.core.domain;

import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * A public-service facility.
 *
 * @param typeCode code of a catalog facility type, e.g. {@code kindergarten}
 * @param name name as known
 * @param location point in EPSG:4326
 * @param floorAreaSquareMeters floor area, {@code null} when unknown
 * @param capacity places, beds or pupils, {@code null} when unknown
 * @param source where the row came from, e.g. {@code demo:town:42} or {@code osm}
 */
public record Facility(
        String typeCode, String name, Point location, Double floorAreaSquareMeters, Integer capacity, String source) {
    public Facility {
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(location, "location");
    }
}
