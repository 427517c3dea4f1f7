package org.lifecircle.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.core.coverage.NetworkOracle.on;
import static org.lifecircle.core.graph.TestNetworks.edge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.TestNetworks;
import org.lifecircle.core.graph.WalkingGraph;

class CommunityCentreTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void centreOnAStreetIsTheHouseholdWeightedMedian() {
        /*
         *   A ──────────────────1000────────────────── B      E ──100── F (a stray fragment)
         *       1     1     1    10     1                         5
         *      100   300   500   700   900  m from A              (cell of the same community)
         */
        WalkingGraph graph = WalkingGraph.fromEdges(List.of(edge(1, 2, 0, 0, 1000, 0), edge(3, 4, 2000, 0, 2100, 0)));
        List<SnappedPoint> cells = List.of(
                on(0, 100, 0),
                on(0, 300, 0),
                on(0, 500, 0),
                on(0, 700, 0),
                on(0, 900, 0),
                on(1, 50, 0),
                SnappedPoint.unsnapped(0, 0, 0, 0, 900));
        PopulationCells population =
                new PopulationCells(cells, new int[] {1, 1, 1, 10, 1, 5, 7}, new int[] {0, 0, 0, 0, 0, 0, 0}, 1);

        CentreLocation centre = CommunityCentre.of(graph, population).get(0);

        assertThat(centre.centreCell()).isEqualTo(3);
        // 1 × 600 + 1 × 400 + 1 × 200 + 10 × 0 + 1 × 200 household-metres over the 14 weighed households.
        assertThat(centre.householdMeters()).isCloseTo(1400, within(1e-9));
        assertThat(centre.meanWalkMeters()).isCloseTo(100, within(1e-9));
        assertThat(centre.maxWalkMeters()).isCloseTo(600, within(1e-9));
        assertThat(centre.households()).isEqualTo(26);
        assertThat(centre.reachedHouseholds()).isEqualTo(14);
        assertThat(centre.candidateCount()).isEqualTo(5);
    }

    @Test
    void centreEqualsBruteForceOverAllCandidatesOnRandomGraphs() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            NetworkOracle oracle = NetworkOracle.randomGraph(random);
            int communityCount = 1 + random.nextInt(3);
            int cellCount = 3 + random.nextInt(25);
            List<SnappedPoint> cells = new ArrayList<>();
            int[] households = new int[cellCount];
            int[] community = new int[cellCount];
            for (int i = 0; i < cellCount; i++) {
                cells.add(oracle.randomPoint(random));
                households[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(100);
                community[i] = random.nextInt(communityCount);
            }
            PopulationCells population = new PopulationCells(cells, households, community, communityCount);
            CommunityCentreOptions options = CommunityCentreOptions.defaults().withLandmarkCount(1 + random.nextInt(4));

            List<CentreLocation> centres = new CommunityCentre(oracle.graph, options).locateAll(population);

            for (int c = 0; c < communityCount; c++) {
                checkAgainstBruteForce(oracle, population, c, centres.get(c), seed);
            }
        }
    }

    /** Every candidate of the weighed set evaluated with the oracle's distances. */
    private static void checkAgainstBruteForce(
            NetworkOracle oracle, PopulationCells population, int community, CentreLocation found, int seed) {
        List<SnappedPoint> cells = population.centroids();
        int[] households = population.households();
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (population.communityOfCell()[i] == community) {
                members.add(i);
            }
        }
        int anchor = bruteForceAnchor(oracle, cells, households, members);
        if (anchor < 0) {
            assertThat(found.hasCentre()).isFalse();
            return;
        }
        List<Integer> weighed = new ArrayList<>();
        long reached = 0;
        for (int i : members) {
            if (oracle.distance(cells.get(anchor), cells.get(i)) < INF) {
                weighed.add(i);
                reached += households[i];
            }
        }
        double best = INF;
        for (int candidate : weighed) {
            best = Math.min(best, objective(oracle, cells, households, weighed, candidate));
        }
        assertThat(found.reachedHouseholds())
                .as("seed %d community %d", seed, community)
                .isEqualTo(reached);
        assertThat(found.candidateCount()).isEqualTo(weighed.size());
        assertThat(weighed).contains(found.centreCell());
        double tolerance = 1e-9 * Math.max(1, best);
        assertThat(found.householdMeters())
                .as("seed %d community %d", seed, community)
                .isCloseTo(best, within(tolerance));
        assertThat(objective(oracle, cells, households, weighed, found.centreCell()))
                .isCloseTo(best, within(tolerance));
    }

    private static int bruteForceAnchor(
            NetworkOracle oracle, List<SnappedPoint> cells, int[] households, List<Integer> members) {
        int[] householdsOfComponent = new int[oracle.graph.componentCount()];
        for (int i : members) {
            if (cells.get(i).isSnapped()) {
                householdsOfComponent[componentOf(oracle, cells.get(i))] += households[i];
            }
        }
        int bestComponent = -1;
        for (int i : members) {
            if (cells.get(i).isSnapped()) {
                int component = componentOf(oracle, cells.get(i));
                if (bestComponent < 0 || householdsOfComponent[component] > householdsOfComponent[bestComponent]) {
                    bestComponent = component;
                }
            }
        }
        int anchor = -1;
        for (int i : members) {
            if (cells.get(i).isSnapped()
                    && componentOf(oracle, cells.get(i)) == bestComponent
                    && (anchor < 0 || households[i] > households[anchor])) {
                anchor = i;
            }
        }
        return anchor;
    }

    private static int componentOf(NetworkOracle oracle, SnappedPoint point) {
        return oracle.graph.componentOf(oracle.graph.edgeSourceNode(point.edge()));
    }

    private static double objective(
            NetworkOracle oracle, List<SnappedPoint> cells, int[] households, List<Integer> weighed, int candidate) {
        double sum = 0;
        for (int i : weighed) {
            if (households[i] > 0) {
                sum += households[i] * oracle.distance(cells.get(candidate), cells.get(i));
            }
        }
        return sum;
    }

    @Test
    void landmarkBoundsSpareMostSearchesOnAGrid() {
        // 21 × 21 nodes 50 m apart; one cell per block centre, 5 m off the street, equal households.
        WalkingGraph graph = WalkingGraph.fromEdges(TestNetworks.grid(21, 21, 50));
        List<SnappedPoint> cells = new ArrayList<>();
        for (int e = 0; e < graph.edgeCount(); e += 2) {
            cells.add(on(e, 25, 5));
        }
        int[] households = new int[cells.size()];
        Arrays.fill(households, 30);
        PopulationCells population = new PopulationCells(cells, households, new int[cells.size()], 1);

        CentreLocation centre = CommunityCentre.of(graph, population).get(0);

        assertThat(centre.candidateCount()).isEqualTo(cells.size());
        assertThat(centre.searchCount()).isLessThan(cells.size() / 4);
        double[] middle = TestNetworks.localMeters(
                graph, graph.edgeSourceNode(cells.get(centre.centreCell()).edge()));
        assertThat(middle[0]).isBetween(400.0, 600.0);
        assertThat(middle[1]).isBetween(400.0, 600.0);
    }

    @Test
    void communityWithoutNetworkCellsHasNoCentre() {
        WalkingGraph graph = WalkingGraph.fromEdges(List.of(edge(1, 2, 0, 0, 100, 0)));
        PopulationCells population = new PopulationCells(
                List.of(SnappedPoint.unsnapped(0, 0, 0, 0, 900), on(0, 10, 0)), new int[] {5, 5}, new int[] {0, 1}, 2);

        List<CentreLocation> centres = CommunityCentre.of(graph, population);

        assertThat(centres.get(0).hasCentre()).isFalse();
        assertThat(centres.get(0).households()).isEqualTo(5);
        assertThat(centres.get(1).centreCell()).isEqualTo(1);
        assertThat(new CommunityCentre(graph, CommunityCentreOptions.defaults()).locate(population, 1))
                .isEqualTo(centres.get(1));
    }

    @Test
    void optionsRejectNonPositiveLimitsAndLandmarkCountsOutOfRange() {
        assertThatThrownBy(() -> new CommunityCentreOptions(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommunityCentreOptions(100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommunityCentreOptions(100, 17)).isInstanceOf(IllegalArgumentException.class);
    }
}
