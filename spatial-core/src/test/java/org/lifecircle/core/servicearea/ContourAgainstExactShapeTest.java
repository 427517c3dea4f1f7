package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The contour path of {@link NetworkAreaShaper} (grid, runs of solid points, label spans,
 * simplification) against its exact overlay path on random inputs: streets drawn as many short,
 * slightly turning segments (as OpenStreetMap draws them), a river band across the extent, some
 * streets bridging it. Both outlines must lie within the simplification tolerance of each other,
 * plus the exact path's arc error (its buffers approximate arcs by chords), and the contour must be
 * valid.
 */
class ContourAgainstExactShapeTest {
    private static final double ALLOWANCE = 50;
    private static final double TOLERANCE = 5;
    /** The exact path's buffer arcs lie inside the true arc by up to 1.9 % of the allowance. */
    private static final double ARC_ERROR = 0.02 * ALLOWANCE;

    private static final MetricProjection PROJECTION = MetricProjection.gaussKrugerFor(118.78);
    private static final GeometryFactory METERS = PROJECTION.metricFactory();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void contourStaysWithinTheToleranceOfTheExactArea(long seed) {
        Random random = new Random(seed);
        Coordinate centre = PROJECTION
                .toMeters(MetricProjection.lonLatFactory().createPoint(new Coordinate(118.78, 32.04)))
                .getCoordinate();
        double riverAngle = random.nextDouble() * Math.PI;
        double riverWidth = 5 + random.nextDouble() * 60;
        Geometry river = riverBand(centre, riverAngle, riverWidth, random);
        NetworkAreaShaper shaper = new NetworkAreaShaper(
                new BarrierMask(
                        List.of(new Barrier(BarrierKind.RIVER, "river", PROJECTION.toLonLat(river))), PROJECTION),
                METERS);

        List<LineString> lines = new ArrayList<>();
        int streets = 10 + random.nextInt(30);
        for (int s = 0; s < streets; s++) {
            lines.add(street(centre, random));
        }
        Geometry contour = shaper.shape(lines, ALLOWANCE, TOLERANCE);
        Geometry exact = shaper.shape(lines, ALLOWANCE, 0);

        assertThat(contour.isValid()).as("seed %d: valid contour", seed).isTrue();
        assertThat(contour.isEmpty()).isFalse();
        double bound = TOLERANCE + ARC_ERROR;
        assertThat(farthestVertexOutside(contour, exact))
                .as("seed %d: contour vertices beyond the exact area", seed)
                .isLessThanOrEqualTo(bound);
        assertThat(farthestVertexOutside(exact, contour))
                .as("seed %d: exact vertices beyond the contour", seed)
                .isLessThanOrEqualTo(bound);
        // Vertices alone miss a hole one outline has and the other fills (a block across the river
        // left out by the exact area): no part of either may lie beyond the bound of the other.
        assertThat(contour.difference(exact.buffer(bound)).getArea())
                .as("seed %d: contour area beyond the exact area", seed)
                .isLessThan(1);
        assertThat(exact.difference(contour.buffer(bound)).getArea())
                .as("seed %d: exact area beyond the contour", seed)
                .isLessThan(1);
    }

    /** The largest distance from a vertex of {@code a} to the area {@code b} (0 inside it). */
    private static double farthestVertexOutside(Geometry a, Geometry b) {
        IndexedFacetDistance boundary = new IndexedFacetDistance(b.getBoundary());
        double farthest = 0;
        for (Coordinate vertex : a.getCoordinates()) {
            var point = METERS.createPoint(vertex);
            if (!b.covers(point)) {
                farthest = Math.max(farthest, boundary.distance(point));
            }
        }
        return farthest;
    }

    /** A band of the given width through (near) the centre, 3 km long, its banks wavering. */
    private static Geometry riverBand(Coordinate centre, double angle, double width, Random random) {
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        double offset = (random.nextDouble() - 0.5) * 200;
        int steps = 30;
        Coordinate[] ring = new Coordinate[2 * (steps + 1) + 1];
        for (int i = 0; i <= steps; i++) {
            double along = -1500 + 3000.0 * i / steps;
            double waver = 10 * Math.sin(i * 0.7);
            double across = offset + waver;
            ring[i] = new Coordinate(
                    centre.x + along * ux - (across - width / 2) * uy,
                    centre.y + along * uy + (across - width / 2) * ux);
            ring[2 * steps + 1 - i] = new Coordinate(
                    centre.x + along * ux - (across + width / 2) * uy,
                    centre.y + along * uy + (across + width / 2) * ux);
        }
        ring[ring.length - 1] = ring[0].copy();
        return METERS.createPolygon(ring);
    }

    /** A street of 5 to 60 short segments wandering from a random point within 400 m of the centre. */
    private static LineString street(Coordinate centre, Random random) {
        int segments = 5 + random.nextInt(56);
        Coordinate[] points = new Coordinate[segments + 1];
        double x = centre.x + (random.nextDouble() - 0.5) * 800;
        double y = centre.y + (random.nextDouble() - 0.5) * 800;
        double heading = random.nextDouble() * 2 * Math.PI;
        points[0] = new Coordinate(x, y);
        for (int i = 1; i <= segments; i++) {
            heading += (random.nextDouble() - 0.5) * 0.4;
            double step = 2 + random.nextDouble() * 13;
            x += step * Math.cos(heading);
            y += step * Math.sin(heading);
            points[i] = new Coordinate(x, y);
        }
        return METERS.createLineString(points);
    }
}
