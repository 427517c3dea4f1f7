package org.lifecircle.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.core.coverage.NetworkOracle.on;
import static org.lifecircle.core.graph.TestNetworks.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.coverage.NetworkOracle;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.WalkingGraph;

class TwoStepFloatingCatchmentTest {
    private static final double EXACT = 1e-12;

    /*
     *   F1 ──────400────── · ──────400────── · ──────400────── F2
     *   0 m       c1 200 m        c2 600 m        c3 1000 m      1200 m
     *   supply    P = 100         P = 300         P = 200        supply
     *   1000 m²                                                  500 m²
     *
     * Walking distances: F1→c1 200, F1→c2 600, F1→c3 1000; F2→c1 1000, F2→c2 600, F2→c3 200.
     */
    private static final WalkingGraph LINE = WalkingGraph.fromEdges(
            List.of(edge(1, 2, 0, 0, 400, 0), edge(2, 3, 400, 0, 800, 0), edge(3, 4, 800, 0, 1200, 0)));
    private static final List<SnappedPoint> CELLS = List.of(on(0, 200, 0), on(1, 200, 0), on(2, 200, 0));
    private static final double[] POPULATION = {100, 300, 200};
    private static final List<SnappedPoint> FACILITIES = List.of(on(0, 0, 0), on(2, 400, 0));
    private static final double[] FLOOR_AREA = {1000, 500};

    @Test
    void binaryCatchmentMatchesTheHandComputedExample() {
        AccessibilityScores scores = TwoStepFloatingCatchment.of(
                LINE, CELLS, POPULATION, FACILITIES, FLOOR_AREA, CatchmentOptions.binary(700));

        // Step 1, catchment 700 m: F1 reaches c1, c2: R1 = 1000 / (100 + 300) = 2.5
        //                          F2 reaches c2, c3: R2 =  500 / (300 + 200) = 1.0
        assertThat(scores.ratio(0)).isCloseTo(2.5, within(EXACT));
        assertThat(scores.ratio(1)).isCloseTo(1.0, within(EXACT));
        assertThat(scores.facilityWeightedDemand()).containsExactly(400, 500);
        // Step 2: A1 = R1 = 2.5, A2 = R1 + R2 = 3.5, A3 = R2 = 1.0 (m² per resident)
        assertThat(scores.score(0)).isCloseTo(2.5, within(EXACT));
        assertThat(scores.score(1)).isCloseTo(3.5, within(EXACT));
        assertThat(scores.score(2)).isCloseTo(1.0, within(EXACT));
        // Conservation: 100 × 2.5 + 300 × 3.5 + 200 × 1.0 = 250 + 1050 + 200 = 1500 = 1000 + 500
        assertThat(scores.servedSupply()).isEqualTo(1500);
        assertThat(scores.pairCount()).isEqualTo(4);
    }

    @Test
    void stepwiseWeightsMatchTheHandComputedExample() {
        CatchmentOptions options = CatchmentOptions.stepwise(new double[] {300, 700}, new double[] {1.0, 0.5});

        AccessibilityScores scores =
                TwoStepFloatingCatchment.of(LINE, CELLS, POPULATION, FACILITIES, FLOOR_AREA, options);

        // Weights: 200 m → 1.0 (zone 0–300), 600 m → 0.5 (zone 300–700).
        // Step 1: R1 = 1000 / (1.0 × 100 + 0.5 × 300) = 1000 / 250 = 4
        //         R2 =  500 / (0.5 × 300 + 1.0 × 200) =  500 / 350 = 10/7
        assertThat(scores.ratio(0)).isCloseTo(4, within(EXACT));
        assertThat(scores.ratio(1)).isCloseTo(10.0 / 7, within(EXACT));
        // Step 2: A1 = 1.0 × 4 = 4; A2 = 0.5 × 4 + 0.5 × 10/7 = 19/7; A3 = 1.0 × 10/7 = 10/7
        assertThat(scores.score(0)).isCloseTo(4, within(EXACT));
        assertThat(scores.score(1)).isCloseTo(19.0 / 7, within(EXACT));
        assertThat(scores.score(2)).isCloseTo(10.0 / 7, within(EXACT));
        // Conservation: 100 × 4 + 300 × 19/7 + 200 × 10/7 = 400 + 5700/7 + 2000/7 = 400 + 1100 = 1500
        assertThat(weightedTotal(scores, POPULATION)).isCloseTo(1500, within(1e-9));
    }

    @Test
    void facilityWithoutDemandInItsCatchmentHasNoRatioAndItsSupplyIsNotCounted() {
        List<SnappedPoint> facilities = List.of(on(0, 0, 0), on(2, 400, 0), SnappedPoint.unsnapped(0, 0, 0, 0, 900));
        double[] population = {100, 0, 0};

        AccessibilityScores scores = TwoStepFloatingCatchment.of(
                LINE, CELLS, population, facilities, new double[] {1000, 500, 800}, CatchmentOptions.binary(700));

        assertThat(scores.servesDemand(0)).isTrue();
        assertThat(scores.servesDemand(1)).isFalse();
        assertThat(scores.servesDemand(2)).isFalse();
        assertThat(scores.ratio(1)).isZero();
        assertThat(scores.facilityCellCount()).containsExactly(2, 2, 0);
        assertThat(scores.servedSupply()).isEqualTo(1000);
        assertThat(weightedTotal(scores, population)).isCloseTo(1000, within(1e-9));
        // A cell without residents still has an accessibility: what it would get if someone lived there.
        assertThat(scores.score(1)).isCloseTo(10, within(EXACT));
    }

    @Test
    void populationWeightedAccessibilityEqualsTheSupplyOfFacilitiesWithDemand() {
        for (int seed = 0; seed < 200; seed++) {
            Instance instance = Instance.random(seed);
            double catchment = 100 + new Random(seed).nextDouble() * 500;
            for (CatchmentOptions options : List.of(
                    CatchmentOptions.binary(catchment),
                    CatchmentOptions.luoQiStepwise(catchment),
                    CatchmentOptions.gaussian(catchment))) {
                AccessibilityScores scores = TwoStepFloatingCatchment.of(
                        instance.oracle.graph,
                        instance.cells,
                        instance.demand,
                        instance.facilities,
                        instance.supply,
                        options);

                double expectedServed = 0;
                for (int j = 0; j < instance.facilities.size(); j++) {
                    if (instance.weightedDemand(j, options) > 0) {
                        expectedServed += instance.supply[j];
                    }
                }
                assertThat(scores.servedSupply())
                        .as("seed %d %s", seed, options)
                        .isCloseTo(expectedServed, within(1e-9));
                assertThat(weightedTotal(scores, instance.demand))
                        .as("seed %d %s", seed, options)
                        .isCloseTo(expectedServed, within(1e-9 * Math.max(1, expectedServed)));
            }
        }
    }

    @Test
    void scoresEqualABruteForceComputationOnRandomGraphs() {
        for (int seed = 0; seed < 200; seed++) {
            Instance instance = Instance.random(seed);
            double catchment = 100 + new Random(seed).nextDouble() * 500;
            for (CatchmentOptions options : List.of(
                    CatchmentOptions.binary(catchment),
                    CatchmentOptions.luoQiStepwise(catchment),
                    CatchmentOptions.gaussian(catchment))) {
                AccessibilityScores scores = TwoStepFloatingCatchment.of(
                        instance.oracle.graph,
                        instance.cells,
                        instance.demand,
                        instance.facilities,
                        instance.supply,
                        options);

                int facilityCount = instance.facilities.size();
                double[] ratio = new double[facilityCount];
                for (int j = 0; j < facilityCount; j++) {
                    double denominator = instance.weightedDemand(j, options);
                    ratio[j] = denominator > 0 ? instance.supply[j] / denominator : 0;
                    assertThat(scores.ratio(j))
                            .as("seed %d facility %d", seed, j)
                            .isCloseTo(ratio[j], within(1e-9 * Math.max(1, ratio[j])));
                }
                for (int i = 0; i < instance.cells.size(); i++) {
                    double expected = 0;
                    for (int j = 0; j < facilityCount; j++) {
                        expected += instance.weight(i, j, options) * ratio[j];
                    }
                    assertThat(scores.score(i))
                            .as("seed %d cell %d", seed, i)
                            .isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
                }
            }
        }
    }

    @Test
    void amountsMustMatchTheirPointsAndBeFiniteAndNonNegative() {
        assertThatThrownBy(() -> TwoStepFloatingCatchment.of(
                        LINE, CELLS, new double[2], FACILITIES, FLOOR_AREA, CatchmentOptions.binary(700)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwoStepFloatingCatchment.of(
                        LINE, CELLS, POPULATION, FACILITIES, new double[] {1, -1}, CatchmentOptions.binary(700)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwoStepFloatingCatchment.of(
                        LINE,
                        CELLS,
                        new double[] {1, Double.NaN, 1},
                        FACILITIES,
                        FLOOR_AREA,
                        CatchmentOptions.binary(700)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double weightedTotal(AccessibilityScores scores, double[] demand) {
        double total = 0;
        for (int i = 0; i < demand.length; i++) {
            total += demand[i] * scores.score(i);
        }
        return total;
    }

    /** Random cells and facilities on a random graph with the oracle's distances. */
    private static final class Instance {
        final NetworkOracle oracle;
        final List<SnappedPoint> cells = new ArrayList<>();
        final List<SnappedPoint> facilities = new ArrayList<>();
        double[] demand;
        double[] supply;

        Instance(NetworkOracle oracle) {
            this.oracle = oracle;
        }

        static Instance random(int seed) {
            Random random = new Random(seed);
            Instance instance = new Instance(NetworkOracle.randomGraph(random));
            int cellCount = 5 + random.nextInt(30);
            instance.demand = new double[cellCount];
            for (int i = 0; i < cellCount; i++) {
                instance.cells.add(instance.oracle.randomPoint(random));
                instance.demand[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 500;
            }
            int facilityCount = 1 + random.nextInt(6);
            instance.supply = new double[facilityCount];
            for (int j = 0; j < facilityCount; j++) {
                instance.facilities.add(instance.oracle.randomPoint(random));
                instance.supply[j] = random.nextInt(5) == 0 ? 0 : 100 + random.nextDouble() * 2000;
            }
            return instance;
        }

        double weight(int cell, int facility, CatchmentOptions options) {
            return options.weightAt(oracle.distance(facilities.get(facility), cells.get(cell)));
        }

        double weightedDemand(int facility, CatchmentOptions options) {
            double sum = 0;
            for (int i = 0; i < cells.size(); i++) {
                sum += weight(i, facility, options) * demand[i];
            }
            return sum;
        }
    }
}
