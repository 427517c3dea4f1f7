package org.lifecircle.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.core.coverage.NetworkOracle.on;
import static org.lifecircle.core.graph.TestNetworks.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.core.standards.StandardsCatalog;

class CoverageAnalysisTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double TOLERANCE_METERS = 1e-6;

    /*
     *   A ────400──── B ────400──── C ────400──── D
     *   ▲ kindergarten at A            cells at 100, 350, 700, 1150 m from A, 10 m off the road
     */
    private static final WalkingGraph LINE = WalkingGraph.fromEdges(
            List.of(edge(1, 2, 0, 0, 400, 0), edge(2, 3, 400, 0, 800, 0), edge(3, 4, 800, 0, 1200, 0)));

    @Test
    void cellsWithinTheThresholdCountAsCoveredPerCommunityAndInTotal() {
        List<SnappedPoint> cells = List.of(on(0, 100, 10), on(0, 350, 10), on(1, 300, 10), on(2, 350, 10));
        PopulationCells population =
                new PopulationCells(cells, new int[] {100, 200, 300, 400}, new int[] {0, 0, 1, 1}, 2);

        TypeCoverage coverage =
                CoverageAnalysis.of(LINE, population, List.of(on(0, 0, 0)), new CoverageOptions(500, 1000, 1.0));

        // 110, 360, 710 and (1150 + 10 > 1000) beyond the search limit.
        assertThat(coverage.distanceMeters(0)).isCloseTo(110, within(TOLERANCE_METERS));
        assertThat(coverage.distanceMeters(1)).isCloseTo(360, within(TOLERANCE_METERS));
        assertThat(coverage.distanceMeters(2)).isCloseTo(710, within(TOLERANCE_METERS));
        assertThat(coverage.distanceMeters(3)).isEqualTo(INF);
        assertThat(coverage.nearestFacility(3)).isEqualTo(-1);
        assertThat(coverage.walkSeconds(2)).isCloseTo(710, within(TOLERANCE_METERS));
        assertThat(coverage.communities().get(0)).isEqualTo(new CommunityCoverage(0, 2, 2, 300, 300));
        assertThat(coverage.communities().get(1)).isEqualTo(new CommunityCoverage(1, 2, 0, 700, 0));
        assertThat(coverage.total()).isEqualTo(new CommunityCoverage(-1, 4, 2, 1000, 300));
        assertThat(coverage.total().coveredPercent()).isCloseTo(30, within(1e-9));
    }

    @Test
    void coverageEqualsABruteForceAllPairsComputationOnRandomGraphs() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            NetworkOracle oracle = NetworkOracle.randomGraph(random);
            int communityCount = 3;
            List<SnappedPoint> cells = new ArrayList<>();
            int cellCount = 5 + random.nextInt(25);
            int[] households = new int[cellCount];
            int[] community = new int[cellCount];
            for (int i = 0; i < cellCount; i++) {
                cells.add(oracle.randomPoint(random));
                households[i] = random.nextInt(5) == 0 ? 0 : random.nextInt(200);
                community[i] = random.nextInt(communityCount + 1) - 1;
            }
            List<SnappedPoint> facilities = new ArrayList<>();
            int facilityCount = random.nextInt(5);
            for (int f = 0; f < facilityCount; f++) {
                facilities.add(oracle.randomPoint(random));
            }
            double threshold = 100 + random.nextDouble() * 400;
            double limit = random.nextBoolean() ? INF : threshold * (1 + random.nextDouble());
            PopulationCells population = new PopulationCells(cells, households, community, communityCount);

            TypeCoverage coverage = CoverageAnalysis.of(
                    oracle.graph, population, facilities, new CoverageOptions(threshold, limit, 1.1));

            long[] expectedHouseholds = new long[communityCount];
            long[] expectedCovered = new long[communityCount];
            long totalCovered = 0;
            for (int i = 0; i < cellCount; i++) {
                double expected = oracle.nearest(facilities, cells.get(i));
                double found = coverage.distanceMeters(i);
                if (expected == INF || expected > limit) {
                    assertThat(found).as("seed %d cell %d", seed, i).isEqualTo(INF);
                    assertThat(coverage.nearestFacility(i)).isEqualTo(-1);
                } else {
                    assertThat(found).as("seed %d cell %d", seed, i).isCloseTo(expected, within(TOLERANCE_METERS));
                    double viaNearest = oracle.distance(facilities.get(coverage.nearestFacility(i)), cells.get(i));
                    assertThat(viaNearest).isCloseTo(expected, within(TOLERANCE_METERS));
                }
                boolean covered = expected <= threshold;
                assertThat(coverage.covered(i)).as("seed %d cell %d", seed, i).isEqualTo(covered);
                totalCovered += covered ? households[i] : 0;
                if (community[i] >= 0) {
                    expectedHouseholds[community[i]] += households[i];
                    expectedCovered[community[i]] += covered ? households[i] : 0;
                }
            }
            for (int c = 0; c < communityCount; c++) {
                assertThat(coverage.communities().get(c).households()).isEqualTo(expectedHouseholds[c]);
                assertThat(coverage.communities().get(c).coveredHouseholds())
                        .as("seed %d community %d", seed, c)
                        .isEqualTo(expectedCovered[c]);
            }
            assertThat(coverage.total().coveredHouseholds()).isEqualTo(totalCovered);
        }
    }

    @Test
    void withoutFacilitiesEveryHouseholdIsUncovered() {
        PopulationCells population = PopulationCells.withoutCommunities(List.of(on(0, 5, 0)), new int[] {40});

        TypeCoverage coverage = CoverageAnalysis.of(LINE, population, List.of(), CoverageOptions.ofMeters(300, 1));

        assertThat(coverage.distanceMeters(0)).isEqualTo(INF);
        assertThat(coverage.total().uncoveredHouseholds()).isEqualTo(40);
        assertThat(coverage.communities()).isEmpty();
    }

    @Test
    void unsnappedCellsAndFacilitiesAreCountedNotCovered() {
        SnappedPoint stray = SnappedPoint.unsnapped(0, 0, 0, 0, 900);
        PopulationCells population = PopulationCells.withoutCommunities(List.of(stray, on(0, 0, 0)), new int[] {7, 3});

        TypeCoverage coverage =
                CoverageAnalysis.of(LINE, population, List.of(stray, on(0, 10, 0)), CoverageOptions.ofMeters(300, 1));

        assertThat(coverage.unsnappedCellCount()).isEqualTo(1);
        assertThat(coverage.unsnappedFacilityCount()).isEqualTo(1);
        assertThat(coverage.covered(0)).isFalse();
        assertThat(coverage.nearestFacility(1)).isEqualTo(1);
        assertThat(coverage.total().coveredHouseholds()).isEqualTo(3);
    }

    @Test
    void communityWithoutHouseholdsIsFullyCovered() {
        assertThat(new CommunityCoverage(3, 0, 0, 0, 0).coveredPercent()).isEqualTo(100);
    }

    @Test
    void catalogTypeGivesItsServiceRadiusAndTheCatalogWalkingSpeed() {
        StandardsCatalog catalog = StandardsCatalog.national();

        CoverageOptions options = CoverageOptions.forFacilityType(catalog, "kindergarten");

        assertThat(options.thresholdMeters()).isEqualTo(300);
        assertThat(options.walkSpeedMetersPerSecond()).isEqualTo(catalog.value(StandardsCatalog.WALKING_SPEED));
        assertThat(options.searchLimitMeters()).isEqualTo(3000);
        assertThat(CoverageOptions.ofWalkingMinutes(15, 1.0).thresholdMeters()).isEqualTo(900);
        assertThat(CoverageOptions.ofMeters(2000, 1.0).searchLimitMeters()).isEqualTo(6000);
    }

    @Test
    void optionsRejectNonPositiveThresholdsAndLimitsBelowThem() {
        assertThatThrownBy(() -> new CoverageOptions(0, 100, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoverageOptions(INF, INF, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoverageOptions(300, 200, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoverageOptions(300, 600, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cellsRejectMismatchedArraysNegativeHouseholdsAndUnknownCommunities() {
        List<SnappedPoint> one = List.of(on(0, 0, 0));
        assertThatThrownBy(() -> new PopulationCells(one, new int[2], new int[1], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PopulationCells(one, new int[] {-1}, new int[1], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PopulationCells(one, new int[1], new int[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
