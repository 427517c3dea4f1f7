package org.lifecircle.datasets.importer.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class RectangleClipAreaTest {
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private final RectangleClipArea clipper = new RectangleClipArea();

    private void checkAreaInside(String wkt, Envelope rectangle) throws ParseException {
        Geometry polygon = new WKTReader(FACTORY).read(wkt);
        double expected = polygon.intersection(FACTORY.toGeometry(rectangle)).getArea();
        double actual = clipper.areaInside(
                polygon, rectangle.getMinX(), rectangle.getMinY(), rectangle.getMaxX(), rectangle.getMaxY());
        assertThat(actual).isCloseTo(expected, within(1e-9));
    }

    @Test
    void squareAcrossACellBorderIsSplitByArea() throws ParseException {
        String square = "POLYGON ((80 10, 120 10, 120 20, 80 20, 80 10))";
        checkAreaInside(square, new Envelope(0, 100, 0, 100));
        checkAreaInside(square, new Envelope(100, 200, 0, 100));
        assertThat(clipper.areaInside(new WKTReader(FACTORY).read(square), 0, 0, 100, 100))
                .isCloseTo(200, within(1e-9));
    }

    @Test
    void concaveRingClippedIntoTwoPiecesKeepsItsExactArea() throws ParseException {
        // A U shape whose two arms cross into the next cell above.
        String u = "POLYGON ((10 50, 90 50, 90 150, 70 150, 70 80, 30 80, 30 150, 10 150, 10 50))";
        checkAreaInside(u, new Envelope(0, 100, 100, 200));
        checkAreaInside(u, new Envelope(0, 100, 0, 100));
    }

    @Test
    void holesAndMultipolygonPartsCount() throws ParseException {
        checkAreaInside(
                "POLYGON ((0 0, 200 0, 200 50, 0 50, 0 0), (90 10, 110 10, 110 40, 90 40, 90 10))",
                new Envelope(0, 100, 0, 100));
        checkAreaInside(
                "MULTIPOLYGON (((0 0, 50 0, 50 50, 0 50, 0 0)), ((150 0, 250 0, 250 50, 150 50, 150 0)))",
                new Envelope(100, 200, 0, 100));
    }

    @Test
    void gaussKrugerCoordinatesOfMillionsOfMetresKeepTheDigitsOfTheArea() throws ParseException {
        Geometry building = new WKTReader(FACTORY)
                .read("POLYGON ((385080 3546040, 385120 3546040.001, 385120 3546050, 385080 3546050, 385080 3546040))");
        double left = clipper.areaInside(building, 385_000, 3_546_000, 385_100, 3_546_100);
        double right = clipper.areaInside(building, 385_100, 3_546_000, 385_200, 3_546_100);
        assertThat(left + right).isCloseTo(building.getArea(), within(1e-6));
    }

    @Test
    void polygonOutsideTheRectangleHasNoAreaInside() throws ParseException {
        checkAreaInside("POLYGON ((300 300, 310 300, 310 310, 300 310, 300 300))", new Envelope(0, 100, 0, 100));
    }
}
