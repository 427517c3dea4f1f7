package org.lifecircle.datasets.demo;

import org.lifecircle.core.crs.Srid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Places the grid in the CGCS2000 3-degree Gauss-Krüger zone with central meridian 120°E
 * (EPSG:4549) around a fictional place near lon 119.0, lat 31.6, and maps grid positions to
 * EPSG:4326 longitude/latitude with Proj4J.
 *
 * <p>Why a corner cache: a cell edge is shared by two population cells, two communities and often a
 * street. Transforming every corner once and reusing the stored coordinate makes those shared
 * vertices bit-identical, so point-in-community tests and polygon unions in PostGIS see exact
 * shared boundaries instead of centimetre slivers. Coordinates are rounded to 7 decimals (about
 * 1 cm), which is what the GeoJSON writer emits anyway.
 *
 * <p>The grid origin is snapped to whole 100 m in the zone, so every corner has round zone
 * coordinates. Not thread-safe (Proj4J transforms keep scratch state).
 */
final class GridCornerProjection {
    /** CGCS2000 / 3-degree Gauss-Krüger CM 120°E: the zone the grid is laid out in. */
    static final int GAUSS_KRUGER_SRID = 4549;
    /** Fictional place between Nanjing and Changzhou; central meridian 120°E is 1° to the east. */
    static final double CENTRE_LONGITUDE = 119.0;

    static final double CENTRE_LATITUDE = 31.6;
    /** 10^7: rounding to 7 decimal degrees keeps about 1 cm. */
    private static final double DEGREE_SCALE = 1e7;

    private final CellGrid grid;
    private final CoordinateTransform toLonLat;
    private final double originEastingMeters;
    private final double originNorthingMeters;
    private final double[] cornerLongitude;
    private final double[] cornerLatitude;
    private final GeometryFactory geometryFactory = new GeometryFactory(new PrecisionModel(), Srid.WGS84);
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    GridCornerProjection(CellGrid grid) {
        this.grid = grid;
        CRSFactory crsFactory = new CRSFactory();
        CoordinateReferenceSystem zone = crsFactory.createFromName("EPSG:" + GAUSS_KRUGER_SRID);
        CoordinateReferenceSystem lonLat = crsFactory.createFromName("EPSG:" + Srid.WGS84);
        CoordinateTransformFactory transforms = new CoordinateTransformFactory();
        this.toLonLat = transforms.createTransform(zone, lonLat);
        ProjCoordinate centre = new ProjCoordinate();
        transforms
                .createTransform(lonLat, zone)
                .transform(new ProjCoordinate(CENTRE_LONGITUDE, CENTRE_LATITUDE), centre);
        this.originEastingMeters = snapToCell(centre.x - grid.widthMeters() / 2);
        this.originNorthingMeters = snapToCell(centre.y - grid.heightMeters() / 2);
        int corners = grid.cornerCount();
        this.cornerLongitude = new double[corners];
        this.cornerLatitude = new double[corners];
        for (int c = 0; c < corners; c++) {
            toLonLat(grid.iOfCorner(c) * CellGrid.CELL_SIZE_METERS, grid.jOfCorner(c) * CellGrid.CELL_SIZE_METERS);
            cornerLongitude[c] = out.x;
            cornerLatitude[c] = out.y;
        }
    }

    private static double snapToCell(double meters) {
        return Math.floor(meters / CellGrid.CELL_SIZE_METERS) * CellGrid.CELL_SIZE_METERS;
    }

    static double roundDegrees(double degrees) {
        return Math.round(degrees * DEGREE_SCALE) / DEGREE_SCALE;
    }

    /** Transforms grid-relative metres into {@link #out}, rounded. */
    private void toLonLat(double xMeters, double yMeters) {
        in.x = originEastingMeters + xMeters;
        in.y = originNorthingMeters + yMeters;
        toLonLat.transform(in, out);
        out.x = roundDegrees(out.x);
        out.y = roundDegrees(out.y);
    }

    GeometryFactory geometryFactory() {
        return geometryFactory;
    }

    /** Easting in EPSG:4549 of grid corner (0, 0). */
    double originEastingMeters() {
        return originEastingMeters;
    }

    /** Northing in EPSG:4549 of grid corner (0, 0). */
    double originNorthingMeters() {
        return originNorthingMeters;
    }

    /** The cached lon/lat of a grid corner; a new {@link Coordinate} each call, same values. */
    Coordinate corner(int cornerIndex) {
        return new Coordinate(cornerLongitude[cornerIndex], cornerLatitude[cornerIndex]);
    }

    double cornerLongitude(int cornerIndex) {
        return cornerLongitude[cornerIndex];
    }

    double cornerLatitude(int cornerIndex) {
        return cornerLatitude[cornerIndex];
    }

    /** Lon/lat of any grid-relative position in metres (not cached: for points off the corners). */
    Coordinate project(double xMeters, double yMeters) {
        toLonLat(xMeters, yMeters);
        return new Coordinate(out.x, out.y);
    }

    /** The square polygon of a cell, counter-clockwise from its south-west corner. */
    Polygon cellPolygon(int column, int row) {
        Coordinate[] ring = {
            corner(grid.cornerIndex(column, row)),
            corner(grid.cornerIndex(column + 1, row)),
            corner(grid.cornerIndex(column + 1, row + 1)),
            corner(grid.cornerIndex(column, row + 1)),
            corner(grid.cornerIndex(column, row))
        };
        LinearRing shell = geometryFactory.createLinearRing(ring);
        return geometryFactory.createPolygon(shell);
    }

    /** A straight run of grid corners from {@code startCorner}, {@code steps} cells east or north. */
    LineString gridLine(int startCorner, boolean eastward, int steps) {
        Coordinate[] points = new Coordinate[steps + 1];
        int stride = eastward ? 1 : grid.widthCells() + 1;
        for (int k = 0; k <= steps; k++) {
            points[k] = corner(startCorner + k * stride);
        }
        return geometryFactory.createLineString(points);
    }
}
