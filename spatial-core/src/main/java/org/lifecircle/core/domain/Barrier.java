package org.lifecircle.core.domain;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A line or area people cannot walk across except where a road edge bridges it.
 *
 * @param kind what it is
 * @param name name as known, may be {@code null}
 * @param geometry line or polygon in EPSG:4326
 */
public record Barrier(BarrierKind kind, String name, Geometry geometry) {
    public Barrier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(geometry, "geometry");
    }
}
