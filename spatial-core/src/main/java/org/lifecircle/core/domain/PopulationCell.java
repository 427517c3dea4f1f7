package org.lifecircle.core.domain;

import java.util.Objects;
import org.locationtech.jts.geom.Polygon;

/**
 * A population cell: a grid square, hexagon or block with its residents.
 *
 * @param cell polygon in EPSG:4326
 * @param population residents, never negative
 * @param households households, never negative
 * @param elderly residents aged 60 and over, {@code null} when unknown
 * @param children residents under 15, {@code null} when unknown
 * @param source where the row came from
 */
public record PopulationCell(
        Polygon cell, int population, int households, Integer elderly, Integer children, String source) {
    public PopulationCell {
        Objects.requireNonNull(cell, "cell");
        if (population < 0 || households < 0) {
            throw new IllegalArgumentException("Population and households must be non-negative");
        }
    }
}
