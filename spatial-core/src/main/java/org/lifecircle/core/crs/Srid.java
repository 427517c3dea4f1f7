package org.lifecircle.core.crs;

/** Spatial reference identifiers the project names. Storage is always {@link #WGS84}. */
public final class Srid {
    /** WGS 84 longitude/latitude: every geometry is stored in it. */
    public static final int WGS84 = 4326;
    /** Web Mercator, for tiles and web maps. */
    public static final int WEB_MERCATOR = 3857;
    /** CGCS2000 geographic; differs from WGS 84 by centimetres, latitude-first in WMS 1.3. */
    public static final int CGCS2000 = 4490;
    /** First CGCS2000 3-degree Gauss-Krüger zone with central meridian in the name (CM 75°E). */
    public static final int CGCS2000_GK3_CM_FIRST = 4534;
    /** Last CGCS2000 3-degree Gauss-Krüger zone with central meridian in the name (CM 135°E). */
    public static final int CGCS2000_GK3_CM_LAST = 4554;

    private Srid() {}

    /**
     * The CGCS2000 3-degree Gauss-Krüger zone (central meridian in the name, no false-easting zone
     * prefix) that holds a longitude: central meridian 3 × round(lon / 3), EPSG:4534 for 75°E up to
     * EPSG:4554 for 135°E.
     *
     * @throws IllegalArgumentException outside China's 73.5°E–136.5°E
     */
    public static int gaussKrugerZoneFor(double longitude) {
        int centralMeridian = 3 * (int) Math.round(longitude / 3.0);
        if (centralMeridian < 75 || centralMeridian > 135) {
            throw new IllegalArgumentException(
                    "Longitude " + longitude + " is outside the CGCS2000 3-degree zones (73.5°E to 136.5°E)");
        }
        return CGCS2000_GK3_CM_FIRST + (centralMeridian - 75) / 3;
    }

    /** Central meridian in degrees east of a CGCS2000 3-degree zone SRID. */
    public static int centralMeridianOf(int gaussKrugerSrid) {
        if (gaussKrugerSrid < CGCS2000_GK3_CM_FIRST || gaussKrugerSrid > CGCS2000_GK3_CM_LAST) {
            throw new IllegalArgumentException("Not a CGCS2000 3-degree CM zone: EPSG:" + gaussKrugerSrid);
        }
        return 75 + 3 * (gaussKrugerSrid - CGCS2000_GK3_CM_FIRST);
    }
}
