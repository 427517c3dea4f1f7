package org.lifecircle.datasets.importer.osm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds EPSG:4326 geometries and Gauss-Krüger measures from OSM node references.
 *
 * <p>Ways of an extract may reference nodes the file lacks; {@link #knownRuns} splits a way into
 * its runs of known nodes, so lines keep what is inside the extract and areas with a gap are
 * dropped (an area cannot be closed without its nodes). Multipolygon relations are assembled by
 * polygonizing the outer member ways and subtracting the polygonized inner ones (the approach of the
 * OSM wiki's "Relation:multipolygon/Algorithm", done with JTS's {@link Polygonizer}); member ways
 * need not be split or ordered at ring boundaries. Invalid results (self-touching rings, crossing
 * members) are repaired with {@link GeometryFixer}.
 *
 * <p>Not thread-safe (it shares the caller's {@link NodeCoordinates}).
 */
final class OsmGeometryBuilder {
    private static final GeometryFactory LON_LAT = MetricProjection.lonLatFactory();

    private final OsmElements elements;
    private final NodeCoordinates nodes;
    private final MetricProjection projection;

    OsmGeometryBuilder(OsmElements elements, MetricProjection projection) {
        this.elements = elements;
        this.nodes = elements.nodes();
        this.projection = projection;
    }

    /**
     * The runs of consecutive known nodes of a way, as node indexes, repeated references dropped;
     * runs of one node are left out.
     */
    List<int[]> knownRuns(long[] nodeIds) {
        List<int[]> runs = new ArrayList<>(1);
        int[] run = new int[nodeIds.length];
        int length = 0;
        for (long id : nodeIds) {
            int index = nodes.knownIndexOf(id);
            if (index < 0) {
                if (length >= 2) {
                    runs.add(Arrays.copyOf(run, length));
                }
                length = 0;
                continue;
            }
            if (length > 0 && run[length - 1] == index) {
                continue;
            }
            run[length++] = index;
        }
        if (length >= 2) {
            runs.add(Arrays.copyOf(run, length));
        }
        return runs;
    }

    /** References to nodes the file lacks. */
    int missingNodeCount(long[] nodeIds) {
        int missing = 0;
        for (long id : nodeIds) {
            if (nodes.knownIndexOf(id) < 0) {
                missing++;
            }
        }
        return missing;
    }

    /** A line through node indexes [from, to] of a run, in EPSG:4326. */
    LineString line(int[] run, int from, int to) {
        Coordinate[] coordinates = new Coordinate[to - from + 1];
        for (int i = from; i <= to; i++) {
            coordinates[i - from] = new Coordinate(nodes.longitude(run[i]), nodes.latitude(run[i]));
        }
        return LON_LAT.createLineString(coordinates);
    }

    /** Planar length in the Gauss-Krüger zone of node indexes [from, to] of a run. */
    double lengthMeters(int[] run, int from, int to) {
        double meters = 0;
        for (int i = from; i < to; i++) {
            double dx = nodes.x(run[i + 1]) - nodes.x(run[i]);
            double dy = nodes.y(run[i + 1]) - nodes.y(run[i]);
            meters += Math.sqrt(dx * dx + dy * dy);
        }
        return meters;
    }

    /** The lines of a way's known runs, in EPSG:4326. */
    List<LineString> lines(OsmWay way) {
        List<LineString> lines = new ArrayList<>();
        for (int[] run : knownRuns(way.nodeIds())) {
            lines.add(line(run, 0, run.length - 1));
        }
        return lines;
    }

    /**
     * The area of a closed way in EPSG:4326, repaired if invalid; {@code null} when a node is missing
     * or the ring encloses nothing.
     */
    Geometry area(OsmWay way) {
        if (!way.isClosed() || missingNodeCount(way.nodeIds()) > 0) {
            return null;
        }
        List<int[]> runs = knownRuns(way.nodeIds());
        if (runs.size() != 1 || runs.get(0).length < 4) {
            return null;
        }
        int[] ring = runs.get(0);
        Coordinate[] coordinates = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            coordinates[i] = new Coordinate(nodes.longitude(ring[i]), nodes.latitude(ring[i]));
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            return null;
        }
        Polygon polygon = LON_LAT.createPolygon(coordinates);
        return polygonal(polygon.isValid() ? polygon : GeometryFixer.fix(polygon));
    }

    /**
     * The area of a multipolygon relation in EPSG:4326; {@code null} when its outer members close no
     * ring (members missing from the extract).
     */
    Geometry area(OsmMultipolygon relation) {
        Geometry outer = polygonize(relation.outerWayIds());
        if (outer == null) {
            return null;
        }
        Geometry inner = polygonize(relation.innerWayIds());
        Geometry area = inner == null ? outer : outer.difference(inner);
        if (!area.isValid()) {
            area = GeometryFixer.fix(area);
        }
        return polygonal(area);
    }

    private Geometry polygonize(long[] wayIds) {
        if (wayIds.length == 0) {
            return null;
        }
        List<LineString> lines = new ArrayList<>();
        for (long wayId : wayIds) {
            OsmWay way = elements.way(wayId);
            if (way != null) {
                lines.addAll(lines(way));
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        // Member ways may cross or overlap where mappers erred; noding them first keeps the
        // polygonizer from silently dropping such rings.
        Geometry noded = UnaryUnionOp.union(lines);
        Polygonizer polygonizer = new Polygonizer(true);
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> polygons = polygonizer.getPolygons();
        if (polygons.isEmpty()) {
            return null;
        }
        return UnaryUnionOp.union(polygons);
    }

    private static Geometry polygonal(Geometry geometry) {
        if (geometry == null || geometry.isEmpty() || !(geometry instanceof Polygonal)) {
            return null;
        }
        geometry.setSRID(LON_LAT.getSRID());
        return geometry;
    }

    /** Area in square metres in the Gauss-Krüger zone of an EPSG:4326 geometry. */
    double areaSquareMeters(Geometry lonLat) {
        return projection.toMeters(lonLat).getArea();
    }
}
