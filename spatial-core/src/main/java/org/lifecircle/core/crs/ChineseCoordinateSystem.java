package org.lifecircle.core.crs;

import java.util.Locale;

/**
 * The longitude/latitude systems that Chinese web maps publish: {@link #WGS84} (GPS, OpenStreetMap,
 * Tianditu's CGCS2000 within centimetres), {@link #GCJ02} (AMap/Gaode, Tencent) and {@link #BD09}
 * (Baidu). The offsets between them are hundreds of metres, so data scraped from a map must be
 * converted before it is stored in EPSG:4326.
 */
public enum ChineseCoordinateSystem {
    WGS84,
    GCJ02,
    BD09;

    /** A point of this system in WGS 84. */
    public LonLat toWgs84(double lon, double lat) {
        return switch (this) {
            case WGS84 -> new LonLat(lon, lat);
            case GCJ02 -> Gcj02.toWgs84(lon, lat);
            case BD09 -> Bd09.toWgs84(lon, lat);
        };
    }

    /** A WGS 84 point in this system. */
    public LonLat fromWgs84(double lon, double lat) {
        return switch (this) {
            case WGS84 -> new LonLat(lon, lat);
            case GCJ02 -> Gcj02.fromWgs84(lon, lat);
            case BD09 -> Bd09.fromWgs84(lon, lat);
        };
    }

    /**
     * {@code wgs84}, {@code gcj02} or {@code bd09}, any case, with or without a hyphen.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ChineseCoordinateSystem parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        return switch (key) {
            case "wgs84" -> WGS84;
            case "gcj02" -> GCJ02;
            case "bd09", "bd09ll" -> BD09;
            default ->
                throw new IllegalArgumentException(
                        "Coordinate system must be wgs84, gcj02 or bd09, got '" + name + "'");
        };
    }
}
