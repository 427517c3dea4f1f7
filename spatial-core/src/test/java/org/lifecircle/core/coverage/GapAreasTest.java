package org.lifecircle.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.graph.TestNetworks;
import org.locationtech.jts.geom.Geometry;

class GapAreasTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double THRESHOLD_METERS = 300;
    private static final int COLUMNS = 6;
    private static final int ROWS = 4;

    /*
     * A 6 × 4 grid of 100 m cells, cell index = row × 6 + column, row 0 at the south:
     *
     *   row 3   .    .    .    .    .    .
     *   row 2   A10  A20  e    e    B50  .        A, B: uncovered cells with their households
     *   row 1   A30  .    .    .    B50  .        e: uncovered, no households
     *   row 0   .    .    .    .    .    .        .: covered (100 m from a facility)
     *
     * Gap B (100 households, 2 cells) outranks gap A (60 households, 3 cells); the empty cells bridge
     * them only when empty cells are asked for.
     */
    private static final List<Geometry> CELLS = gridCells();

    private static List<Geometry> gridCells() {
        List<Geometry> cells = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                double x = column * 100;
                double y = row * 100;
                cells.add(TestNetworks.lonLatPolygon(x, y, x + 100, y, x + 100, y + 100, x, y + 100));
            }
        }
        return cells;
    }

    private static int cell(int column, int row) {
        return row * COLUMNS + column;
    }

    private static final int[] HOUSEHOLDS = new int[COLUMNS * ROWS];
    private static final double[] DISTANCE_METERS = new double[COLUMNS * ROWS];
    private static final int[] NEAREST_FACILITY = new int[COLUMNS * ROWS];

    static {
        Arrays.fill(HOUSEHOLDS, 5);
        Arrays.fill(DISTANCE_METERS, 100);
        Arrays.fill(NEAREST_FACILITY, 0);
        uncovered(cell(0, 2), 10, 450, 7);
        uncovered(cell(1, 2), 20, 400, 7);
        uncovered(cell(0, 1), 30, 500, 8);
        uncovered(cell(2, 2), 0, 420, 7);
        uncovered(cell(3, 2), 0, 380, 3);
        uncovered(cell(4, 2), 50, 350, 3);
        uncovered(cell(4, 1), 50, INF, -1);
    }

    private static void uncovered(int cell, int households, double distanceMeters, int facility) {
        HOUSEHOLDS[cell] = households;
        DISTANCE_METERS[cell] = distanceMeters;
        NEAREST_FACILITY[cell] = facility;
    }

    private static List<GapArea> gaps(GapOptions options) {
        return GapAreas.of(CELLS, HOUSEHOLDS, DISTANCE_METERS, NEAREST_FACILITY, THRESHOLD_METERS, options);
    }

    @Test
    void twoSeparateBlobsBecomeTwoGapsRankedByHouseholds() {
        List<GapArea> gaps = gaps(GapOptions.defaults());

        assertThat(gaps).hasSize(2);
        GapArea first = gaps.get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.households()).isEqualTo(100);
        assertThat(first.cellIndices()).containsExactly(cell(4, 1), cell(4, 2));
        assertThat(first.nearestFacilityDistanceMeters()).isEqualTo(350);
        assertThat(first.nearestFacility()).isEqualTo(3);
        assertThat(first.areaSquareMeters()).isCloseTo(20_000, within(20.0));
        GapArea second = gaps.get(1);
        assertThat(second.rank()).isEqualTo(2);
        assertThat(second.households()).isEqualTo(60);
        assertThat(second.cellCount()).isEqualTo(3);
        assertThat(second.cellIndices()).containsExactly(cell(0, 1), cell(0, 2), cell(1, 2));
        assertThat(second.nearestFacilityDistanceMeters()).isEqualTo(400);
        assertThat(second.nearestFacility()).isEqualTo(7);
        assertThat(second.areaSquareMeters()).isCloseTo(30_000, within(30.0));
        // The dissolved L-shape is one polygon that holds its cells and none of gap B's.
        assertThat(second.area().getNumInteriorRing()).isZero();
        assertThat(second.area().covers(CELLS.get(cell(1, 2)).getInteriorPoint()))
                .isTrue();
        assertThat(second.area().intersects(CELLS.get(cell(4, 2)).getInteriorPoint()))
                .isFalse();
        assertThat(second.area().getSRID()).isEqualTo(4326);
    }

    @Test
    void emptyUncoveredCellsBridgeGapsOnlyWhenIncluded() {
        List<GapArea> gaps = gaps(GapOptions.defaults().withIncludeEmptyCells(true));

        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).households()).isEqualTo(160);
        assertThat(gaps.get(0).cellCount()).isEqualTo(7);
        assertThat(gaps.get(0).nearestFacilityDistanceMeters()).isEqualTo(350);
        assertThat(gaps.get(0).areaSquareMeters()).isCloseTo(70_000, within(70.0));
    }

    @Test
    void gapsBelowTheMinimumHouseholdsAreDropped() {
        List<GapArea> gaps = gaps(GapOptions.defaults().withMinGapHouseholds(61));

        assertThat(gaps).extracting(GapArea::households).containsExactly(100L);
    }

    @Test
    void cellsMeetingOnlyAtACornerAreSeparateGaps() {
        int[] households = new int[COLUMNS * ROWS];
        double[] distance = new double[COLUMNS * ROWS];
        Arrays.fill(households, 1);
        distance[cell(2, 1)] = INF;
        distance[cell(3, 2)] = INF;

        List<GapArea> gaps =
                GapAreas.of(CELLS, households, distance, new int[COLUMNS * ROWS], 300, GapOptions.defaults());

        assertThat(gaps).hasSize(2);
        assertThat(gaps).extracting(GapArea::rank).containsExactly(1, 2);
        // Equal households and cells: the gap with the lower cell index ranks first.
        assertThat(gaps.get(0).cellIndices()).containsExactly(cell(2, 1));
    }

    @Test
    void blocksThatAreNotACleanCoverageStillDissolve() {
        // A wide block under two narrow ones: its top edge has no vertex where theirs meet (x = 100).
        List<Geometry> blocks = List.of(
                TestNetworks.lonLatPolygon(0, 0, 200, 0, 200, 100, 0, 100),
                TestNetworks.lonLatPolygon(0, 100, 100, 100, 100, 200, 0, 200),
                TestNetworks.lonLatPolygon(100, 100, 200, 100, 200, 200, 100, 200),
                // and two overlapping blocks farther east
                TestNetworks.lonLatPolygon(400, 0, 500, 0, 500, 100, 400, 100),
                TestNetworks.lonLatPolygon(450, 0, 550, 0, 550, 100, 450, 100));
        double[] distance = {INF, INF, INF, INF, INF};

        List<GapArea> gaps =
                GapAreas.of(blocks, new int[] {1, 2, 3, 4, 5}, distance, new int[5], 300, GapOptions.defaults());

        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0).cellIndices()).containsExactly(3, 4);
        assertThat(gaps.get(0).areaSquareMeters()).isCloseTo(15_000, within(15.0));
        assertThat(gaps.get(1).cellIndices()).containsExactly(0, 1, 2);
        assertThat(gaps.get(1).areaSquareMeters()).isCloseTo(40_000, within(40.0));
        assertThat(gaps.get(1).area().isValid()).isTrue();
    }

    @Test
    void fullyCoveredCellsHaveNoGaps() {
        double[] distance = new double[COLUMNS * ROWS];

        assertThat(GapAreas.of(
                        CELLS, HOUSEHOLDS, distance, new int[COLUMNS * ROWS], THRESHOLD_METERS, GapOptions.defaults()))
                .isEmpty();
    }
}
