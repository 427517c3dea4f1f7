package org.lifecircle.web.importer;

import java.math.BigDecimal;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * Catches coordinates that cannot be longitude/latitude in China after the import's CRS handling:
 * latitude beyond ±90° or points outside China's extent. The usual causes are named in the reason:
 * columns swapped (latitude first) or a projected file without its CRS.
 */
final class CoordinateCheck {
    /**
     * China's extent with a margin: 73.5°E–135.1°E, 3.8°N–53.6°N (the land border and the islands of
     * the South China Sea), widened to whole degrees.
     */
    static final Envelope CHINA = new Envelope(73.0, 136.0, 3.0, 54.0);

    private CoordinateCheck() {}

    /** Why the bounds cannot be right, or {@code null} when they lie in China. */
    static String problem(Envelope bounds) {
        if (Math.abs(bounds.getMinX()) > 1000 || Math.abs(bounds.getMinY()) > 1000) {
            return String.format(
                    Locale.ROOT,
                    "coordinates (%.0f, %.0f) look like metres, not degrees: give the file's CRS with"
                            + " --source-crs EPSG:<code>",
                    bounds.getMinX(),
                    bounds.getMinY());
        }
        if (bounds.getMinY() < -90 || bounds.getMaxY() > 90) {
            return String.format(
                    Locale.ROOT,
                    "latitude %s outside ±90°: lat/lon swapped?",
                    number(bounds.getMaxY() > 90 ? bounds.getMaxY() : bounds.getMinY()));
        }
        if (bounds.getMinX() < -180 || bounds.getMaxX() > 180) {
            return String.format(
                    Locale.ROOT,
                    "longitude %s outside ±180°",
                    number(bounds.getMaxX() > 180 ? bounds.getMaxX() : bounds.getMinX()));
        }
        if (!CHINA.contains(bounds)) {
            Envelope swapped = new Envelope(bounds.getMinY(), bounds.getMaxY(), bounds.getMinX(), bounds.getMaxX());
            return String.format(
                    Locale.ROOT,
                    "outside China (lon %s, lat %s): %s",
                    number(bounds.centre().x),
                    number(bounds.centre().y),
                    CHINA.contains(swapped) ? "lat/lon swapped?" : "lat/lon swapped or wrong --source-crs?");
        }
        return null;
    }

    /** Plain decimal text without a trailing zero fraction ({@code 118.78}, {@code 32}). */
    private static String number(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
