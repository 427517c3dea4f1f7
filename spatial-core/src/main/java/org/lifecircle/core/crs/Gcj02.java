package org.lifecircle.core.crs;

/**
 * GCJ-02 (国测局坐标, "Mars coordinates"): the obfuscated longitude/latitude that maps of mainland
 * China (AMap/Gaode, Tencent, Google China) publish. Points scraped from those maps are offset from
 * WGS 84 by a few hundred metres.
 *
 * <p><b>Forward</b> ({@link #fromWgs84}): the widely published reverse-engineered formula, as in
 * the {@code eviltransform} libraries (googollee/eviltransform, 2014, and the many ports that agree
 * with it to 1e-9°): the offset is a sum of sine terms in (lon − 105°, lat − 35°), scaled from metres
 * to degrees on the Krasovsky 1940 ellipsoid (a = 6 378 245 m, e² = 0.00669342162296594323). The
 * official algorithm is published in no standard (no GB/T); this reverse-engineered formula is the
 * one every open implementation uses. Outside the rectangle {@link #isOutsideChina} the maps use
 * WGS 84, so the transform is the identity there.
 *
 * <p><b>Inverse</b> ({@link #toWgs84}): the formula has no closed-form inverse. Fixed-point
 * iteration {@code wgs ← wgs − (fromWgs84(wgs) − gcj)} converges because the offset changes by less
 * than 1e-4 per unit of position (its Jacobian is close to the identity): each step gains about four
 * digits, so three to four steps reach the stop at a change below {@link #TOLERANCE_DEGREES} (about
 * 0.1 mm). Points near the rectangle's edge can map across it; there the inverse returns the best
 * estimate after {@link #MAX_ITERATIONS}.
 *
 * <p>Stateless and thread-safe; O(1) per point.
 */
public final class Gcj02 {
    /** Semi-major axis of the Krasovsky 1940 ellipsoid, metres, as the formula uses it. */
    static final double KRASOVSKY_A_METERS = 6378245.0;
    /** First eccentricity squared of the Krasovsky 1940 ellipsoid. */
    static final double KRASOVSKY_EE = 0.00669342162296594323;

    /** Stop when one iteration moves the estimate by less than this (≈ 0.1 mm). */
    static final double TOLERANCE_DEGREES = 1e-9;
    /** Ten steps are far more than convergence needs; the cap only guards the rectangle's edge. */
    static final int MAX_ITERATIONS = 10;

    /** The rectangle where the maps apply the offset, as in eviltransform. */
    private static final double MIN_LON = 72.004;

    private static final double MAX_LON = 137.8347;
    private static final double MIN_LAT = 0.8293;
    private static final double MAX_LAT = 55.8271;

    private Gcj02() {}

    /** Whether a point lies outside the rectangle where GCJ-02 differs from WGS 84. */
    public static boolean isOutsideChina(double lon, double lat) {
        return lon < MIN_LON || lon > MAX_LON || lat < MIN_LAT || lat > MAX_LAT;
    }

    /** WGS 84 → GCJ-02; the identity outside China. */
    public static LonLat fromWgs84(double lon, double lat) {
        if (isOutsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double[] offset = offsetDegrees(lon, lat);
        return new LonLat(lon + offset[0], lat + offset[1]);
    }

    /** GCJ-02 → WGS 84 by fixed-point iteration to {@link #TOLERANCE_DEGREES}. */
    public static LonLat toWgs84(double lon, double lat) {
        double wgsLon = lon;
        double wgsLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            LonLat forward = fromWgs84(wgsLon, wgsLat);
            double dLon = forward.lon() - lon;
            double dLat = forward.lat() - lat;
            wgsLon -= dLon;
            wgsLat -= dLat;
            if (Math.abs(dLon) < TOLERANCE_DEGREES && Math.abs(dLat) < TOLERANCE_DEGREES) {
                break;
            }
        }
        return new LonLat(wgsLon, wgsLat);
    }

    /** The offset GCJ-02 − WGS 84 in degrees {lon, lat} at a WGS 84 point inside China. */
    private static double[] offsetDegrees(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLatMeters = transformLat(x, y);
        double dLonMeters = transformLon(x, y);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        double dLat =
                (dLatMeters * 180.0) / ((KRASOVSKY_A_METERS * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        double dLon = (dLonMeters * 180.0) / (KRASOVSKY_A_METERS / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
