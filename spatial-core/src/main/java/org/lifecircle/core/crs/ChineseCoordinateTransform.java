package org.lifecircle.core.crs;

import java.util.Objects;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Converts JTS geometries between the {@link ChineseCoordinateSystem}s vertex by vertex: points,
 * every vertex of lines and polygon rings. The offsets vary by under 1e-4 of the distance between
 * two vertices, so shapes keep their topology; long straight edges are not densified (an edge of a
 * few kilometres bends by millimetres).
 *
 * <p>Geometries keep their factory and SRID (the caller labels them). Thread-safe: the transform
 * holds only its two systems.
 */
public final class ChineseCoordinateTransform {
    private final ChineseCoordinateSystem from;
    private final ChineseCoordinateSystem to;

    public ChineseCoordinateTransform(ChineseCoordinateSystem from, ChineseCoordinateSystem to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /** From a Chinese map's system to WGS 84. */
    public static Geometry toWgs84(Geometry geometry, ChineseCoordinateSystem from) {
        return new ChineseCoordinateTransform(from, ChineseCoordinateSystem.WGS84).transform(geometry);
    }

    /** A converted copy; the input is not changed. */
    public Geometry transform(Geometry geometry) {
        Geometry copy = geometry.copy();
        if (from != to) {
            copy.apply(new VertexFilter());
            copy.geometryChanged();
        }
        return copy;
    }

    /** One point. */
    public LonLat transform(double lon, double lat) {
        if (from == to) {
            return new LonLat(lon, lat);
        }
        LonLat wgs = from.toWgs84(lon, lat);
        return to.fromWgs84(wgs.lon(), wgs.lat());
    }

    private final class VertexFilter implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence sequence, int i) {
            LonLat converted = transform(sequence.getX(i), sequence.getY(i));
            sequence.setOrdinate(i, CoordinateSequence.X, converted.lon());
            sequence.setOrdinate(i, CoordinateSequence.Y, converted.lat());
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
