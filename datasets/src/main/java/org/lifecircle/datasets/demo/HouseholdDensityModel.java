package org.lifecircle.datasets.demo;

import java.util.SplittableRandom;

/**
 * Households per cell: a broad decay from the city centre plus a few Gaussian dense cores, blended
 * into a rural fringe, with parks and industrial blocks left empty.
 *
 * <p>Method. For a land cell at distance {@code r} from the centre the urban density is
 * {@code exp(-r²/2S²) + Σ Pₖ exp(-rₖ²/2σₖ²)}, multiplied by log-normal noise; it is scaled so urban
 * and rural households together reach the size's target. The urban share falls off logistically
 * beyond {@link #URBAN_RADIUS_SHARE} of the extent, where a rural density (a few households per
 * hectare, many cells empty) takes over; rural values are absolute, not scaled, so the corners of
 * every demo city are sparse whatever the seed. The first core sits on the centre of the chosen
 * primary superblock (an interior superblock the river does not touch) and dominates its
 * neighbours, which is what makes "the densest superblock holds several thousand households" hold
 * for every seed.
 *
 * <p>Parks are whole 200 m blocks; industrial zones are rectangles in the urban fringe. Both are
 * land (they belong to communities) but hold no households.
 */
final class HouseholdDensityModel {
    static final byte RESIDENTIAL = 0;
    static final byte PARK = 1;
    static final byte INDUSTRIAL = 2;

    /** Radius of the urban area as a share of the extent width. */
    static final double URBAN_RADIUS_SHARE = 0.45;
    /** Width of the urban–rural transition as a share of the extent width. */
    private static final double URBAN_EDGE_SOFTNESS_SHARE = 0.04;
    /** Broad decay σ as a share of the urban radius. */
    private static final double BROAD_DECAY_SHARE = 0.7;
    /** Peak of the primary core relative to the broad decay's peak of 1. */
    private static final double PRIMARY_CORE_PEAK = 2.5;

    private static final double PRIMARY_CORE_SIGMA_METERS = 330.0;
    private static final double NOISE_SIGMA = 0.3;
    /** Plausible ceiling for a hectare of high-rise housing. */
    private static final int MAX_HOUSEHOLDS_PER_CELL = 420;

    private static final double PARK_BLOCK_PROBABILITY = 0.035;
    private static final double RURAL_EMPTY_PROBABILITY = 0.4;
    private static final double RURAL_MIN_HOUSEHOLDS = 1.0;
    private static final double RURAL_MAX_HOUSEHOLDS = 8.0;
    /** One industrial zone per this many square kilometres, at least one. */
    private static final double SQUARE_KM_PER_INDUSTRIAL_ZONE = 16.0;

    private final int[] households;
    private final byte[] landUse;

    private HouseholdDensityModel(int[] households, byte[] landUse) {
        this.households = households;
        this.landUse = landUse;
    }

    /**
     * @param primarySuperblock cell bounds {@code {minColumn, minRow, maxColumnExclusive,
     *     maxRowExclusive}} of the superblock the first core is centred on; kept free of industry
     */
    static HouseholdDensityModel generate(
            CellGrid grid, byte[] cellKinds, int[] primarySuperblock, DemoCitySize size, SplittableRandom random) {
        double cell = CellGrid.CELL_SIZE_METERS;
        double extentMeters = grid.widthMeters();
        double urbanRadius = URBAN_RADIUS_SHARE * extentMeters;
        double softness = URBAN_EDGE_SOFTNESS_SHARE * extentMeters;
        double centreX = grid.widthMeters() / 2 + (random.nextDouble() - 0.5) * 0.06 * extentMeters;
        double centreY = grid.heightMeters() / 2 + (random.nextDouble() - 0.5) * 0.06 * extentMeters;
        double broadSigma = BROAD_DECAY_SHARE * urbanRadius;

        int cores = size.densityCoreCount();
        double[] coreX = new double[cores];
        double[] coreY = new double[cores];
        double[] corePeak = new double[cores];
        double[] coreSigma = new double[cores];
        coreX[0] = (primarySuperblock[0] + primarySuperblock[2]) / 2.0 * cell;
        coreY[0] = (primarySuperblock[1] + primarySuperblock[3]) / 2.0 * cell;
        corePeak[0] = PRIMARY_CORE_PEAK;
        coreSigma[0] = PRIMARY_CORE_SIGMA_METERS;
        for (int k = 1; k < cores; k++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double distance = Math.sqrt(random.nextDouble()) * 0.85 * urbanRadius;
            coreX[k] = centreX + distance * Math.cos(angle);
            coreY[k] = centreY + distance * Math.sin(angle);
            corePeak[k] = 1.0 + 2.0 * random.nextDouble();
            coreSigma[k] = 250.0 + 400.0 * random.nextDouble();
        }

        byte[] landUse = planLandUse(grid, cellKinds, primarySuperblock, centreX, centreY, urbanRadius, random);
        int cellCount = grid.cellCount();
        double[] urban = new double[cellCount];
        double[] rural = new double[cellCount];
        double urbanSum = 0;
        double ruralSum = 0;
        for (int index = 0; index < cellCount; index++) {
            // draw for every cell so the stream does not depend on land use
            double noise = Math.exp(NOISE_SIGMA * gaussian(random));
            boolean ruralEmpty = random.nextDouble() < RURAL_EMPTY_PROBABILITY;
            double ruralDraw =
                    RURAL_MIN_HOUSEHOLDS + (RURAL_MAX_HOUSEHOLDS - RURAL_MIN_HOUSEHOLDS) * random.nextDouble();
            if (cellKinds[index] != BarrierLayout.LAND || landUse[index] != RESIDENTIAL) {
                continue;
            }
            double x = (grid.columnOfCell(index) + 0.5) * cell;
            double y = (grid.rowOfCell(index) + 0.5) * cell;
            double r = Math.hypot(x - centreX, y - centreY);
            double urbanShare = 1.0 / (1.0 + Math.exp((r - urbanRadius) / softness));
            double density = Math.exp(-r * r / (2 * broadSigma * broadSigma));
            for (int k = 0; k < cores; k++) {
                double dx = x - coreX[k];
                double dy = y - coreY[k];
                density += corePeak[k] * Math.exp(-(dx * dx + dy * dy) / (2 * coreSigma[k] * coreSigma[k]));
            }
            urban[index] = urbanShare * density * noise;
            rural[index] = ruralEmpty ? 0 : (1 - urbanShare) * ruralDraw;
            urbanSum += urban[index];
            ruralSum += rural[index];
        }
        double scale = Math.max(0, size.targetHouseholds() - ruralSum) / urbanSum;
        int[] households = new int[cellCount];
        for (int index = 0; index < cellCount; index++) {
            long value = Math.round(urban[index] * scale + rural[index]);
            households[index] = (int) Math.min(MAX_HOUSEHOLDS_PER_CELL, value);
        }
        return new HouseholdDensityModel(households, landUse);
    }

    private static byte[] planLandUse(
            CellGrid grid,
            byte[] cellKinds,
            int[] primarySuperblock,
            double centreX,
            double centreY,
            double urbanRadius,
            SplittableRandom random) {
        byte[] landUse = new byte[grid.cellCount()];
        int step = CellGrid.LOCAL_STREET_SPACING_CELLS;
        double cell = CellGrid.CELL_SIZE_METERS;
        for (int row = 0; row < grid.heightCells(); row += step) {
            for (int column = 0; column < grid.widthCells(); column += step) {
                boolean park = random.nextDouble() < PARK_BLOCK_PROBABILITY;
                double r = Math.hypot((column + 1) * cell - centreX, (row + 1) * cell - centreY);
                if (park && r < urbanRadius) {
                    markRectangle(grid, cellKinds, landUse, column, row, step, step, PARK);
                }
            }
        }
        double areaSquareKm = grid.widthMeters() * grid.heightMeters() / 1e6;
        int zones = Math.max(1, (int) Math.round(areaSquareKm / SQUARE_KM_PER_INDUSTRIAL_ZONE));
        for (int zone = 0; zone < zones; zone++) {
            int widthCells = 4 + random.nextInt(3);
            int heightCells = 3 + random.nextInt(3);
            for (int attempt = 0; attempt < 50; attempt++) {
                double angle = random.nextDouble() * 2 * Math.PI;
                double distance = (0.6 + 0.35 * random.nextDouble()) * urbanRadius;
                int column = (int) ((centreX + distance * Math.cos(angle)) / cell) - widthCells / 2;
                int row = (int) ((centreY + distance * Math.sin(angle)) / cell) - heightCells / 2;
                boolean clear = column >= 0
                        && row >= 0
                        && column + widthCells <= grid.widthCells()
                        && row + heightCells <= grid.heightCells()
                        && (column + widthCells <= primarySuperblock[0]
                                || column >= primarySuperblock[2]
                                || row + heightCells <= primarySuperblock[1]
                                || row >= primarySuperblock[3]);
                if (clear) {
                    markRectangle(grid, cellKinds, landUse, column, row, widthCells, heightCells, INDUSTRIAL);
                    break;
                }
            }
        }
        return landUse;
    }

    private static void markRectangle(
            CellGrid grid, byte[] cellKinds, byte[] landUse, int column, int row, int width, int height, byte use) {
        for (int r = row; r < row + height; r++) {
            for (int c = column; c < column + width; c++) {
                if (grid.containsCell(c, r) && cellKinds[grid.cellIndex(c, r)] == BarrierLayout.LAND) {
                    landUse[grid.cellIndex(c, r)] = use;
                }
            }
        }
    }

    /** Standard normal by Box–Muller; SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Households per cell, indexed like {@link CellGrid#cellIndex}; zero off land. Owned by this model. */
    int[] households() {
        return households;
    }

    /** {@link #RESIDENTIAL}, {@link #PARK} or {@link #INDUSTRIAL} per cell. Owned by this model. */
    byte[] landUse() {
        return landUse;
    }
}
