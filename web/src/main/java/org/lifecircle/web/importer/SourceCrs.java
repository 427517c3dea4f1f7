package org.lifecircle.web.importer;

import java.util.Locale;
import org.lifecircle.core.crs.ChineseCoordinateSystem;
import org.lifecircle.core.crs.Srid;

/**
 * The coordinate system of an imported file's coordinates.
 *
 * @param kind {@link Kind#FILE}: what the file says (EPSG:4326 assumed, with a warning, when it says
 *     nothing); {@link Kind#EPSG}: the code given; {@link Kind#CHINESE_MAP}: longitude/latitude of a
 *     Chinese web map, converted vertex by vertex
 * @param epsg the EPSG code for {@link Kind#EPSG}, else 0
 * @param chineseSystem GCJ-02 or BD-09 for {@link Kind#CHINESE_MAP}, else {@code null}
 */
public record SourceCrs(Kind kind, int epsg, ChineseCoordinateSystem chineseSystem) {
    /** Largest SRID PostGIS accepts. */
    private static final int MAX_SRID = 998_999;

    public static final SourceCrs FILE = new SourceCrs(Kind.FILE, 0, null);

    public enum Kind {
        FILE,
        EPSG,
        CHINESE_MAP
    }

    public SourceCrs {
        if (kind == Kind.EPSG && (epsg <= 0 || epsg > MAX_SRID)) {
            throw new IllegalArgumentException("EPSG code must be between 1 and " + MAX_SRID + ", got " + epsg);
        }
        if ((kind == Kind.CHINESE_MAP) != (chineseSystem != null && chineseSystem != ChineseCoordinateSystem.WGS84)) {
            throw new IllegalArgumentException("A Chinese map system (gcj02, bd09) goes with kind CHINESE_MAP only");
        }
    }

    /**
     * {@code EPSG:4549} (or just {@code 4549}), {@code wgs84}, {@code cgcs2000}, {@code gcj02} or
     * {@code bd09}, any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    static SourceCrs parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "wgs84", "wgs-84" -> {
                return new SourceCrs(Kind.EPSG, Srid.WGS84, null);
            }
            case "cgcs2000" -> {
                return new SourceCrs(Kind.EPSG, Srid.CGCS2000, null);
            }
            case "gcj02", "gcj-02" -> {
                return new SourceCrs(Kind.CHINESE_MAP, 0, ChineseCoordinateSystem.GCJ02);
            }
            case "bd09", "bd-09", "bd09ll" -> {
                return new SourceCrs(Kind.CHINESE_MAP, 0, ChineseCoordinateSystem.BD09);
            }
            default -> {
                String digits = key.startsWith("epsg:") ? key.substring(5) : key;
                if (!digits.matches("[0-9]{1,7}")) {
                    throw new IllegalArgumentException(
                            "source CRS must be EPSG:<code>, gcj02 or bd09, got '" + text.trim() + "'");
                }
                return new SourceCrs(Kind.EPSG, Integer.parseInt(digits), null);
            }
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FILE -> "the file's own CRS";
            case EPSG -> "EPSG:" + epsg;
            case CHINESE_MAP -> chineseSystem.name();
        };
    }
}
