package org.lifecircle.core.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.core.boundary.ProposedCommunity.Infeasibility;
import org.lifecircle.core.boundary.ProposedCommunity.Status;
import org.lifecircle.core.standards.StandardsCatalog;

/**
 * The regionalization engine on grids of 100 m cells built so that a feasible plan is known to
 * exist: blocks of 5 × 5 cells, each block's households within the bounds, hard breaks only along
 * block borders. Every plan is checked by an independent breadth-first search.
 */
class RegionalizerTest {
    private static final int BLOCK = 5;
    private static final RegionalizationOptions NATIONAL =
            RegionalizationOptions.communities(StandardsCatalog.national());

    /** A grid instance: cells row by row, the known feasible blocks, hard lines along some block borders. */
    private record Grid(CellGraph graph, int rows, int cols, int[] block, int blockCount) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void perturbedBoundariesAreRepairedIntoContiguousCommunitiesWithinBounds(long seed) {
        Grid grid = grid(30, 30, seed, 80, 160);
        // Today: blocks merged in random pairs (some over 5,000) and others halved (some under 1,000).
        int[] today = perturbed(grid, seed);
        int todayCount = Arrays.stream(today).max().orElse(-1) + 1;
        RegionalizationResult result = Regionalizer.propose(grid.graph(), today, todayCount, NATIONAL.withSeed(seed));

        assertValid(grid.graph(), result);
        for (ProposedCommunity community : result.communities()) {
            assertThat(community.status()).as(community.toString()).isEqualTo(Status.IN_RANGE);
        }
        assertThat(result.after().outOfRange()).isZero();
        assertThat(result.before().outOfRange()).isPositive();
        assertThat(result.after().householdsMoved())
                .isEqualTo(
                        result.moves().stream().mapToLong(CellMove::households).sum());
    }

    @Test
    void aPlanWithinTheBoundsComesBackUnchanged() {
        Grid grid = grid(20, 25, 7, 60, 190);
        RegionalizationResult result =
                Regionalizer.propose(grid.graph(), grid.block(), grid.blockCount(), NATIONAL.withSeed(7));
        assertThat(result.moves()).isEmpty();
        assertThat(result.stop()).isEqualTo("NOTHING_TO_DO");
        for (int i = 0; i < grid.block().length; i++) {
            int community = result.communityOfCell()[i];
            assertThat(result.communities().get(community).continuesCommunity()).isEqualTo(grid.block()[i]);
        }
    }

    @Test
    void hardBreaksNeverRunThroughACommunity() {
        for (long seed = 11; seed < 15; seed++) {
            Grid grid = grid(25, 30, seed, 80, 160);
            RegionalizationResult result = Regionalizer.propose(
                    grid.graph(),
                    perturbed(grid, seed),
                    grid.blockCount() * 2,
                    NATIONAL.withSeed(seed).withScope(RegionalizationOptions.Scope.ALL));
            CellGraph g = grid.graph();
            for (int i = 0; i < g.size(); i++) {
                for (int e = g.start()[i]; e < g.start()[i + 1]; e++) {
                    if (g.hard()[e]) {
                        assertThat(result.communityOfCell()[g.neighbour()[e]])
                                .as("cells %d and %d across a hard break", i, g.neighbour()[e])
                                .isNotEqualTo(result.communityOfCell()[i]);
                    }
                }
            }
        }
    }

    @Test
    void sameSeedSamePlanAndAZeroTimeLimitStillGivesAValidPlan() {
        Grid grid = grid(30, 30, 21, 80, 160);
        int[] today = perturbed(grid, 21);
        int count = grid.blockCount() * 2;
        RegionalizationResult first = Regionalizer.propose(grid.graph(), today, count, NATIONAL.withSeed(99));
        RegionalizationResult second = Regionalizer.propose(grid.graph(), today, count, NATIONAL.withSeed(99));
        assertThat(second.communityOfCell()).isEqualTo(first.communityOfCell());
        assertThat(second.moves()).isEqualTo(first.moves());

        RegionalizationResult hurried = Regionalizer.propose(
                grid.graph(), today, count, NATIONAL.withSeed(99).withTimeLimitMillis(0));
        assertValid(grid.graph(), hurried);
        RegionalizationResult noSearch = Regionalizer.propose(
                grid.graph(), today, count, NATIONAL.withSeed(99).withIterationsPerCell(0));
        assertValid(grid.graph(), noSearch);
    }

    @Test
    void aCellOverTheMaximumAndAnIslandTooSmallAreReportedAsInfeasible() {
        int rows = 10;
        int cols = 10;
        int[] households = new int[rows * cols];
        Arrays.fill(households, 100);
        households[0] = 6000;
        CellGraph.Builder builder = gridBuilder(rows, cols, households);
        // The 2 × 2 corner at the far end is cut off on both inner sides: 400 households alone.
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (c + 1 < cols) {
                    builder.adjacent(i, i + 1, 100, c == 7 && r >= 8);
                }
                if (r + 1 < rows) {
                    builder.adjacent(i, i + cols, 100, r == 7 && c >= 8);
                }
            }
        }
        CellGraph graph = builder.build();
        int[] today = new int[rows * cols];
        Arrays.fill(today, -1);
        RegionalizationResult result = Regionalizer.propose(graph, today, 0, NATIONAL);
        assertValid(graph, result);
        ProposedCommunity big = result.communities().get(result.communityOfCell()[0]);
        assertThat(big.status()).isEqualTo(Status.OVER);
        assertThat(big.reason()).isEqualTo(Infeasibility.SINGLE_CELL_OVER_MAX);
        ProposedCommunity island = result.communities().get(result.communityOfCell()[rows * cols - 1]);
        assertThat(island.status()).isEqualTo(Status.UNDER);
        assertThat(island.reason()).isEqualTo(Infeasibility.ISLAND_TOO_SMALL);
        assertThat(island.households()).isEqualTo(400);
    }

    @Test
    void anAreaTooSmallBehindAnArterialJoinsItsNeighbourAcrossIt() {
        // 10 × 10 cells of 100 households; the 2 × 2 far corner (400) is cut off by an arterial, and
        // the left column by a river: the corner joins across the arterial, the river stays closed.
        int rows = 10;
        int cols = 10;
        int[] households = new int[rows * cols];
        Arrays.fill(households, 100);
        households[0] = 10;
        CellGraph.Builder builder = gridBuilder(rows, cols, households);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (c + 1 < cols) {
                    boolean arterial = c == 7 && r >= 8;
                    builder.adjacent(i, i + 1, 100, arterial || c == 0, arterial);
                }
                if (r + 1 < rows) {
                    boolean arterial = r == 7 && c >= 8;
                    builder.adjacent(i, i + cols, 100, arterial, arterial);
                }
            }
        }
        CellGraph graph = builder.build();
        int[] today = new int[rows * cols];
        Arrays.fill(today, -1);
        RegionalizationResult result = Regionalizer.propose(graph, today, 0, NATIONAL);
        ProposedCommunity corner = result.communities().get(result.communityOfCell()[rows * cols - 1]);
        assertThat(corner.status()).isEqualTo(Status.IN_RANGE);
        assertThat(corner.households()).isGreaterThan(400);
        assertThat(result.openedBreaks()).isPositive();
        // The river column (1,000 households less 90) is a community of its own, too small.
        ProposedCommunity river = result.communities().get(result.communityOfCell()[0]);
        assertThat(river.households()).isEqualTo(910);
        assertThat(river.reason()).isEqualTo(Infeasibility.ISLAND_TOO_SMALL);
        for (int i = 0; i < graph.size(); i++) {
            for (int e = graph.start()[i]; e < graph.start()[i + 1]; e++) {
                if (graph.hard()[e] && !graph.crossable()[e]) {
                    assertThat(result.communityOfCell()[graph.neighbour()[e]])
                            .isNotEqualTo(result.communityOfCell()[i]);
                }
            }
        }
    }

    @Test
    void withArterialsClosedNoHardBreakIsEverCrossedAndTheAreaIsReportedInstead() {
        int rows = 10;
        int cols = 10;
        int[] households = new int[rows * cols];
        Arrays.fill(households, 100);
        CellGraph.Builder builder = gridBuilder(rows, cols, households);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (c + 1 < cols) {
                    boolean arterial = c == 7 && r >= 8;
                    builder.adjacent(i, i + 1, 100, arterial, arterial);
                }
                if (r + 1 < rows) {
                    boolean arterial = r == 7 && c >= 8;
                    builder.adjacent(i, i + cols, 100, arterial, arterial);
                }
            }
        }
        CellGraph graph = builder.build();
        int[] today = new int[rows * cols];
        Arrays.fill(today, -1);
        RegionalizationResult strict = Regionalizer.propose(graph, today, 0, NATIONAL.withArterialsForIslands(false));
        assertThat(strict.openedBreaks()).isZero();
        ProposedCommunity corner = strict.communities().get(strict.communityOfCell()[rows * cols - 1]);
        assertThat(corner.reason()).isEqualTo(Infeasibility.ISLAND_TOO_SMALL);
        for (int i = 0; i < graph.size(); i++) {
            for (int e = graph.start()[i]; e < graph.start()[i + 1]; e++) {
                if (graph.hard()[e]) {
                    assertThat(strict.communityOfCell()[graph.neighbour()[e]])
                            .isNotEqualTo(strict.communityOfCell()[i]);
                }
            }
        }
    }

    @Test
    void communitiesAreProposedFromNothing() {
        Grid grid = grid(30, 30, 31, 80, 160);
        int[] none = new int[grid.graph().size()];
        Arrays.fill(none, -1);
        RegionalizationResult result = Regionalizer.propose(grid.graph(), none, 0, NATIONAL.withSeed(3));
        assertValid(grid.graph(), result);
        assertThat(result.after().outOfRange()).isZero();
        assertThat(result.moves()).isEmpty();
        assertThat(result.communities()).allMatch(c -> c.continuesCommunity() == -1);
        long total = grid.graph().totalHouseholds();
        assertThat(result.communities().size()).isBetween((int) (total / 5000), (int) (total / 1000));
    }

    @Test
    void oneCommunityIsDividedIntoManagementGrids() {
        // One community of 6 × 6 cells with 60–110 households each: grids of 300–500 households.
        int rows = 6;
        int cols = 6;
        SplittableRandom random = new SplittableRandom(5);
        int[] households = new int[rows * cols];
        for (int i = 0; i < households.length; i++) {
            households[i] = 60 + random.nextInt(51);
        }
        CellGraph.Builder builder = gridBuilder(rows, cols, households);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (c + 1 < cols) {
                    builder.adjacent(i, i + 1, 100, false);
                }
                if (r + 1 < rows) {
                    builder.adjacent(i, i + cols, 100, false);
                }
            }
        }
        CellGraph graph = builder.build();
        int[] one = new int[rows * cols];
        RegionalizationResult grids = Regionalizer.propose(graph, one, 1, RegionalizationOptions.of(300, 400, 500));
        assertValid(graph, grids);
        assertThat(grids.communities().size()).isGreaterThan(4);
        assertThat(grids.communities()).allMatch(c -> c.status() == Status.IN_RANGE);
    }

    @Test
    void ignoringTodaysBoundariesMovesMoreHouseholds() {
        Grid grid = grid(30, 30, 41, 80, 160);
        int[] today = perturbed(grid, 41);
        int count = grid.blockCount() * 2;
        RegionalizationResult careful = Regionalizer.propose(grid.graph(), today, count, NATIONAL.withSeed(1));
        RegionalizationResult careless = Regionalizer.propose(
                grid.graph(),
                today,
                count,
                NATIONAL.withSeed(1).withScope(RegionalizationOptions.Scope.ALL).withWeights(1, 0.3, 0));
        assertValid(grid.graph(), careless);
        assertThat(careful.after().householdsMoved())
                .isLessThan(careless.after().householdsMoved());
    }

    @Test
    void badInputIsRefused() {
        Grid grid = grid(5, 5, 1, 80, 160);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Regionalizer.propose(grid.graph(), new int[3], 1, NATIONAL));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Regionalizer.propose(grid.graph(), new int[25], 0, NATIONAL));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> RegionalizationOptions.of(3000, 1000, 5000));
    }

    /** Every cell in exactly one community, each community soft-connected, checked from scratch. */
    private static void assertValid(CellGraph graph, RegionalizationResult result) {
        int[] community = result.communityOfCell();
        int count = result.communities().size();
        assertThat(community).hasSize(graph.size());
        long[] households = new long[count];
        int[] cells = new int[count];
        for (int i = 0; i < graph.size(); i++) {
            assertThat(community[i]).isBetween(0, count - 1);
            households[community[i]] += graph.households()[i];
            cells[community[i]]++;
        }
        for (ProposedCommunity c : result.communities()) {
            assertThat(c.households()).isEqualTo(households[c.index()]);
            assertThat(c.cells()).isEqualTo(cells[c.index()]).isPositive();
        }
        boolean[] seen = new boolean[graph.size()];
        int[] reached = new int[count];
        boolean[] started = new boolean[count];
        for (int s = 0; s < graph.size(); s++) {
            int r = community[s];
            if (started[r]) {
                continue;
            }
            started[r] = true;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(s);
            seen[s] = true;
            while (!queue.isEmpty()) {
                int u = queue.poll();
                reached[r]++;
                for (int e = graph.start()[u]; e < graph.start()[u + 1]; e++) {
                    int v = graph.neighbour()[e];
                    if (!graph.hard()[e] && community[v] == r && !seen[v]) {
                        seen[v] = true;
                        queue.add(v);
                    }
                }
            }
        }
        for (int r = 0; r < count; r++) {
            assertThat(reached[r])
                    .as("community %d is connected over soft links", r)
                    .isEqualTo(cells[r]);
        }
    }

    /**
     * A rows × cols grid of 100 m cells with random households in [lo, hi] and blocks of 5 × 5; a
     * random third of the block borders are hard lines running the full width or height.
     */
    private static Grid grid(int rows, int cols, long seed, int lo, int hi) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] households = new int[rows * cols];
        for (int i = 0; i < households.length; i++) {
            households[i] = lo + random.nextInt(hi - lo + 1);
        }
        boolean[] hardRowBorder = new boolean[rows];
        boolean[] hardColBorder = new boolean[cols];
        for (int r = BLOCK; r < rows; r += BLOCK) {
            hardRowBorder[r] = random.nextInt(3) == 0;
        }
        for (int c = BLOCK; c < cols; c += BLOCK) {
            hardColBorder[c] = random.nextInt(3) == 0;
        }
        CellGraph.Builder builder = gridBuilder(rows, cols, households);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (c + 1 < cols) {
                    builder.adjacent(i, i + 1, 100, hardColBorder[c + 1]);
                }
                if (r + 1 < rows) {
                    builder.adjacent(i, i + cols, 100, hardRowBorder[r + 1]);
                }
            }
        }
        int blocksAcross = (cols + BLOCK - 1) / BLOCK;
        int[] block = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                block[r * cols + c] = (r / BLOCK) * blocksAcross + c / BLOCK;
            }
        }
        int blockCount = ((rows + BLOCK - 1) / BLOCK) * blocksAcross;
        return new Grid(builder.build(), rows, cols, block, blockCount);
    }

    private static CellGraph.Builder gridBuilder(int rows, int cols, int[] households) {
        double[] area = new double[rows * cols];
        double[] perimeter = new double[rows * cols];
        Arrays.fill(area, 100 * 100);
        Arrays.fill(perimeter, 400);
        return CellGraph.builder(households, area, perimeter);
    }

    /**
     * Today's communities: each block either kept, merged with its right-hand neighbour (which may
     * straddle a hard line and exceed the maximum) or halved into a top and a bottom part.
     */
    private static int[] perturbed(Grid grid, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        int blocksAcross = (grid.cols() + BLOCK - 1) / BLOCK;
        int[] label = new int[grid.blockCount()];
        boolean[] halved = new boolean[grid.blockCount()];
        for (int b = 0; b < grid.blockCount(); b++) {
            label[b] = b;
        }
        for (int b = 0; b < grid.blockCount(); b++) {
            int choice = random.nextInt(3);
            if (choice == 0 && b % blocksAcross + 1 < blocksAcross && label[b + 1] == b + 1) {
                label[b + 1] = label[b];
            } else if (choice == 1) {
                halved[b] = true;
            }
        }
        int[] today = new int[grid.graph().size()];
        for (int i = 0; i < today.length; i++) {
            int b = grid.block()[i];
            int row = i / grid.cols();
            boolean bottom = halved[b] && row % BLOCK >= BLOCK / 2 + 1;
            today[i] = bottom ? grid.blockCount() + b : label[b];
        }
        return today;
    }
}
