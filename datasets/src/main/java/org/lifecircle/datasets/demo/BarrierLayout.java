package org.lifecircle.datasets.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * Where the river and the rail line run, which arterials bridge the river and which cross the rail.
 *
 * <p><b>River.</b> A band of cells one or two rows wide crossing the whole extent west to east. Its
 * row wanders by at most one per column and consecutive columns always share a row, so the band is
 * 4-connected and a street can only pass it where a segment is deliberately kept as a bridge. The
 * band meanders inside a corridor of superblock rows around the middle of the extent; the rows
 * outside it hold the clean superblocks the density model puts its primary core into. Cells beyond
 * the east and west edges count as river (the river goes on), so border streets are cut too.
 *
 * <p><b>Water polygon.</b> The band eroded by {@link #RIVER_BANK_SETBACK_METERS} with mitred joins
 * (an exact square erosion for a rectilinear band): streets along the bank, on cell edges, stay
 * clear of the water while every street across the band crosses it.
 *
 * <p><b>Rail.</b> A straight north–south band one cell wide immediately east of an interior
 * arterial, so it does not split superblocks further; the barrier line runs along the band centre.
 * Level crossings are kept on a few horizontal arterials, at least one on each side of the river;
 * bridges on a few vertical arterials, at least one on each side of the rail. So the network is
 * one component while both barriers remain real breaks.
 */
final class BarrierLayout {
    static final String RIVER_NAME = "青溪河";
    static final String RAIL_NAME = "宁青城际铁路";
    /** Water stays this far from the band edge, where the bank streets run. */
    static final double RIVER_BANK_SETBACK_METERS = 20.0;
    /** Chance per column that the meander changes direction. */
    private static final double MEANDER_TURN_PROBABILITY = 0.2;
    /** Chance per column that the river switches between one and two cells wide. */
    private static final double WIDTH_CHANGE_PROBABILITY = 0.15;

    static final byte LAND = 0;
    static final byte RIVER = 1;
    static final byte RAIL = 2;

    private final CellGrid grid;
    private final int[] riverLowRow;
    private final int[] riverHighRow;
    private final int railColumn;
    private final int[] bridgeLines;
    private final int[] railCrossingLines;

    private BarrierLayout(
            CellGrid grid, int[] riverLowRow, int[] riverHighRow, int railColumn, int[] bridges, int[] crossings) {
        this.grid = grid;
        this.riverLowRow = riverLowRow;
        this.riverHighRow = riverHighRow;
        this.railColumn = railColumn;
        this.bridgeLines = bridges;
        this.railCrossingLines = crossings;
    }

    static BarrierLayout plan(CellGrid grid, DemoCitySize size, SplittableRandom random) {
        int spacing = CellGrid.ARTERIAL_SPACING_CELLS;
        int width = grid.widthCells();
        int height = grid.heightCells();
        int superblockRows = (height + spacing - 1) / spacing;
        int middle = superblockRows / 2;
        int halfSpan = Math.max(0, (superblockRows - 3) / 4);
        int corridorLow = (middle - halfSpan) * spacing + 1;
        int corridorHigh = Math.min(height - 2, (middle + halfSpan) * spacing + spacing - 2);

        int[] low = new int[width];
        int[] high = new int[width];
        int span = corridorHigh - corridorLow;
        int centre = corridorLow + span / 3 + random.nextInt(Math.max(1, span / 3 + 1));
        int velocity = random.nextInt(3) - 1;
        int riverWidth = 1 + random.nextInt(2);
        for (int column = 0; column < width; column++) {
            int previous = centre;
            if (column > 0) {
                if (random.nextDouble() < MEANDER_TURN_PROBABILITY) {
                    velocity = random.nextInt(3) - 1;
                }
                if (centre + velocity < corridorLow || centre + velocity > corridorHigh - 1) {
                    velocity = -velocity;
                }
                centre += velocity;
            }
            if (random.nextDouble() < WIDTH_CHANGE_PROBABILITY) {
                riverWidth = 3 - riverWidth;
            }
            if (centre != previous) {
                // a one-row step keeps the band 4-connected: this column holds both rows
                low[column] = Math.min(previous, centre);
                high[column] = Math.max(previous, centre);
            } else {
                low[column] = centre;
                high[column] = Math.min(corridorHigh, centre + riverWidth - 1);
            }
        }

        int[] interior = interiorArterialLines(width);
        int[] railCandidates = Arrays.stream(interior)
                .filter(line -> line > interior[0] && line < interior[interior.length - 1])
                .filter(line -> line >= 0.3 * width && line <= 0.7 * width)
                .toArray();
        if (railCandidates.length == 0) {
            railCandidates = new int[] {interior[interior.length / 2]};
        }
        int railColumn = railCandidates[random.nextInt(railCandidates.length)];

        List<Integer> westBridges = new ArrayList<>();
        List<Integer> eastBridges = new ArrayList<>();
        for (int line : interior) {
            if (line < railColumn) {
                westBridges.add(line);
            } else if (line > railColumn) {
                eastBridges.add(line);
            }
        }
        int[] bridges = pickOnBothSides(westBridges, eastBridges, size.bridgeCount(), random);

        List<Integer> southCrossings = new ArrayList<>();
        List<Integer> northCrossings = new ArrayList<>();
        for (int line : interiorArterialLines(height)) {
            if (line < low[railColumn]) {
                southCrossings.add(line);
            } else if (line > high[railColumn] + 1) {
                northCrossings.add(line);
            }
        }
        int[] crossings = pickOnBothSides(southCrossings, northCrossings, size.railCrossingCount(), random);
        return new BarrierLayout(grid, low, high, railColumn, bridges, crossings);
    }

    private static int[] interiorArterialLines(int cells) {
        List<Integer> lines = new ArrayList<>();
        for (int line = CellGrid.ARTERIAL_SPACING_CELLS; line < cells; line += CellGrid.ARTERIAL_SPACING_CELLS) {
            lines.add(line);
        }
        if (lines.size() < 3) {
            throw new IllegalArgumentException("Extent too small for a river, a rail line and their crossings");
        }
        return lines.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One random line from each side, the rest drawn from both; sorted ascending. */
    private static int[] pickOnBothSides(
            List<Integer> first, List<Integer> second, int count, SplittableRandom random) {
        if (first.isEmpty() || second.isEmpty()) {
            throw new IllegalStateException("Barrier layout leaves a side without a crossing");
        }
        List<Integer> chosen = new ArrayList<>();
        chosen.add(first.remove(random.nextInt(first.size())));
        chosen.add(second.remove(random.nextInt(second.size())));
        List<Integer> rest = new ArrayList<>(first);
        rest.addAll(second);
        while (chosen.size() < count && !rest.isEmpty()) {
            chosen.add(rest.remove(random.nextInt(rest.size())));
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** True for river cells; columns beyond the extent continue the edge columns. */
    boolean isRiver(int column, int row) {
        int c = Math.max(0, Math.min(grid.widthCells() - 1, column));
        return row >= riverLowRow[c] && row <= riverHighRow[c];
    }

    int riverLowRow(int column) {
        return riverLowRow[column];
    }

    int riverHighRow(int column) {
        return riverHighRow[column];
    }

    /** The cell column of the rail band; grid line {@code railColumn} is the arterial on its west. */
    int railColumn() {
        return railColumn;
    }

    /** Vertical arterial lines that bridge the river, ascending. */
    int[] bridgeLines() {
        return bridgeLines.clone();
    }

    boolean isBridgeLine(int verticalLine) {
        return Arrays.binarySearch(bridgeLines, verticalLine) >= 0;
    }

    /** Horizontal arterial lines that cross the rail, ascending. */
    int[] railCrossingLines() {
        return railCrossingLines.clone();
    }

    boolean isRailCrossingLine(int horizontalLine) {
        return Arrays.binarySearch(railCrossingLines, horizontalLine) >= 0;
    }

    /** {@link #LAND}, {@link #RIVER} or {@link #RAIL} per cell; river wins where the rail bridges it. */
    byte[] cellKinds() {
        byte[] kinds = new byte[grid.cellCount()];
        for (int row = 0; row < grid.heightCells(); row++) {
            for (int column = 0; column < grid.widthCells(); column++) {
                byte kind = isRiver(column, row) ? RIVER : column == railColumn ? RAIL : LAND;
                kinds[grid.cellIndex(column, row)] = kind;
            }
        }
        return kinds;
    }

    /** The water area in EPSG:4326: the band eroded by the bank setback, clipped to the extent. */
    Geometry riverPolygon(GridCornerProjection projection) {
        GeometryFactory metric = new GeometryFactory();
        double cell = CellGrid.CELL_SIZE_METERS;
        int width = grid.widthCells();
        // extend one column beyond each edge so the erosion does not pull the water off the border
        List<Coordinate> ring = new ArrayList<>();
        ring.add(new Coordinate(-cell, riverLowRow[0] * cell));
        for (int column = 0; column < width; column++) {
            double y = riverLowRow[column] * cell;
            ring.add(new Coordinate(column * cell, y));
            ring.add(new Coordinate((column + 1) * cell, y));
        }
        ring.add(new Coordinate((width + 1) * cell, riverLowRow[width - 1] * cell));
        ring.add(new Coordinate((width + 1) * cell, (riverHighRow[width - 1] + 1) * cell));
        for (int column = width - 1; column >= 0; column--) {
            double y = (riverHighRow[column] + 1) * cell;
            ring.add(new Coordinate((column + 1) * cell, y));
            ring.add(new Coordinate(column * cell, y));
        }
        ring.add(new Coordinate(-cell, (riverHighRow[0] + 1) * cell));
        ring.add(new Coordinate(-cell, riverLowRow[0] * cell));
        Polygon band = metric.createPolygon(ring.toArray(Coordinate[]::new));
        BufferParameters mitred = new BufferParameters();
        mitred.setJoinStyle(BufferParameters.JOIN_MITRE);
        mitred.setMitreLimit(10.0);
        Geometry water = BufferOp.bufferOp(band, -RIVER_BANK_SETBACK_METERS, mitred);
        Geometry extent = metric.toGeometry(new Envelope(0, grid.widthMeters(), 0, grid.heightMeters()));
        Geometry clipped = water.intersection(extent);
        Geometry lonLat = new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coordinates, Geometry parent) {
                Coordinate[] projected = new Coordinate[coordinates.size()];
                for (int k = 0; k < projected.length; k++) {
                    projected[k] = projection.project(coordinates.getX(k), coordinates.getY(k));
                }
                return factory.getCoordinateSequenceFactory().create(projected);
            }
        }.transform(clipped);
        Geometry result = projection.geometryFactory().createGeometry(lonLat);
        result.setSRID(projection.geometryFactory().getSRID());
        return result;
    }

    /** The rail centre line in EPSG:4326, south to north through the band's cell centres. */
    LineString railLine(GridCornerProjection projection) {
        Coordinate[] points = new Coordinate[grid.heightCells() + 1];
        double x = (railColumn + 0.5) * CellGrid.CELL_SIZE_METERS;
        for (int j = 0; j <= grid.heightCells(); j++) {
            points[j] = projection.project(x, j * CellGrid.CELL_SIZE_METERS);
        }
        return projection.geometryFactory().createLineString(points);
    }
}
