package org.lifecircle.core.graph;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.lifecircle.core.crs.Srid;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A pair of coordinate reference systems: EPSG:4326 longitude/latitude and a projected CRS in
 * metres in which lengths, buffers and areas are measured. Two kinds are built:
 *
 * <ul>
 *   <li>{@link #gaussKrugerFor(double)}: the CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534–4554)
 *       of a longitude, as the design brief prescribes for measuring (scale error below 0.03 % within
 *       the zone at Chinese latitudes);
 *   <li>{@link #azimuthalEquidistantAt(double, double)}: an oblique azimuthal equidistant projection
 *       on the GRS80 ellipsoid centred on a point, in which the distance from the centre equals the
 *       geodesic distance (Snyder, <i>Map Projections — A Working Manual</i>, USGS Professional Paper
 *       1395, 1987, §25; Proj4J evaluates it with Karney's geodesic algorithms).
 * </ul>
 *
 * <p>CGCS2000 and WGS 84 differ by centimetres, so no datum shift is applied between EPSG:4326 and
 * the GRS80-based projections (Proj4J skips it because the CGCS2000 definitions carry no
 * {@code towgs84}).
 *
 * <p>Immutable and thread-safe. Proj4J does not document its transforms as thread-safe, so every
 * geometry transformation creates its own transform, and {@link #newToMetersTransform()} hands out
 * a fresh one that the caller must confine to one thread.
 */
public final class MetricProjection {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    /** Proj4J scans its EPSG file for every lookup; a process needs the same few. */
    private static final Map<String, CoordinateReferenceSystem> CRS_BY_NAME = new ConcurrentHashMap<>();

    private static final GeometryFactory LON_LAT_FACTORY = new GeometryFactory(new PrecisionModel(), Srid.WGS84);

    private final CoordinateReferenceSystem lonLatCrs;
    private final CoordinateReferenceSystem metricCrs;
    private final int metricSrid;
    private final GeometryFactory metricFactory;

    private MetricProjection(CoordinateReferenceSystem metricCrs, int metricSrid) {
        this.lonLatCrs = crsFromName("EPSG:" + Srid.WGS84);
        this.metricCrs = metricCrs;
        this.metricSrid = metricSrid;
        this.metricFactory = new GeometryFactory(new PrecisionModel(), metricSrid);
    }

    /**
     * The CGCS2000 3-degree Gauss-Krüger zone holding a longitude.
     *
     * @throws IllegalArgumentException outside China's zones, see {@link Srid#gaussKrugerZoneFor}
     */
    public static MetricProjection gaussKrugerFor(double longitude) {
        int srid = Srid.gaussKrugerZoneFor(longitude);
        return new MetricProjection(crsFromName("EPSG:" + srid), srid);
    }

    /**
     * An azimuthal equidistant projection centred on a point: distances from the centre are
     * geodesic distances on GRS80. The projected CRS has no EPSG code; its geometries carry SRID 0.
     */
    public static MetricProjection azimuthalEquidistantAt(double longitude, double latitude) {
        if (!(Math.abs(longitude) <= 180) || !(Math.abs(latitude) <= 90)) {
            throw new IllegalArgumentException("Not a longitude/latitude: " + longitude + ", " + latitude);
        }
        String parameters = "+proj=aeqd +lat_0=" + latitude + " +lon_0=" + longitude
                + " +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs";
        return new MetricProjection(crsFromParameters("aeqd", parameters), 0);
    }

    private static CoordinateReferenceSystem crsFromName(String name) {
        return CRS_BY_NAME.computeIfAbsent(name, MetricProjection::parseName);
    }

    private static synchronized CoordinateReferenceSystem parseName(String name) {
        return CRS_FACTORY.createFromName(name);
    }

    private static synchronized CoordinateReferenceSystem crsFromParameters(String name, String parameters) {
        return CRS_FACTORY.createFromParameters(name, parameters);
    }

    /** EPSG code of the projected CRS, 0 when it has none (azimuthal equidistant). */
    public int metricSrid() {
        return metricSrid;
    }

    /** Factory for geometries in the projected CRS (SRID {@link #metricSrid()}). */
    public GeometryFactory metricFactory() {
        return metricFactory;
    }

    /** Factory for geometries in EPSG:4326. */
    public static GeometryFactory lonLatFactory() {
        return LON_LAT_FACTORY;
    }

    /** A new lon/lat → metres transform; not to be shared between threads. */
    public CoordinateTransform newToMetersTransform() {
        return new BasicCoordinateTransform(lonLatCrs, metricCrs);
    }

    /** A new metres → lon/lat transform; not to be shared between threads. */
    public CoordinateTransform newToLonLatTransform() {
        return new BasicCoordinateTransform(metricCrs, lonLatCrs);
    }

    /** A copy of an EPSG:4326 geometry in the projected CRS. */
    public Geometry toMeters(Geometry lonLat) {
        return transformed(lonLat, newToMetersTransform(), metricFactory);
    }

    /** A copy of a projected geometry in EPSG:4326, SRID 4326. */
    public Geometry toLonLat(Geometry meters) {
        return transformed(meters, newToLonLatTransform(), LON_LAT_FACTORY);
    }

    /**
     * Transforms x/y of every coordinate of a copy of a geometry; z and m are kept.
     *
     * @param transform confined to the calling thread
     * @param target factory of the result (sets its SRID)
     */
    public static Geometry transformed(Geometry geometry, CoordinateTransform transform, GeometryFactory target) {
        Objects.requireNonNull(geometry, "geometry");
        Geometry copy = target.createGeometry(geometry);
        copy.apply(new TransformFilter(transform));
        copy.geometryChanged();
        return copy;
    }

    /** Applies a Proj4J transform to each coordinate in place. */
    private static final class TransformFilter implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        TransformFilter(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence sequence, int i) {
            in.x = sequence.getX(i);
            in.y = sequence.getY(i);
            transform.transform(in, out);
            sequence.setOrdinate(i, CoordinateSequence.X, out.x);
            sequence.setOrdinate(i, CoordinateSequence.Y, out.y);
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
