package org.lifecircle.datasets.importer.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.crs.Srid;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Buildings drawn in EPSG:4549 metres (central Nanjing lies in the zone of 120°E), on a 100 m grid:
 *
 * <pre>
 *   column 3850 (x 385,000–385,100)   column 3851 (x 385,100–385,200)
 *   +---------------------------------+---------------------------------+ y 3,546,100
 *   |                                 |                                 |
 *   |         +------+B (40×10, 6 storeys by default)---+                |
 *   |  +----+ |      |                |                 |               |
 *   |  | A  | +------+----------------+-----------------+               |
 *   |  +----+ (20×20, 10 storeys)     |                                 |
 *   +---------------------------------+---------------------------------+ y 3,546,000
 * </pre>
 *
 * A: 400 m² × 10 = 4,000 m² floor area; B: 400 m² × 6 = 2,400 m², half in each cell. At 36.52 m²
 * per person that is 109.53 + 32.86 = 142.39 residents in column 3850 and 32.86 in column 3851.
 */
class DasymetricPopulationEstimatorTest {
    private static final MetricProjection ZONE = MetricProjection.gaussKrugerFor(118.78);
    private static final DasymetricOptions OPTIONS = DasymetricOptions.defaults();

    private static ResidentialBuilding building(
            double x0, double y0, double x1, double y1, String type, String levels) {
        Geometry square = ZONE.metricFactory().toGeometry(new Envelope(x0, x1, y0, y1));
        return new ResidentialBuilding(ZONE.toLonLat(square), type, levels);
    }

    private static final ResidentialBuilding A = building(385_010, 3_546_010, 385_030, 3_546_030, "apartments", "10");
    private static final ResidentialBuilding B = building(385_080, 3_546_040, 385_120, 3_546_050, "residential", null);

    private static List<PopulationCell> byColumn(DasymetricPopulationEstimator.Estimate estimate) {
        return estimate.cells().stream()
                .sorted(Comparator.comparingDouble(c -> c.cell().getCentroid().getX()))
                .toList();
    }

    @Test
    void residentsAreFloorAreaOverAreaPerPersonSpreadByOverlap() {
        var estimate = new DasymetricPopulationEstimator(OPTIONS).estimate(List.of(A, B), ZONE, "test");

        assertThat(estimate.gaussKrugerSrid()).isEqualTo(4549);
        assertThat(estimate.floorAreaSquareMeters()).isCloseTo(6_400, within(0.01));
        assertThat(estimate.estimatedPersons()).isCloseTo(estimate.floorAreaSquareMeters() / 36.52, within(1e-9));
        // 175.25 residents, 175.25 / 2.62 = 66.89 households.
        assertThat(estimate.population()).isEqualTo(175);
        assertThat(estimate.households()).isEqualTo(67);
        assertThat(estimate.buildingsUsed()).isEqualTo(2);
        assertThat(estimate.buildingsWithDefaultLevels()).isEqualTo(1);

        List<PopulationCell> cells = byColumn(estimate);
        assertThat(cells).hasSize(2);
        // Households: quotas 54.44 and 12.56 → 54 + 12, the unit left to the larger remainder (0.56).
        assertThat(cells).extracting(PopulationCell::households).containsExactly(54, 13);
        // Residents: quotas 142.19 and 32.81 → 142 + 32, one unit left to 0.81.
        assertThat(cells).extracting(PopulationCell::population).containsExactly(142, 33);
        assertThat(cells).allSatisfy(cell -> {
            assertThat(cell.source()).isEqualTo("test");
            assertThat(cell.cell().getSRID()).isEqualTo(Srid.WGS84);
            assertThat(cell.elderly()).isNull();
        });
    }

    @Test
    void cellsAreSquaresAlignedToTheGridOfTheZone() {
        var estimate = new DasymetricPopulationEstimator(OPTIONS).estimate(List.of(A, B), ZONE, "test");
        for (PopulationCell cell : estimate.cells()) {
            Geometry meters = ZONE.toMeters(cell.cell());
            assertThat(meters.getArea()).isCloseTo(10_000, within(1e-3));
            for (Coordinate corner : meters.getCoordinates()) {
                assertThat(corner.x / 100).isCloseTo(Math.rint(corner.x / 100), within(1e-6));
                assertThat(corner.y / 100).isCloseTo(Math.rint(corner.y / 100), within(1e-6));
            }
        }
        Envelope first = ZONE.toMeters(byColumn(estimate).get(0).cell()).getEnvelopeInternal();
        assertThat(first.getMinX()).isCloseTo(385_000, within(1e-6));
        assertThat(first.getMinY()).isCloseTo(3_546_000, within(1e-6));
    }

    @Test
    void controlTotalScalesEveryCellAndIsMetExactly() {
        var options = OPTIONS.withControlTotalPopulation(1_000);
        var estimate = new DasymetricPopulationEstimator(options).estimate(List.of(A, B), ZONE, "test");

        assertThat(estimate.population()).isEqualTo(1_000);
        assertThat(estimate.households()).isEqualTo(Math.round(1_000 / 2.62));
        List<PopulationCell> cells = byColumn(estimate);
        assertThat(cells.stream().mapToInt(PopulationCell::population).sum()).isEqualTo(1_000);
        assertThat(cells.stream().mapToInt(PopulationCell::households).sum()).isEqualTo(382);
        // Shares stay those of the footprint estimate: 142.39 / 175.25 of 1,000 = 812.5.
        assertThat(cells.get(0).population()).isBetween(812, 813);
    }

    @Test
    void cellsWithoutAWholeHouseholdAreDroppedAndTheirResidentsKeptInTheTotal() {
        // 5 × 5 m, one storey: 25 / 36.52 = 0.68 residents, 0.26 households, alone in column 3852.
        ResidentialBuilding hut = building(385_210, 3_546_010, 385_215, 3_546_015, "house", "1");
        var estimate = new DasymetricPopulationEstimator(OPTIONS).estimate(List.of(A, B, hut), ZONE, "test");

        assertThat(estimate.cells()).hasSize(2);
        assertThat(estimate.population()).isEqualTo(Math.round((6_400 + 25) / 36.52));
        assertThat(estimate.cells().stream()
                        .mapToInt(PopulationCell::population)
                        .sum())
                .isEqualTo((int) estimate.population());
        assertThat(estimate.cells().stream()
                        .mapToInt(PopulationCell::households)
                        .sum())
                .isEqualTo((int) estimate.households());
    }

    @Test
    void unusableLevelsFallBackToTheTypeDefaultAndTypesWithoutDefaultNeedLevels() {
        ResidentialBuilding typo = building(385_010, 3_546_010, 385_030, 3_546_030, "apartments", "300");
        ResidentialBuilding words = building(385_010, 3_546_010, 385_030, 3_546_030, "apartments", "six");
        ResidentialBuilding castle = building(385_010, 3_546_010, 385_030, 3_546_030, "castle", "3");
        ResidentialBuilding unknown = building(385_010, 3_546_010, 385_030, 3_546_030, "castle", null);
        var estimate =
                new DasymetricPopulationEstimator(OPTIONS).estimate(List.of(typo, words, castle, unknown), ZONE, "t");

        assertThat(estimate.buildingsUsed()).isEqualTo(3);
        assertThat(estimate.buildingsWithImplausibleLevels()).isEqualTo(2);
        assertThat(estimate.buildingsSkipped()).isEqualTo(1);
        // Two 400 m² footprints at the apartments default of 12 storeys, one at its tagged 3.
        assertThat(estimate.floorAreaSquareMeters()).isCloseTo(400 * (12 + 12 + 3), within(0.01));
    }

    @Test
    void noBuildingsGiveNoCells() {
        var estimate = new DasymetricPopulationEstimator(OPTIONS).estimate(List.of(), ZONE, "t");
        assertThat(estimate.cells()).isEmpty();
        assertThat(estimate.households()).isZero();
    }
}
