package org.lifecircle.datasets.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Cell sets drawn as ASCII, north up: {@code #} is in the set. */
class CellRegionOutlinerTest {
    private static final CellGrid GRID = new CellGrid(20, 20);
    private static final GridCornerProjection PROJECTION = new GridCornerProjection(GRID);

    private static MultiPolygon outline(String... rows) {
        int[] label = new int[GRID.cellCount()];
        Arrays.fill(label, -1);
        List<Integer> cells = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                if (rows[r].charAt(c) == '#') {
                    int index = GRID.cellIndex(5 + c, 5 + rows.length - 1 - r);
                    label[index] = 7;
                    cells.add(index);
                }
            }
        }
        int[] sorted = cells.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new CellRegionOutliner(GRID, PROJECTION).outline(sorted, label, 7);
    }

    private static void checkOutline(int polygons, int holes, String... rows) {
        MultiPolygon outline = outline(rows);
        assertThat(outline.isValid()).as("valid").isTrue();
        assertThat(outline.getNumGeometries()).as("polygons").isEqualTo(polygons);
        int holeCount = 0;
        for (int k = 0; k < outline.getNumGeometries(); k++) {
            Polygon polygon = (Polygon) outline.getGeometryN(k);
            holeCount += polygon.getNumInteriorRing();
            assertThat(Orientation.isCCW(polygon.getExteriorRing().getCoordinateSequence()))
                    .as("shell counter-clockwise")
                    .isTrue();
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                assertThat(Orientation.isCCW(polygon.getInteriorRingN(h).getCoordinateSequence()))
                        .as("hole clockwise")
                        .isFalse();
            }
        }
        assertThat(holeCount).as("holes").isEqualTo(holes);
    }

    @Test
    void blockKeepsEveryGridCornerOnItsBoundary() {
        MultiPolygon outline = outline("##", "##");
        assertThat(outline.getNumGeometries()).isEqualTo(1);
        // 8 corners around a 2 x 2 block, plus the closing point
        assertThat(outline.getNumPoints()).isEqualTo(9);
        assertThat(outline.getCoordinates())
                .contains(PROJECTION.corner(GRID.cornerIndex(6, 5)))
                .doesNotContain(PROJECTION.corner(GRID.cornerIndex(6, 6)));
    }

    @Test
    void cellsTouchingOnlyAtACornerAreSeparatePolygons() {
        checkOutline(2, 0, ".#", "#.");
    }

    @Test
    void enclosedEmptyCellIsAHole() {
        checkOutline(1, 1, "###", "#.#", "###");
    }

    @Test
    void pocketOpenOnlyAtACornerIsAHoleTouchingTheShell() {
        checkOutline(1, 1, ".##", "#.#", "###");
    }

    @Test
    void holesTouchingAtACornerStayTwoValidHoles() {
        checkOutline(1, 2, "####", "#.##", "##.#", "####");
    }

    @Test
    void cornerOfTheGridIsTraced() {
        int[] label = new int[GRID.cellCount()];
        Arrays.fill(label, -1);
        label[GRID.cellIndex(0, 0)] = 1;
        label[GRID.cellIndex(1, 0)] = 1;
        MultiPolygon outline = new CellRegionOutliner(GRID, PROJECTION)
                .outline(new int[] {GRID.cellIndex(0, 0), GRID.cellIndex(1, 0)}, label, 1);
        assertThat(outline.isValid()).isTrue();
        assertThat(outline.getNumPoints()).isEqualTo(7);
    }
}
