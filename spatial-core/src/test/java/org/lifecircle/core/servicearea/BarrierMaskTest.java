package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * {@link BarrierMask.Nearby#anyWithin}: whether reached lines come near enough a barrier for the
 * land regions to matter. A river band 40 m wide runs north–south at x = 100 … 140 m of a local frame.
 */
class BarrierMaskTest {
    private static final MetricProjection PROJECTION = MetricProjection.gaussKrugerFor(118.78);
    private static final GeometryFactory METERS = PROJECTION.metricFactory();
    private static final Coordinate ORIGIN = PROJECTION
            .toMeters(MetricProjection.lonLatFactory().createPoint(new Coordinate(118.78, 32.04)))
            .getCoordinate();

    private static final BarrierMask MASK = new BarrierMask(
            List.of(new Barrier(BarrierKind.RIVER, "河", PROJECTION.toLonLat(band(100, 140)))), PROJECTION);

    private static Polygon band(double fromX, double toX) {
        return METERS.createPolygon(
                new Coordinate[] {at(fromX, -1000), at(toX, -1000), at(toX, 1000), at(fromX, 1000), at(fromX, -1000)});
    }

    private static Coordinate at(double x, double y) {
        return new Coordinate(ORIGIN.x + x, ORIGIN.y + y);
    }

    private static LineString line(double x0, double y0, double x1, double y1) {
        return METERS.createLineString(new Coordinate[] {at(x0, y0), at(x1, y1)});
    }

    private static boolean anyWithin(double distanceMeters, LineString... lines) {
        Envelope extent = new Envelope(at(-500, -500), at(500, 1200));
        return MASK.within(extent).anyWithin(List.of(lines), distanceMeters);
    }

    @Test
    void linesFartherThanTheDistanceFromTheBankAreNotNear() {
        assertThat(anyWithin(55, line(-200, 0, 40, 0), line(40, 0, 40, 300), line(300, 0, 400, 100)))
                .isFalse();
    }

    @Test
    void aLineWithinTheDistanceOfTheBankIsNear() {
        assertThat(anyWithin(55, line(-200, 0, 40, 0), line(40, 0, 50, 300))).isTrue();
    }

    @Test
    void aSegmentPassingTheBarriersEndIsNearThoughBothItsEndsAreFar() {
        // Past the band's north end (y = 1000): its ends are 112 m and 61 m from it, its middle 26 m.
        assertThat(anyWithin(55, line(0, 1050, 200, 1010))).isTrue();
        assertThat(anyWithin(55, line(0, 1150, 200, 1110))).isFalse();
    }

    @Test
    void aLineInsideTheBarrierOrCrossingItIsNear() {
        assertThat(anyWithin(55, line(110, -100, 130, 100))).isTrue();
        assertThat(anyWithin(55, line(-300, 200, 400, 200))).isTrue();
    }
}
