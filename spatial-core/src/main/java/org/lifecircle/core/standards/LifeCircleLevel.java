package org.lifecircle.core.standards;

import java.util.Objects;

/** A life-circle level (5, 10 or 15 minutes' walk) with its scale, from GB 50180-2018 table 3.0.4. */
public record LifeCircleLevel(
        String nameZh, String nameEn, int walkMinutes, Range walkDistanceMeters, Range population, String source) {
    public LifeCircleLevel {
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(walkDistanceMeters, "walkDistanceMeters");
        if (walkMinutes <= 0) {
            throw new IllegalArgumentException("walkMinutes must be positive: " + walkMinutes);
        }
    }
}
