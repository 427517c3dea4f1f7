package org.lifecircle.core.crs;

/**
 * BD-09 (百度坐标): Baidu Maps' longitude/latitude, a second offset applied on top of {@link Gcj02}.
 *
 * <p><b>Forward</b> ({@link #fromGcj02}): Baidu's published offset, as the eviltransform libraries
 * and Baidu's own JavaScript API give it: in polar form around (0, 0), the radius grows by {@code
 * 2e-5 · sin(lat · π · 3000/180)}, the angle by {@code 3e-6 · cos(lon · π · 3000/180)}, then the
 * point shifts by (+0.0065°, +0.006°).
 *
 * <p><b>Inverse</b> ({@link #toGcj02}): the usual closed form (subtract the shift, then the polar
 * terms) is off by up to about 2e-6° (0.2 m) because the terms are evaluated at the wrong point, so
 * it is refined by the same fixed-point iteration as {@link Gcj02#toWgs84} to {@link
 * Gcj02#TOLERANCE_DEGREES}.
 *
 * <p>Outside {@link Gcj02#isOutsideChina China's rectangle} Baidu's coordinates are taken to be
 * WGS 84, so every transform here is the identity there, as for GCJ-02.
 *
 * <p>Stateless and thread-safe; O(1) per point.
 */
public final class Bd09 {
    /** π · 3000 / 180: the frequency of Baidu's polar terms. */
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private static final double SHIFT_LON_DEGREES = 0.0065;
    private static final double SHIFT_LAT_DEGREES = 0.006;

    private Bd09() {}

    /** GCJ-02 → BD-09; the identity outside China. */
    public static LonLat fromGcj02(double lon, double lat) {
        if (Gcj02.isOutsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new LonLat(z * Math.cos(theta) + SHIFT_LON_DEGREES, z * Math.sin(theta) + SHIFT_LAT_DEGREES);
    }

    /** BD-09 → GCJ-02: closed-form start, then fixed-point iteration; the identity outside China. */
    public static LonLat toGcj02(double lon, double lat) {
        if (Gcj02.isOutsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double x = lon - SHIFT_LON_DEGREES;
        double y = lat - SHIFT_LAT_DEGREES;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        double gcjLon = z * Math.cos(theta);
        double gcjLat = z * Math.sin(theta);
        for (int i = 0; i < Gcj02.MAX_ITERATIONS; i++) {
            LonLat forward = fromGcj02(gcjLon, gcjLat);
            double dLon = forward.lon() - lon;
            double dLat = forward.lat() - lat;
            gcjLon -= dLon;
            gcjLat -= dLat;
            if (Math.abs(dLon) < Gcj02.TOLERANCE_DEGREES && Math.abs(dLat) < Gcj02.TOLERANCE_DEGREES) {
                break;
            }
        }
        return new LonLat(gcjLon, gcjLat);
    }

    /** WGS 84 → BD-09 (through GCJ-02). */
    public static LonLat fromWgs84(double lon, double lat) {
        LonLat gcj = Gcj02.fromWgs84(lon, lat);
        return fromGcj02(gcj.lon(), gcj.lat());
    }

    /** BD-09 → WGS 84 (through GCJ-02). */
    public static LonLat toWgs84(double lon, double lat) {
        LonLat gcj = toGcj02(lon, lat);
        return Gcj02.toWgs84(gcj.lon(), gcj.lat());
    }
}
