package org.lifecircle.core.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Edits on a 20 × 20 grid of 100 m cells split into 16 communities of 5 × 5 cells. */
class PlanEditorTest {
    private static final int SIDE = 20;
    private static final RegionalizationOptions OPTIONS = RegionalizationOptions.of(1000, 3000, 5000);

    @Test
    void metricsAfterEveryEditEqualARecountFromScratch() {
        CellGraph graph = grid(1);
        PlanEditor editor = new PlanEditor(graph, blocks(), 16, OPTIONS);
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 0; step < 200; step++) {
            int cell = random.nextInt(graph.size());
            int to = random.nextInt(16);
            EditOutcome outcome = editor.apply(new int[] {cell}, to);
            for (CommunityMetrics m : outcome.affected()) {
                assertRecount(graph, editor.assignment(), m);
            }
        }
        for (int c = 0; c < 16; c++) {
            assertRecount(graph, editor.assignment(), editor.metrics(c));
        }
    }

    @Test
    void undoAndRedoRestoreTheAssignmentExactly() {
        CellGraph graph = grid(2);
        PlanEditor editor = new PlanEditor(graph, blocks(), 16, OPTIONS);
        int[] start = editor.assignment();
        editor.apply(new int[] {4, 24, 44}, 1);
        int[] afterFirst = editor.assignment();
        editor.apply(new int[] {5, 6}, 0);
        int[] afterSecond = editor.assignment();
        assertThat(editor.undo().movedCells()).isEqualTo(2);
        assertThat(editor.assignment()).isEqualTo(afterFirst);
        assertThat(editor.undo().movedCells()).isEqualTo(3);
        assertThat(editor.assignment()).isEqualTo(start);
        assertThat(editor.undo()).isNull();
        editor.redo();
        editor.redo();
        assertThat(editor.assignment()).isEqualTo(afterSecond);
        assertThat(editor.redo()).isNull();
        for (int c = 0; c < 16; c++) {
            assertRecount(graph, editor.assignment(), editor.metrics(c));
        }
    }

    @Test
    void anEditThatCutsACommunityOrEmptiesItSaysSo() {
        CellGraph graph = grid(3);
        PlanEditor editor = new PlanEditor(graph, blocks(), 16, OPTIONS);
        // Block 0 is rows 0–4, columns 0–4; taking its middle column cuts it in two.
        int[] column = {2, 22, 42, 62, 82};
        EditOutcome cut = editor.apply(column, 1);
        assertThat(cut.violations()).anyMatch(v -> v.community() == 0 && v.kind() == PlanViolation.Kind.NOT_CONTIGUOUS);
        assertThat(editor.metrics(0).contiguous()).isFalse();
        int[] rest = new int[20];
        for (int r = 0, k = 0; r < 5; r++) {
            for (int c : new int[] {0, 1, 3, 4}) {
                rest[k++] = r * SIDE + c;
            }
        }
        EditOutcome emptied = editor.apply(rest, 1);
        assertThat(emptied.violations()).anyMatch(v -> v.community() == 0 && v.kind() == PlanViolation.Kind.EMPTY);
        assertThat(emptied.violations())
                .anyMatch(v -> v.community() == 1 && v.kind() == PlanViolation.Kind.OVER_MAXIMUM);
    }

    @Test
    void rebalancingFixesTheBoundsAroundAnEditAndNeverMovesThePlannersCells() {
        CellGraph graph = grid(4);
        // A tighter range (at most 4,000) so one edit can overshoot it.
        PlanEditor editor = new PlanEditor(graph, blocks(), 16, RegionalizationOptions.of(1000, 2750, 4000));
        // Community 5 (about 2,750 households) takes three columns of community 6 (about 1,650).
        int[] taken = new int[15];
        for (int r = 0; r < 5; r++) {
            for (int k = 0; k < 3; k++) {
                taken[3 * r + k] = (5 + r) * SIDE + 10 + k;
            }
        }
        editor.apply(taken, 5);
        assertThat(editor.metrics(5).status()).isEqualTo(ProposedCommunity.Status.OVER);
        EditOutcome rebalanced = editor.rebalance(new int[] {5});
        assertThat(rebalanced.movedCells()).isPositive();
        for (int cell : taken) {
            assertThat(editor.communityOf(cell)).isEqualTo(5);
        }
        for (int c = 0; c < 16; c++) {
            CommunityMetrics m = editor.metrics(c);
            assertThat(m.status()).as("community %d", c).isEqualTo(ProposedCommunity.Status.IN_RANGE);
            assertThat(m.contiguous()).isTrue();
        }
        editor.undo();
        assertThat(editor.metrics(5).status()).isEqualTo(ProposedCommunity.Status.OVER);
    }

    @Test
    void cellsWithoutACommunityJoinTheNearestOneOrFormNewOnes() {
        CellGraph graph = grid(6);
        int[] partial = blocks();
        // Community 3 (rows 0–4, columns 15–19) has lost its cells; column 0 of rows 0–4 too.
        for (int i = 0; i < partial.length; i++) {
            if (partial[i] == 3 || i % SIDE == 0 && i / SIDE < 5) {
                partial[i] = -1;
            }
        }
        int[] completed = PlanEditor.completed(graph, partial, 16);
        assertThat(completed).doesNotContain(-1);
        assertThat(completed[0]).isEqualTo(0); // joined its block's rest
        assertThat(completed[19]).isEqualTo(2); // flooded from the neighbouring block
        int[] none = new int[graph.size()];
        Arrays.fill(none, -1);
        assertThat(PlanEditor.completed(graph, none, 0)).containsOnly(0);
    }

    @Test
    void recordedMovesReplayAsOneEdit() {
        CellGraph graph = grid(7);
        PlanEditor editor = new PlanEditor(graph, blocks(), 16, OPTIONS);
        int[] start = editor.assignment();
        EditOutcome outcome = editor.applyEach(new int[] {0, 399, 5}, new int[] {1, 14, 0});
        assertThat(outcome.movedCells()).isEqualTo(3);
        assertThat(editor.communityOf(399)).isEqualTo(14);
        editor.undo();
        assertThat(editor.assignment()).isEqualTo(start);
    }

    @Test
    void badEditsAreRefused() {
        PlanEditor editor = new PlanEditor(grid(5), blocks(), 16, OPTIONS);
        assertThatIllegalArgumentException().isThrownBy(() -> editor.apply(new int[] {0}, 16));
        assertThatIllegalArgumentException().isThrownBy(() -> editor.apply(new int[] {SIDE * SIDE}, 0));
        int added = editor.addCommunity();
        assertThat(added).isEqualTo(16);
        assertThat(editor.apply(new int[] {0}, added).affected()).hasSize(2);
    }

    private static void assertRecount(CellGraph graph, int[] assignment, CommunityMetrics m) {
        long households = 0;
        int cells = 0;
        double area = 0;
        double perimeter = 0;
        for (int i = 0; i < graph.size(); i++) {
            if (assignment[i] != m.community()) {
                continue;
            }
            households += graph.households()[i];
            cells++;
            area += graph.areaSquareMeters()[i];
            perimeter += graph.perimeterMeters()[i];
            for (int e = graph.start()[i]; e < graph.start()[i + 1]; e++) {
                if (assignment[graph.neighbour()[e]] == m.community()) {
                    perimeter -= graph.sharedMeters()[e];
                }
            }
        }
        assertThat(m.households()).isEqualTo(households);
        assertThat(m.cells()).isEqualTo(cells);
        assertThat(m.areaSquareMeters()).isCloseTo(area, within(1e-6));
        if (cells > 0) {
            assertThat(m.polsbyPopper()).isCloseTo(4 * Math.PI * area / (perimeter * perimeter), within(1e-9));
        }
    }

    private static int[] blocks() {
        int[] block = new int[SIDE * SIDE];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                block[r * SIDE + c] = (r / 5) * 4 + c / 5;
            }
        }
        return block;
    }

    private static CellGraph grid(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] households = new int[SIDE * SIDE];
        for (int i = 0; i < households.length; i++) {
            households[i] = 90 + random.nextInt(41);
        }
        double[] area = new double[SIDE * SIDE];
        double[] perimeter = new double[SIDE * SIDE];
        Arrays.fill(area, 10_000);
        Arrays.fill(perimeter, 400);
        CellGraph.Builder builder = CellGraph.builder(households, area, perimeter);
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int i = r * SIDE + c;
                if (c + 1 < SIDE) {
                    builder.adjacent(i, i + 1, 100, false);
                }
                if (r + 1 < SIDE) {
                    builder.adjacent(i, i + SIDE, 100, false);
                }
            }
        }
        return builder.build();
    }
}
