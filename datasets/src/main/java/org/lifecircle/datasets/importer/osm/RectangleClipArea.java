package org.lifecircle.datasets.importer.osm;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The area of a polygonal geometry inside an axis-aligned rectangle, by clipping each ring against
 * the rectangle's four sides (I. E. Sutherland and G. W. Hodgman, "Reentrant Polygon Clipping",
 * <i>Communications of the ACM</i> 17(1), 1974, 32–42, doi:10.1145/360767.360802) and taking the
 * shoelace area of the result; holes are subtracted. A concave ring may clip into pieces joined by
 * edges running along the rectangle's border; those edges enclose no area, so the area is exact.
 *
 * <p>O(ring vertices) per rectangle with no allocation beyond reused coordinate buffers, against a general
 * polygon overlay per cell: the difference that matters when half of a city's buildings straddle a
 * cell border. An instance reuses its buffers and is not thread-safe.
 */
final class RectangleClipArea {
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private double[] nextXs = new double[64];
    private double[] nextYs = new double[64];
    private int count;

    /** Area of a polygon or multipolygon inside [minX, maxX] × [minY, maxY]. */
    double areaInside(Geometry polygonal, double minX, double minY, double maxX, double maxY) {
        double area = 0;
        for (int p = 0; p < polygonal.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) polygonal.getGeometryN(p);
            area += ringArea(polygon.getExteriorRing().getCoordinateSequence(), minX, minY, maxX, maxY);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                area -= ringArea(polygon.getInteriorRingN(h).getCoordinateSequence(), minX, minY, maxX, maxY);
            }
        }
        return area;
    }

    private double ringArea(CoordinateSequence ring, double minX, double minY, double maxX, double maxY) {
        int n = ring.size() - 1; // the closing coordinate repeats the first
        ensureCapacity(2 * n + 8);
        count = n;
        // Coordinates relative to the rectangle's corner: projected coordinates are millions of
        // metres, and their products in the shoelace sum would cancel away the digits of the area.
        for (int i = 0; i < n; i++) {
            xs[i] = ring.getX(i) - minX;
            ys[i] = ring.getY(i) - minY;
        }
        clip(0, true, true);
        clip(maxX - minX, true, false);
        clip(0, false, true);
        clip(maxY - minY, false, false);
        double twiceArea = 0;
        for (int i = 0; i < count; i++) {
            int j = i + 1 == count ? 0 : i + 1;
            twiceArea += xs[i] * ys[j] - xs[j] * ys[i];
        }
        return Math.abs(twiceArea) / 2;
    }

    /**
     * Keeps the part of the current ring on the inner side of one border line.
     *
     * @param onX the border is {@code x = value} (else {@code y = value})
     * @param keepAbove the inner side is {@code >= value} (else {@code <= value})
     */
    private void clip(double value, boolean onX, boolean keepAbove) {
        int out = 0;
        for (int i = 0; i < count; i++) {
            int previous = i == 0 ? count - 1 : i - 1;
            double px = xs[previous];
            double py = ys[previous];
            double cx = xs[i];
            double cy = ys[i];
            boolean previousInside = inside(onX ? px : py, value, keepAbove);
            boolean currentInside = inside(onX ? cx : cy, value, keepAbove);
            if (currentInside != previousInside) {
                double t = ((onX ? px : py) - value) / ((onX ? px : py) - (onX ? cx : cy));
                nextXs[out] = onX ? value : px + t * (cx - px);
                nextYs[out] = onX ? py + t * (cy - py) : value;
                out++;
            }
            if (currentInside) {
                nextXs[out] = cx;
                nextYs[out] = cy;
                out++;
            }
        }
        double[] swapX = xs;
        double[] swapY = ys;
        xs = nextXs;
        ys = nextYs;
        nextXs = swapX;
        nextYs = swapY;
        count = out;
    }

    private static boolean inside(double coordinate, double value, boolean keepAbove) {
        return keepAbove ? coordinate >= value : coordinate <= value;
    }

    private void ensureCapacity(int capacity) {
        if (xs.length < capacity) {
            xs = new double[capacity];
            ys = new double[capacity];
            nextXs = new double[capacity];
            nextYs = new double[capacity];
        }
    }
}
