package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class CoordinateCheckTest {
    private static String check(double lon, double lat) {
        return CoordinateCheck.problem(new Envelope(lon, lon, lat, lat));
    }

    @Test
    void pointsInChinaPass() {
        assertThat(check(118.78, 32.04)).isNull();
        assertThat(check(87.6, 43.8)).isNull();
        assertThat(check(109.5, 18.25)).isNull();
    }

    @Test
    void swappedColumnsAreNamed() {
        assertThat(check(32.04, 118.78)).isEqualTo("latitude 118.78 outside ±90°: lat/lon swapped?");
        assertThat(check(40.0, 80.0)).isEqualTo("outside China (lon 40, lat 80): lat/lon swapped?");
    }

    @Test
    void elsewhereAndProjectedCoordinatesAreNamed() {
        assertThat(check(2.3522, 48.8566)).startsWith("outside China").endsWith("wrong --source-crs?");
        assertThat(check(385_000, 3_545_000)).contains("look like metres").contains("--source-crs");
        assertThat(check(200, 30)).isEqualTo("longitude 200 outside ±180°");
    }
}
