package org.lifecircle.datasets.importer.osm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.lifecircle.core.graph.MetricProjection;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.RecordingSink;
import org.lifecircle.datasets.importer.ImportReport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * A small synthetic OSM file around lon 118.78, lat 32.04 (central Nanjing, zone EPSG:4549), with
 * node positions given in metres east and north of that point, and the result of importing it.
 */
final class OsmFixture {
    static final double ORIGIN_LONGITUDE = 118.78;
    static final double ORIGIN_LATITUDE = 32.04;
    /** Metres per degree at the origin, near enough for placing test nodes. */
    private static final double METERS_PER_DEGREE_LONGITUDE = 94_400;

    private static final double METERS_PER_DEGREE_LATITUDE = 110_900;

    final TestPbfWriter pbf = new TestPbfWriter();

    OsmFixture node(long id, double eastMeters, double northMeters, String... tags) {
        pbf.node(
                id,
                ORIGIN_LONGITUDE + eastMeters / METERS_PER_DEGREE_LONGITUDE,
                ORIGIN_LATITUDE + northMeters / METERS_PER_DEGREE_LATITUDE,
                tags);
        return this;
    }

    /**
     * A closed way around a rectangle; its four nodes get ids {@code wayId * 10 + 1…4}.
     */
    OsmFixture rectangle(long wayId, double east0, double north0, double east1, double north1, String... tags) {
        long first = wayId * 10;
        node(first + 1, east0, north0);
        node(first + 2, east1, north0);
        node(first + 3, east1, north1);
        node(first + 4, east0, north1);
        return way(wayId, new long[] {first + 1, first + 2, first + 3, first + 4, first + 1}, tags);
    }

    /** The EPSG:4326 polygon {@link #rectangle} writes, as the file stores it (to 10^-7 degree). */
    static Polygon rectangle(double east0, double north0, double east1, double north1) {
        Coordinate[] ring = {
            lonLat(east0, north0),
            lonLat(east1, north0),
            lonLat(east1, north1),
            lonLat(east0, north1),
            lonLat(east0, north0)
        };
        return MetricProjection.lonLatFactory().createPolygon(ring);
    }

    private static Coordinate lonLat(double east, double north) {
        double lon = ORIGIN_LONGITUDE + east / METERS_PER_DEGREE_LONGITUDE;
        double lat = ORIGIN_LATITUDE + north / METERS_PER_DEGREE_LATITUDE;
        return new Coordinate(Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7);
    }

    OsmFixture way(long id, long[] nodeIds, String... tags) {
        pbf.way(id, nodeIds, tags);
        return this;
    }

    OsmFixture relation(long id, long[] wayIds, String[] roles, String... tags) {
        pbf.relation(id, wayIds, roles, tags);
        return this;
    }

    /** What an import of the fixture gave. */
    record Imported(OsmExtract extract, RecordingSink sink, ImportReport report) {}

    Imported importWith(Path dir, OsmImportOptions options) {
        try {
            Path file = dir.resolve("fixture.osm.pbf");
            pbf.writeTo(file);
            OsmPbfImporter importer =
                    new OsmPbfImporter(options, OsmFacilityMapping.defaults(StandardsCatalog.national()));
            OsmExtract extract = importer.extract(file, ProgressListener.NONE);
            RecordingSink sink = new RecordingSink();
            ImportReport report = importer.importInto(file, sink, ProgressListener.NONE);
            return new Imported(extract, sink, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Imported importWith(Path dir) {
        return importWith(dir, OsmImportOptions.defaults());
    }

    static long[] ids(long... ids) {
        return ids;
    }
}
