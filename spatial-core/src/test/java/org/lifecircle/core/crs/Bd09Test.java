package org.lifecircle.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.core.crs.Gcj02Test.errorMeters;

import org.junit.jupiter.api.Test;

class Bd09Test {
    /**
     * {WGS 84 lon, lat, BD-09 lon, lat} for the points of {@link Gcj02Test#REFERENCE}, from gcoord
     * 1.0.7 and coordtransform 2.1.2.
     */
    private static final double[][] REFERENCE = {
        {116.397428, 39.90923, 116.41004410170474, 39.916972856075134},
        {118.7849, 32.0438, 118.79651883689255, 32.04805442470982},
        {121.4737, 31.2304, 121.484781468503, 31.234310593689997},
        {113.2644, 23.1291, 113.27615075157122, 23.13271125723948},
        {87.6168, 43.8256, 87.62609977081571, 43.83294979479329},
        {126.5358, 45.8022, 126.54845600583528, 45.80979564972993},
        {109.5119, 18.2528, 109.52253179173881, 18.25687655375912},
    };

    @Test
    void forwardMatchesIndependentImplementations() {
        for (double[] p : REFERENCE) {
            LonLat bd = Bd09.fromWgs84(p[0], p[1]);
            assertThat(bd.lon()).isCloseTo(p[2], within(1e-9));
            assertThat(bd.lat()).isCloseTo(p[3], within(1e-9));
        }
    }

    @Test
    void inverseRecoversWgs84WithinAMillimetreOfTheReference() {
        for (double[] p : REFERENCE) {
            assertThat(errorMeters(Bd09.toWgs84(p[2], p[3]), p[0], p[1])).isLessThan(0.001);
        }
    }

    @Test
    void roundTripErrorStaysBelowOneCentimetreOverChina() {
        double worstGcjMeters = 0;
        double worstWgsMeters = 0;
        for (double lat = 18.0; lat <= 53.5; lat += 0.41) {
            for (double lon = 73.7; lon <= 134.7; lon += 0.59) {
                LonLat bd = Bd09.fromGcj02(lon, lat);
                worstGcjMeters = Math.max(worstGcjMeters, errorMeters(Bd09.toGcj02(bd.lon(), bd.lat()), lon, lat));
                LonLat bdOfWgs = Bd09.fromWgs84(lon, lat);
                worstWgsMeters =
                        Math.max(worstWgsMeters, errorMeters(Bd09.toWgs84(bdOfWgs.lon(), bdOfWgs.lat()), lon, lat));
            }
        }
        assertThat(worstGcjMeters).isLessThanOrEqualTo(0.01);
        assertThat(worstWgsMeters).isLessThanOrEqualTo(0.01);
    }

    @Test
    void outsideChinaIsTheIdentity() {
        assertThat(Bd09.fromWgs84(2.3522, 48.8566)).isEqualTo(new LonLat(2.3522, 48.8566));
        assertThat(Bd09.toWgs84(-74.006, 40.7128)).isEqualTo(new LonLat(-74.006, 40.7128));
    }
}
