package org.lifecircle.core.graph;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.domain.RoadEdge;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Test networks laid out in local metres around central Nanjing (118.78°E, 32.05°N) and converted
 * to EPSG:4326 through the CGCS2000 zone the graph will pick (EPSG:4549), so a fixture drawn in
 * metres comes back in the graph's metres to well under a millimetre.
 */
public final class TestNetworks {
    public static final MetricProjection ZONE = MetricProjection.gaussKrugerFor(118.78);
    public static final double ORIGIN_X_METERS;
    public static final double ORIGIN_Y_METERS;
    private static final GeometryFactory LON_LAT = MetricProjection.lonLatFactory();

    static {
        CoordinateTransform forward = ZONE.newToMetersTransform();
        ProjCoordinate out = forward.transform(new ProjCoordinate(118.78, 32.05), new ProjCoordinate());
        ORIGIN_X_METERS = out.x;
        ORIGIN_Y_METERS = out.y;
    }

    private TestNetworks() {}

    /** Longitude/latitude of a point given in metres east and north of the origin. */
    public static double[] lonLat(double eastMeters, double northMeters) {
        ProjCoordinate out = ZONE.newToLonLatTransform()
                .transform(
                        new ProjCoordinate(ORIGIN_X_METERS + eastMeters, ORIGIN_Y_METERS + northMeters),
                        new ProjCoordinate());
        return new double[] {out.x, out.y};
    }

    /** A polyline given as local metre pairs, in EPSG:4326. */
    public static LineString lonLatLine(double... eastNorthMeters) {
        Coordinate[] coordinates = new Coordinate[eastNorthMeters.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            double[] ll = lonLat(eastNorthMeters[2 * i], eastNorthMeters[2 * i + 1]);
            coordinates[i] = new Coordinate(ll[0], ll[1]);
        }
        return LON_LAT.createLineString(coordinates);
    }

    /** A polygon ring given as local metre pairs (closed automatically), in EPSG:4326. */
    public static Geometry lonLatPolygon(double... eastNorthMeters) {
        Coordinate[] coordinates = new Coordinate[eastNorthMeters.length / 2 + 1];
        for (int i = 0; i < coordinates.length - 1; i++) {
            double[] ll = lonLat(eastNorthMeters[2 * i], eastNorthMeters[2 * i + 1]);
            coordinates[i] = new Coordinate(ll[0], ll[1]);
        }
        coordinates[coordinates.length - 1] = coordinates[0].copy();
        return LON_LAT.createPolygon(coordinates);
    }

    /** An edge along a polyline of local metre pairs, its cost the polyline's planar length. */
    public static RoadEdge edge(long source, long target, double... eastNorthMeters) {
        double length = 0;
        for (int i = 2; i < eastNorthMeters.length; i += 2) {
            length += Math.hypot(
                    eastNorthMeters[i] - eastNorthMeters[i - 2], eastNorthMeters[i + 1] - eastNorthMeters[i - 1]);
        }
        return edgeWithLength(source, target, length, eastNorthMeters);
    }

    /** An edge with an explicit cost. */
    public static RoadEdge edgeWithLength(long source, long target, double lengthMeters, double... eastNorthMeters) {
        return new RoadEdge(source, target, lonLatLine(eastNorthMeters), lengthMeters, "footway", false, false, false);
    }

    /**
     * A grid of {@code columns × rows} nodes {@code spacing} metres apart, node id {@code row ×
     * columns + column}, origin at the south-west corner.
     */
    public static List<RoadEdge> grid(int columns, int rows, double spacingMeters) {
        List<RoadEdge> edges = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long id = (long) r * columns + c;
                double x = c * spacingMeters;
                double y = r * spacingMeters;
                if (c + 1 < columns) {
                    edges.add(edge(id, id + 1, x, y, x + spacingMeters, y));
                }
                if (r + 1 < rows) {
                    edges.add(edge(id, id + columns, x, y, x, y + spacingMeters));
                }
            }
        }
        return edges;
    }

    /** Local metres (east, north) of a graph node. */
    public static double[] localMeters(WalkingGraph graph, int node) {
        return new double[] {graph.nodeXMeters(node) - ORIGIN_X_METERS, graph.nodeYMeters(node) - ORIGIN_Y_METERS};
    }
}
