package org.lifecircle.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Gcj02Test {
    /** Metres per degree of latitude, close enough to measure errors of millimetres. */
    private static final double METERS_PER_DEGREE = 111_320.0;

    /**
     * {WGS 84 lon, lat, GCJ-02 lon, lat}: Beijing (天安门), Nanjing (新街口), Shanghai, Guangzhou,
     * Ürümqi, Harbin, Sanya. Computed with the independent JavaScript implementations gcoord 1.0.7
     * and coordtransform 2.1.2, which agree to the last digit.
     */
    static final double[][] REFERENCE = {
        {116.397428, 39.90923, 116.40367162595768, 39.91063350638631},
        {118.7849, 32.0438, 118.79010057490133, 32.04174438995878},
        {121.4737, 31.2304, 121.47822305927693, 31.22845773757727},
        {113.2644, 23.1291, 113.26972959210308, 23.126423339922844},
        {87.6168, 43.8256, 87.61964994946926, 43.82680539311119},
        {126.5358, 45.8022, 126.54183716861952, 45.80418001388429},
        {109.5119, 18.2528, 109.51598429482667, 18.25109479173564},
    };

    @Test
    void forwardMatchesIndependentImplementations() {
        for (double[] p : REFERENCE) {
            LonLat gcj = Gcj02.fromWgs84(p[0], p[1]);
            assertThat(gcj.lon()).isCloseTo(p[2], within(1e-9));
            assertThat(gcj.lat()).isCloseTo(p[3], within(1e-9));
        }
    }

    @Test
    void inverseRecoversWgs84WithinAMillimetreOfTheReference() {
        for (double[] p : REFERENCE) {
            LonLat wgs = Gcj02.toWgs84(p[2], p[3]);
            assertThat(errorMeters(wgs, p[0], p[1])).isLessThan(0.001);
        }
    }

    @Test
    void offsetInNanjingIsHundredsOfMetres() {
        LonLat gcj = Gcj02.fromWgs84(118.7849, 32.0438);
        assertThat(errorMeters(gcj, 118.7849, 32.0438)).isBetween(300.0, 700.0);
    }

    @Test
    void roundTripErrorStaysBelowOneCentimetreOverChina() {
        double worstMeters = 0;
        for (double lat = 18.0; lat <= 53.5; lat += 0.37) {
            for (double lon = 73.7; lon <= 134.7; lon += 0.53) {
                LonLat gcj = Gcj02.fromWgs84(lon, lat);
                LonLat back = Gcj02.toWgs84(gcj.lon(), gcj.lat());
                worstMeters = Math.max(worstMeters, errorMeters(back, lon, lat));
            }
        }
        assertThat(worstMeters).isLessThanOrEqualTo(0.01);
    }

    @Test
    void outsideChinaBothDirectionsAreTheIdentity() {
        double[][] elsewhere = {{2.3522, 48.8566}, {-74.006, 40.7128}, {139.6917, 35.6895}, {151.2, -33.87}};
        for (double[] p : elsewhere) {
            assertThat(Gcj02.isOutsideChina(p[0], p[1])).isTrue();
            assertThat(Gcj02.fromWgs84(p[0], p[1])).isEqualTo(new LonLat(p[0], p[1]));
            assertThat(Gcj02.toWgs84(p[0], p[1])).isEqualTo(new LonLat(p[0], p[1]));
        }
        assertThat(Gcj02.isOutsideChina(118.78, 32.04)).isFalse();
    }

    static double errorMeters(LonLat actual, double lon, double lat) {
        double dx = (actual.lon() - lon) * METERS_PER_DEGREE * Math.cos(Math.toRadians(lat));
        double dy = (actual.lat() - lat) * METERS_PER_DEGREE;
        return Math.hypot(dx, dy);
    }
}
