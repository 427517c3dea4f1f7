package org.lifecircle.datasets.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.core.servicearea.FacilityServiceAreas;
import org.lifecircle.core.servicearea.ServiceAreaBuilder;
import org.lifecircle.core.servicearea.ServiceAreaOptions;
import org.lifecircle.core.servicearea.TypeServiceAreas;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.RecordingSink;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * On the demo town (river, bridges, rail line), a type's dissolved network area — one multi-source
 * search, one polygon — equals the union of its facilities' own areas.
 */
class DemoTownDissolveTest {
    @Test
    void kindergartensDissolvedEqualTheUnionOfTheirOwnAreas() {
        RecordingSink town = new RecordingSink();
        new DemoCityGenerator(DemoCitySize.TOWN, 42).generate(town, ProgressListener.NONE);
        WalkingGraph graph = WalkingGraph.fromEdges(town.roadEdges);
        List<Facility> kindergartens = new ArrayList<>();
        for (Facility facility : town.facilities) {
            if (facility.typeCode().equals("kindergarten")) {
                kindergartens.add(facility);
            }
        }
        ServiceAreaBuilder builder = new ServiceAreaBuilder(graph, town.barriers, ServiceAreaOptions.defaults());

        TypeServiceAreas dissolved = builder.perType(kindergartens).get(0);
        List<FacilityServiceAreas> single = builder.perFacility(kindergartens);

        assertThat(kindergartens).hasSizeGreaterThan(5);
        for (int t = 0; t < dissolved.areas().size(); t++) {
            List<Geometry> areas = new ArrayList<>();
            for (FacilityServiceAreas facility : single) {
                areas.add(facility.areas().get(t).area());
            }
            Geometry union = graph.projection().toMeters(UnaryUnionOp.union(areas));
            Geometry fast = graph.projection().toMeters(dissolved.areas().get(t).area());
            assertThat(dissolved.areas().get(t).area().isValid()).isTrue();
            assertThat(fast.isValid()).isTrue();
            assertThat(dissolved.areas().get(t).areaSquareMeters())
                    .isCloseTo(union.getArea(), Percentage.withPercentage(0.5));
            assertThat(fast.symDifference(union).getArea()).isLessThan(0.01 * union.getArea());
        }
    }
}
