package org.lifecircle.web.importer;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Fits a checked geometry to its table's column: communities hold a MultiPolygon, population cells
 * one Polygon, facilities a Point. {@code ST_MakeValid} may return a collection (a bow-tie becomes two
 * triangles, a spike a polygon and a line): the polygons are kept, the rest is dropped.
 */
final class GeometryShapes {
    private GeometryShapes() {}

    static MultiPolygon multiPolygon(Geometry geometry, String what) throws RowRejectedException {
        List<Polygon> polygons = polygons(geometry, what);
        MultiPolygon multi = geometry.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
        return requireValid(multi);
    }

    static Polygon polygon(Geometry geometry, String what) throws RowRejectedException {
        List<Polygon> polygons = polygons(geometry, what);
        if (polygons.size() > 1) {
            throw new RowRejectedException(what + " must be one polygon, got " + polygons.size() + " parts"
                    + (geometry instanceof Polygonal ? "" : " after repair"));
        }
        return requireValid(polygons.get(0));
    }

    /** A point; an area gives a point inside it ({@code ST_PointOnSurface}). */
    static Point point(Geometry geometry, String what) throws RowRejectedException {
        if (geometry instanceof Point p) {
            return p;
        }
        if (geometry instanceof MultiPoint mp && mp.getNumGeometries() == 1) {
            return (Point) mp.getGeometryN(0);
        }
        if (geometry instanceof Polygonal && !geometry.isEmpty()) {
            return geometry.getInteriorPoint();
        }
        throw new RowRejectedException(what + " need points (or areas), got " + geometry.getGeometryType()
                + (geometry instanceof MultiPoint ? " of " + geometry.getNumGeometries() + " points" : ""));
    }

    private static List<Polygon> polygons(Geometry geometry, String what) throws RowRejectedException {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
        polygons.removeIf(Geometry::isEmpty);
        if (polygons.isEmpty()) {
            throw new RowRejectedException(what + " need polygons, got " + geometry.getGeometryType());
        }
        return polygons;
    }

    private static <G extends Geometry> G requireValid(G geometry) throws RowRejectedException {
        if (!geometry.isValid()) {
            throw new RowRejectedException("geometry still invalid after repair");
        }
        return geometry;
    }
}
