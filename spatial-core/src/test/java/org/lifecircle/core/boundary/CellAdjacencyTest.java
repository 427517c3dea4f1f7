package org.lifecircle.core.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class CellAdjacencyTest {
    private static final MetricProjection GK = MetricProjection.gaussKrugerFor(118.78);
    private static final GeometryFactory METRIC = GK.metricFactory();
    private static final double X0 = 400_000;
    private static final double Y0 = 3_545_000;

    @Test
    void gridNeighboursShareTheirEdgeAndCornersAreNotNeighbours() {
        // 3 × 3 cells of 100 m; an arterial runs along the border between columns 1 and 2.
        List<Polygon> cells = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                cells.add(square(c * 100, r * 100, 100, 100));
            }
        }
        Geometry arterial = lonLat(METRIC.createLineString(
                new Coordinate[] {new Coordinate(X0 + 200, Y0 - 10), new Coordinate(X0 + 200, Y0 + 310)}));
        CellGraph graph = CellAdjacency.build(cells, new int[9], List.of(arterial), List.of(), null);

        assertThat(degree(graph, 4)).isEqualTo(4); // the centre: no diagonal neighbours
        assertThat(degree(graph, 0)).isEqualTo(2);
        assertThat(shared(graph, 0, 1)).isCloseTo(100, within(0.05));
        assertThat(hard(graph, 0, 1)).isFalse();
        assertThat(hard(graph, 1, 2)).isTrue();
        assertThat(graph.crossable()[entry(graph, 1, 2)]).isTrue();
        assertThat(hard(graph, 4, 5)).isTrue();
        assertThat(hard(graph, 3, 6)).isFalse();
        assertThat(graph.areaSquareMeters()[0]).isCloseTo(10_000, within(1.0));
        assertThat(graph.perimeterMeters()[0]).isCloseTo(400, within(0.05));
    }

    @Test
    void differentSubdistrictsAreAHardBreak() {
        List<Polygon> cells = List.of(square(0, 0, 100, 100), square(100, 0, 100, 100), square(200, 0, 100, 100));
        CellGraph graph = CellAdjacency.build(cells, new int[3], List.of(), List.of(), new String[] {"A", "A", "B"});
        assertThat(hard(graph, 0, 1)).isFalse();
        assertThat(hard(graph, 1, 2)).isTrue();
        // A subdistrict border is never crossable.
        assertThat(graph.crossable()[entry(graph, 1, 2)]).isFalse();
    }

    @Test
    void tJunctionsAreFoundWithTheirTrueSharedLength() {
        // A tall cell on the left; two cells stacked on its right, 100 m and 60 m high (not matching vertices).
        List<Polygon> cells = List.of(square(0, 0, 100, 200), square(100, 0, 100, 100), square(100, 100, 100, 60));
        CellGraph graph = CellAdjacency.build(cells, new int[3], List.of(), List.of(), null);
        assertThat(shared(graph, 0, 1)).isCloseTo(100, within(0.05));
        assertThat(shared(graph, 0, 2)).isCloseTo(60, within(0.05));
        assertThat(shared(graph, 1, 2)).isCloseTo(100, within(0.05));
    }

    private static Polygon square(double x, double y, double w, double h) {
        Polygon metric = METRIC.createPolygon(new Coordinate[] {
            new Coordinate(X0 + x, Y0 + y),
            new Coordinate(X0 + x + w, Y0 + y),
            new Coordinate(X0 + x + w, Y0 + y + h),
            new Coordinate(X0 + x, Y0 + y + h),
            new Coordinate(X0 + x, Y0 + y)
        });
        return (Polygon) lonLat(metric);
    }

    private static Geometry lonLat(Geometry metric) {
        return GK.toLonLat(metric);
    }

    private static int degree(CellGraph graph, int cell) {
        return graph.start()[cell + 1] - graph.start()[cell];
    }

    private static int entry(CellGraph graph, int a, int b) {
        for (int e = graph.start()[a]; e < graph.start()[a + 1]; e++) {
            if (graph.neighbour()[e] == b) {
                return e;
            }
        }
        throw new AssertionError("cells " + a + " and " + b + " are not adjacent");
    }

    private static double shared(CellGraph graph, int a, int b) {
        return graph.sharedMeters()[entry(graph, a, b)];
    }

    private static boolean hard(CellGraph graph, int a, int b) {
        return graph.hard()[entry(graph, a, b)];
    }
}
