package org.lifecircle.core.boundary;

import java.util.SplittableRandom;

/**
 * Simulated annealing over single-cell moves between soft-adjacent regions (Kirkpatrick, Gelatt
 * &amp; Vecchi 1983; applied to districting by e.g. Ricca, Scozzari &amp; Simeone 2013). A move takes
 * a cell from its region to the region of one of its soft neighbours; it is allowed only when both
 * regions take part in the search, the donor keeps at least one cell and stays connected, and the
 * cell shares no hard break with the receiving region (a move never makes a community straddle an
 * arterial, rail line, river or subdistrict border). The cost
 * of a region is
 *
 * <pre>
 *   balance · ((h − target) / target)²  +  PENALTY · (distance outside [min, max]) / target
 *   + STEP when outside  +  compactness · (1 − Polsby–Popper)
 * </pre>
 *
 * plus, per cell, change · households / target when the cell's region does not continue its
 * community of today. The penalty dominates so the bounds come first; within them, balance,
 * compactness and change trade off by their weights.
 *
 * <p>The temperature falls geometrically from {@link #START_TEMPERATURE} to {@link
 * #END_TEMPERATURE} over the iteration budget. The best plan is kept at checkpoints every {@link
 * #CHECKPOINT} iterations and at the end, so a time limit returns a valid plan no worse than the
 * start. Every state the search visits is valid: each cell in exactly one region, each region
 * connected.
 */
final class LocalSearch {
    static final double PENALTY = 20;
    static final double STEP = 1;
    static final double START_TEMPERATURE = 0.02;
    static final double END_TEMPERATURE = 1e-5;
    static final int CHECKPOINT = 2048;

    /** Why the search stopped. */
    enum Stop {
        NOTHING_TO_DO,
        ITERATIONS,
        TIME_LIMIT
    }

    private final Partition partition;
    private final int[] origin;
    private final int[] today;
    private final boolean[] active;
    private final boolean[] locked;
    private final RegionalizationOptions options;
    private final double target;

    long iterations;
    long accepted;
    Stop stop = Stop.NOTHING_TO_DO;

    LocalSearch(Partition partition, int[] origin, int[] today, boolean[] active, RegionalizationOptions options) {
        this(partition, origin, today, active, null, options);
    }

    /** @param locked cells the search must not move (a planner's edits), or null for none */
    LocalSearch(
            Partition partition,
            int[] origin,
            int[] today,
            boolean[] active,
            boolean[] locked,
            RegionalizationOptions options) {
        this.locked = locked;
        this.partition = partition;
        this.origin = origin;
        this.today = today;
        this.active = active;
        this.options = options;
        this.target = options.targetHouseholds();
    }

    /** Runs the search; the partition ends holding the best plan found. */
    void run() {
        int[] cells = activeCells();
        if (cells.length == 0) {
            return;
        }
        long budget = (long) options.iterationsPerCell() * cells.length;
        if (budget == 0) {
            return;
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        long deadline = System.nanoTime() + options.timeLimitMillis() * 1_000_000L;
        CellGraph graph = partition.graph;
        int[] region = partition.region;
        double cost = totalCost();
        double bestCost = cost;
        int[] best = region.clone();
        double cooling = Math.log(END_TEMPERATURE / START_TEMPERATURE) / budget;
        stop = Stop.ITERATIONS;
        for (long it = 0; it < budget; it++) {
            if ((it & (CHECKPOINT - 1)) == 0 && it > 0) {
                if (cost < bestCost - 1e-12) {
                    bestCost = cost;
                    System.arraycopy(region, 0, best, 0, region.length);
                }
                if (System.nanoTime() > deadline) {
                    stop = Stop.TIME_LIMIT;
                    iterations = it;
                    break;
                }
            }
            iterations = it + 1;
            int cell = cells[random.nextInt(cells.length)];
            int from = region[cell];
            int degree = graph.start()[cell + 1] - graph.start()[cell];
            if (degree == 0 || partition.size[from] <= 1) {
                continue;
            }
            int e = graph.start()[cell] + random.nextInt(degree);
            int to = region[graph.neighbour()[e]];
            if (graph.hard()[e] || to == from || !active[to] || touchesAcrossBreak(cell, to)) {
                continue;
            }
            double delta = delta(cell, from, to);
            double temperature = START_TEMPERATURE * Math.exp(cooling * it);
            if (delta > 0 && random.nextDouble() >= Math.exp(-delta / temperature)) {
                continue;
            }
            if (!partition.removalKeepsConnected(cell)) {
                continue;
            }
            partition.move(cell, to);
            cost += delta;
            accepted++;
        }
        if (cost < bestCost - 1e-12) {
            bestCost = cost;
            System.arraycopy(region, 0, best, 0, region.length);
        }
        System.arraycopy(best, 0, region, 0, region.length);
        partition.recompute();
    }

    /** Whether the cell shares a hard break with region r: joining r would straddle it. */
    private boolean touchesAcrossBreak(int cell, int r) {
        CellGraph graph = partition.graph;
        for (int e = graph.start()[cell]; e < graph.start()[cell + 1]; e++) {
            if (graph.hard()[e] && partition.region[graph.neighbour()[e]] == r) {
                return true;
            }
        }
        return false;
    }

    /** The cells the search may move: in a region that takes part, and not locked. */
    private int[] activeCells() {
        return java.util.stream.IntStream.range(0, partition.region.length)
                .filter(i -> partition.region[i] >= 0 && active[partition.region[i]])
                .filter(i -> locked == null || !locked[i])
                .toArray();
    }

    double totalCost() {
        double cost = 0;
        for (int r = 0; r < partition.regionCount; r++) {
            if (active[r]) {
                cost += regionCost(partition.households[r], partition.area[r], partition.perimeter[r]);
            }
        }
        for (int i = 0; i < partition.region.length; i++) {
            int r = partition.region[i];
            if (r >= 0 && active[r]) {
                cost += changeCost(i, r);
            }
        }
        return cost;
    }

    private double delta(int cell, int from, int to) {
        CellGraph graph = partition.graph;
        int h = graph.households()[cell];
        double a = graph.areaSquareMeters()[cell];
        double p = graph.perimeterMeters()[cell];
        double sharedFrom = partition.sharedWith(cell, from);
        double sharedTo = partition.sharedWith(cell, to);
        double before = regionCost(partition.households[from], partition.area[from], partition.perimeter[from])
                + regionCost(partition.households[to], partition.area[to], partition.perimeter[to])
                + changeCost(cell, from);
        double after = regionCost(
                        partition.households[from] - h,
                        partition.area[from] - a,
                        partition.perimeter[from] - p + 2 * sharedFrom)
                + regionCost(
                        partition.households[to] + h,
                        partition.area[to] + a,
                        partition.perimeter[to] + p - 2 * sharedTo)
                + changeCost(cell, to);
        return after - before;
    }

    private double regionCost(long households, double area, double perimeter) {
        double deviation = (households - target) / target;
        double cost = options.balanceWeight() * deviation * deviation;
        long outside = households < options.minHouseholds()
                ? options.minHouseholds() - households
                : households > options.maxHouseholds() ? households - options.maxHouseholds() : 0;
        if (outside > 0) {
            cost += PENALTY * outside / target + STEP;
        }
        return cost + options.compactnessWeight() * (1 - Partition.polsbyPopper(area, perimeter));
    }

    private double changeCost(int cell, int r) {
        int was = today[cell];
        if (was < 0 || origin[r] == was) {
            return 0;
        }
        return options.changeWeight() * partition.graph.households()[cell] / target;
    }
}
