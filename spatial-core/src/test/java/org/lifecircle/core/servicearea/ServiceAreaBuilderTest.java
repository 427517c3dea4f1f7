package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecircle.core.graph.TestNetworks.lonLat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.graph.MetricProjection;
import org.lifecircle.core.graph.TestNetworks;
import org.lifecircle.core.graph.WalkingGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class ServiceAreaBuilderTest {
    private static final WalkingGraph GRID = WalkingGraph.fromEdges(TestNetworks.grid(11, 11, 100));

    private static Point at(double east, double north) {
        double[] ll = lonLat(east, north);
        return MetricProjection.lonLatFactory().createPoint(new Coordinate(ll[0], ll[1]));
    }

    private static Facility facility(String type, double east, double north) {
        return new Facility(type, type + "@" + east + "," + north, at(east, north), null, null, "test");
    }

    private static final List<Facility> FACILITIES = List.of(
            facility("clinic", 150, 210),
            facility("kindergarten", 500, 500),
            facility("clinic", 820, 790),
            facility("clinic", 3000, 3000));

    @Test
    void typeAreaIsTheDissolvedUnionOfItsFacilitiesAreas() {
        ServiceAreaBuilder builder = new ServiceAreaBuilder(GRID, List.of(), ServiceAreaOptions.defaults());

        List<FacilityServiceAreas> single = builder.perFacility(FACILITIES);
        List<TypeServiceAreas> types = builder.perType(FACILITIES);

        assertThat(types).extracting(TypeServiceAreas::typeCode).containsExactly("clinic", "kindergarten");
        TypeServiceAreas clinics = types.get(0);
        assertThat(clinics.facilityCount()).isEqualTo(3);
        assertThat(clinics.unsnappedFacilityCount()).isEqualTo(1);
        for (int t = 0; t < 3; t++) {
            Geometry union = UnaryUnionOp.union(List.of(
                    single.get(0).areas().get(t).area(),
                    single.get(2).areas().get(t).area()));
            Geometry dissolved = clinics.areas().get(t).area();
            double unionSquareMeters = GRID.projection().toMeters(union).getArea();
            assertThat(clinics.areas().get(t).areaSquareMeters())
                    .isBetween(0.99 * unionSquareMeters, 1.01 * unionSquareMeters);
            assertThat(GRID.projection()
                            .toMeters(union.symDifference(dissolved))
                            .getArea())
                    .isLessThan(0.01 * unionSquareMeters);
            assertThat(dissolved.covers(FACILITIES.get(0).location())).isTrue();
            assertThat(dissolved.covers(FACILITIES.get(2).location())).isTrue();
        }
    }

    @Test
    void facilityFarFromTheNetworkIsReportedUnsnappedWithEmptyNetworkAreas() {
        ServiceAreaBuilder builder = new ServiceAreaBuilder(GRID, List.of(), ServiceAreaOptions.defaults());

        FacilityServiceAreas far = builder.perFacility(FACILITIES).get(3);

        assertThat(far.facilityIndex()).isEqualTo(3);
        assertThat(far.snap().isSnapped()).isFalse();
        assertThat(far.snap().offNetworkMeters()).isGreaterThan(2000);
        assertThat(far.areas())
                .hasSize(3)
                .allSatisfy(area -> assertThat(area.area().isEmpty()).isTrue());
    }

    @Test
    void facilityOffTheNetworkLiesInItsOwnAreaAndItsWalkCountsAgainstTheBudget() {
        ServiceAreaOptions options = ServiceAreaOptions.defaults().withThresholdsMinutes(List.of(2));
        double[] facility = lonLat(150, 170);

        FacilityServiceAreas areas =
                new ServiceAreaBuilder(GRID, List.of(), options).forPoint(facility[0], facility[1]);

        Geometry twoMinutes = areas.areas().get(0).area();
        assertThat(areas.snap().offNetworkMeters()).isBetween(29.9, 30.1);
        assertThat(twoMinutes.covers(at(150, 170))).isTrue();
        // 120 m budget − 30 m walk to the road = 90 m either way along it, then 50 m beyond the tip.
        assertThat(twoMinutes.covers(at(285, 200))).isTrue();
        assertThat(twoMinutes.covers(at(295, 200))).isFalse();
        assertThat(twoMinutes.covers(at(200, 285))).isTrue();
        assertThat(twoMinutes.covers(at(200, 295))).isFalse();
    }

    @Test
    void largerThresholdsContainSmallerOnes() {
        ServiceAreaBuilder builder = new ServiceAreaBuilder(GRID, List.of(), ServiceAreaOptions.defaults());

        List<ServiceArea> areas = builder.perFacility(FACILITIES).get(1).areas();

        assertThat(areas).extracting(ServiceArea::thresholdMinutes).containsExactly(5, 10, 15);
        assertThat(areas.get(0).areaSquareMeters()).isLessThan(areas.get(1).areaSquareMeters());
        assertThat(areas.get(1).areaSquareMeters()).isLessThan(areas.get(2).areaSquareMeters());
        assertThat(areas.get(2).area().buffer(1e-6).covers(areas.get(1).area())).isTrue();
    }
}
