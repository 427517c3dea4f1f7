package org.lifecircle.core.standards;

import java.util.Objects;

/**
 * A facility type of the catalog.
 *
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param lifeCircle code of the life-circle level it belongs to ({@code 5min}, {@code 10min}, {@code
 *     15min})
 * @param serviceRadiusMeters walking distance within which it should serve its residents
 * @param floorAreaSquareMeters recommended floor area per facility, {@code null} where the standard
 *     gives none
 * @param source document and clause
 */
public record FacilityTypeSpec(
        String nameZh,
        String nameEn,
        String lifeCircle,
        double serviceRadiusMeters,
        Range floorAreaSquareMeters,
        String source) {
    public FacilityTypeSpec {
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(lifeCircle, "lifeCircle");
        Objects.requireNonNull(source, "source");
        if (!(serviceRadiusMeters > 0)) {
            throw new IllegalArgumentException("serviceRadiusMeters must be positive: " + serviceRadiusMeters);
        }
    }
}
