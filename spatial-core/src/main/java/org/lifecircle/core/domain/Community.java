package org.lifecircle.core.domain;

import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A community (社区) as stored: boundary in EPSG:4326 and the facts the standards check.
 *
 * @param code 12-digit statistical code where known, otherwise a provisional code
 * @param name official name, e.g. 长江路社区
 * @param subdistrictCode code of the subdistrict (街道/乡镇) that holds it
 * @param subdistrictName name of that subdistrict
 * @param urban {@code true} for an urban residents' committee, {@code false} for a village
 * @param boundary boundary in EPSG:4326
 * @param officeAreaSquareMeters office floor area, {@code null} when unknown
 * @param serviceAreaSquareMeters community service facility floor area, {@code null} when unknown
 * @param staffCount residents' committee staff, {@code null} when unknown
 */
public record Community(
        String code,
        String name,
        String subdistrictCode,
        String subdistrictName,
        boolean urban,
        MultiPolygon boundary,
        Double officeAreaSquareMeters,
        Double serviceAreaSquareMeters,
        Integer staffCount) {
    public Community {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subdistrictName, "subdistrictName");
        Objects.requireNonNull(boundary, "boundary");
    }
}
