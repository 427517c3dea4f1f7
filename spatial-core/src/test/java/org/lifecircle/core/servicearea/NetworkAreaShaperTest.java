package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class NetworkAreaShaperTest {
    private static final MetricProjection PROJECTION = MetricProjection.gaussKrugerFor(118.78);
    private static final GeometryFactory METERS = PROJECTION.metricFactory();
    private static final Coordinate ORIGIN = PROJECTION
            .toMeters(MetricProjection.lonLatFactory().createPoint(new Coordinate(118.78, 32.04)))
            .getCoordinate();

    private static Coordinate at(double x, double y) {
        return new Coordinate(ORIGIN.x + x, ORIGIN.y + y);
    }

    /**
     * A river 70 m east of the streets lies within their extent (the lines' envelope grown by twice
     * the allowance) but beyond the allowance of every street: the contour is the one drawn without
     * barriers, vertex for vertex.
     */
    @Test
    void riverBeyondTheAllowanceLeavesTheContourAsWithoutBarriers() {
        List<LineString> streets = List.of(
                METERS.createLineString(new Coordinate[] {at(0, 0), at(300, 0), at(300, 200)}),
                METERS.createLineString(new Coordinate[] {at(0, 0), at(-50, 250), at(0, 400)}));
        Geometry river = METERS.createPolygon(
                new Coordinate[] {at(370, -1000), at(410, -1000), at(410, 1000), at(370, 1000), at(370, -1000)});
        NetworkAreaShaper withRiver = new NetworkAreaShaper(
                new BarrierMask(List.of(new Barrier(BarrierKind.RIVER, "河", PROJECTION.toLonLat(river))), PROJECTION),
                METERS);
        NetworkAreaShaper without = new NetworkAreaShaper(new BarrierMask(List.of(), PROJECTION), METERS);

        Geometry area = withRiver.shape(streets, 50, 5);

        assertThat(area.equalsExact(without.shape(streets, 50, 5))).isTrue();
        assertThat(area.intersects(river)).isFalse();
    }
}
