package org.lifecircle.datasets.demo;

/**
 * The demo city's 100 m cell grid in integer coordinates. Cell (column, row) spans grid corners
 * (column, row) to (column + 1, row + 1); row 0 is the southern edge, column 0 the western edge.
 * Corners double as the vertices of the street grid: vertical line {@code i} runs through corners
 * (i, 0)…(i, heightCells), horizontal line {@code j} through (0, j)…(widthCells, j).
 *
 * <p>Everything grid-sized (cell kinds, households, community labels) is a primitive array indexed
 * by {@link #cellIndex} or {@link #cornerIndex}; both are row-major from the south-west, so the
 * order of any loop over them is fixed and output built from it is deterministic.
 *
 * <p>Immutable and thread-safe.
 */
final class CellGrid {
    /** Edge length of a population cell and spacing of the finest street line. */
    static final double CELL_SIZE_METERS = 100.0;
    /** Arterial roads every 1 km: every tenth grid line. */
    static final int ARTERIAL_SPACING_CELLS = 10;
    /** Local streets every 200 m: every second grid line; odd lines carry only footpaths. */
    static final int LOCAL_STREET_SPACING_CELLS = 2;

    private final int widthCells;
    private final int heightCells;

    CellGrid(int widthCells, int heightCells) {
        if (widthCells < 2 * ARTERIAL_SPACING_CELLS || heightCells < 2 * ARTERIAL_SPACING_CELLS) {
            throw new IllegalArgumentException("Grid must be at least " + 2 * ARTERIAL_SPACING_CELLS
                    + " cells across, got " + widthCells + " x " + heightCells);
        }
        this.widthCells = widthCells;
        this.heightCells = heightCells;
    }

    int widthCells() {
        return widthCells;
    }

    int heightCells() {
        return heightCells;
    }

    int cellCount() {
        return widthCells * heightCells;
    }

    int cornerCount() {
        return (widthCells + 1) * (heightCells + 1);
    }

    int cellIndex(int column, int row) {
        return row * widthCells + column;
    }

    int columnOfCell(int cellIndex) {
        return cellIndex % widthCells;
    }

    int rowOfCell(int cellIndex) {
        return cellIndex / widthCells;
    }

    boolean containsCell(int column, int row) {
        return column >= 0 && row >= 0 && column < widthCells && row < heightCells;
    }

    int cornerIndex(int i, int j) {
        return j * (widthCells + 1) + i;
    }

    int iOfCorner(int cornerIndex) {
        return cornerIndex % (widthCells + 1);
    }

    int jOfCorner(int cornerIndex) {
        return cornerIndex / (widthCells + 1);
    }

    static boolean isArterialLine(int line) {
        return line % ARTERIAL_SPACING_CELLS == 0;
    }

    static boolean isLocalStreetLine(int line) {
        return line % LOCAL_STREET_SPACING_CELLS == 0;
    }

    double widthMeters() {
        return widthCells * CELL_SIZE_METERS;
    }

    double heightMeters() {
        return heightCells * CELL_SIZE_METERS;
    }
}
