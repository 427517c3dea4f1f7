package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecircle.core.graph.TestNetworks.lonLat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.graph.MetricProjection;
import org.lifecircle.core.graph.TestNetworks;
import org.lifecircle.core.graph.WalkingGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The dissolved area of a type is drawn from one multi-source search (its reached edge parts are
 * exactly the union of every facility's, so the exact areas are equal); these tests check that the
 * drawn polygons agree with the union of the per-facility polygons within the drawing tolerance.
 */
class TypeServiceAreaDissolveTest {
    /*
     *  y=1520 ┼──┼──┼── … ──┼──┼     20 × 20 grid, 80 m, jittered ±12 m, a sixth of the edges dropped
     *          ⋮      far bank
     *  y=800   ┼──┼──╂── … ──╂──┼
     *          ≈≈≈≈≈≈║≈≈≈≈≈≈≈≈║≈≈≈≈  river y 730–790, bridges at columns 4 and 15
     *  y=720   ┼──┼──╂── … ──╂──┼
     *          ⋮      near bank       rail line x = 1000 (north–south), level crossings at rows 3 and 14
     *  y=0     ┼──┼──┼── … ──┼──┼
     */
    private static final int SIZE = 20;

    private static final double SPACING_METERS = 80;

    private static final List<Barrier> BARRIERS = List.of(
            new Barrier(BarrierKind.RIVER, "河", TestNetworks.lonLatPolygon(-500, 730, 2500, 730, 2500, 790, -500, 790)),
            new Barrier(BarrierKind.RAIL, "铁路", TestNetworks.lonLatLine(1000, -500, 1000, 2500)));

    private static List<RoadEdge> town(Random random) {
        double[][] x = new double[SIZE][SIZE];
        double[][] y = new double[SIZE][SIZE];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                x[r][c] = c * SPACING_METERS + random.nextDouble() * 24 - 12;
                y[r][c] = r * SPACING_METERS + random.nextDouble() * 24 - 12;
            }
        }
        // Keep the river rows and the rail column straight so only bridges and crossings cross them.
        for (int c = 0; c < SIZE; c++) {
            y[9][c] = 720;
            y[10][c] = 800;
        }
        for (int r = 0; r < SIZE; r++) {
            x[r][12] = 960 + random.nextDouble() * 20;
            x[r][13] = 1040 + random.nextDouble() * 20;
        }
        List<RoadEdge> edges = new ArrayList<>();
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                long id = (long) r * SIZE + c;
                boolean crossesRail = c == 12;
                if (c + 1 < SIZE && (crossesRail ? r == 3 || r == 14 : random.nextInt(6) > 0)) {
                    edges.add(TestNetworks.edge(id, id + 1, x[r][c], y[r][c], x[r][c + 1], y[r][c + 1]));
                }
                boolean crossesRiver = r == 9;
                if (r + 1 < SIZE && (crossesRiver ? c == 4 || c == 15 : random.nextInt(6) > 0)) {
                    edges.add(TestNetworks.edge(id, id + SIZE, x[r][c], y[r][c], x[r + 1][c], y[r + 1][c]));
                }
            }
        }
        return edges;
    }

    private static Facility facility(String type, double east, double north) {
        double[] ll = lonLat(east, north);
        return new Facility(
                type,
                type + "@" + east + "," + north,
                MetricProjection.lonLatFactory().createPoint(new Coordinate(ll[0], ll[1])),
                null,
                null,
                "test");
    }

    @Test
    void dissolvedAreaEqualsTheUnionOfTheFacilitiesAreasAcrossRiverAndRail() {
        Random random = new Random(7);
        WalkingGraph graph = WalkingGraph.fromEdges(town(random));
        List<Facility> clinics = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            clinics.add(facility("clinic", random.nextDouble() * 1520, random.nextDouble() * 1520));
        }
        ServiceAreaBuilder builder = new ServiceAreaBuilder(graph, BARRIERS, ServiceAreaOptions.defaults());

        TypeServiceAreas dissolved = builder.perType(clinics).get(0);
        List<FacilityServiceAreas> single = builder.perFacility(clinics);

        for (int t = 0; t < 3; t++) {
            List<Geometry> areas = new ArrayList<>();
            for (FacilityServiceAreas facility : single) {
                areas.add(facility.areas().get(t).area());
            }
            Geometry union = graph.projection().toMeters(UnaryUnionOp.union(areas));
            Geometry fast = graph.projection().toMeters(dissolved.areas().get(t).area());
            assertThat(new IsValidOp(dissolved.areas().get(t).area()).getValidationError())
                    .as("lonlat %d", t)
                    .isNull();
            assertThat(new IsValidOp(fast).getValidationError())
                    .as("meters %d", t)
                    .isNull();
            assertThat(dissolved.areas().get(t).areaSquareMeters())
                    .as("%d minutes", dissolved.areas().get(t).thresholdMinutes())
                    .isCloseTo(union.getArea(), Percentage.withPercentage(0.5));
            assertThat(fast.symDifference(union).getArea())
                    .as("%d minutes", dissolved.areas().get(t).thresholdMinutes())
                    .isLessThan(0.01 * union.getArea());
            for (Facility clinic : clinics) {
                assertThat(dissolved.areas().get(t).area().covers(clinic.location()))
                        .isTrue();
            }
        }
        // The 15-minute areas reach across the bridges and the level crossings, not straight over.
        assertThat(dissolved.areas().get(2).areaSquareMeters()).isGreaterThan(1.0e6);
    }
}
