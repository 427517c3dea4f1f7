package org.lifecircle.core.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Proposes community boundaries: every cell in exactly one community, every community connected
 * over soft adjacencies (never held together across an arterial, rail line, river or subdistrict
 * border), households within [min, max] wherever that is feasible, close to the target, compact,
 * and as few households as possible moved away from their community of today.
 *
 * <p><b>Method.</b> (0) {@link IslandBridges}: an area that hard breaks cut off and that is too small
 * to be a community opens its crossable breaks (arterials) to one neighbour. (1) {@link InitialPlan}: today's communities made contiguous, unassigned cells
 * joined over soft links, oversized communities split by farthest-first seeded balanced growth,
 * undersized ones merged into the neighbour that brings the union closest to the target. (2) {@link
 * LocalSearch}: simulated annealing over single-cell moves between neighbouring communities,
 * limited by {@link RegionalizationOptions.Scope} to the communities that need change and their
 * neighbourhood, so a plan already within the bounds comes back unchanged. (3) Labelling: a
 * community of the plan that holds the majority of a community's households of today continues it
 * (keeps its name and code); the others are new.
 *
 * <p>With no communities of today at all, step (1) grows communities from nothing (one region per
 * soft-connected area, then split), which is how communities are proposed after an import.
 * Management grids (网格) are the same call on one community's cells with a grid household range.
 *
 * <p>Deterministic: same graph, assignment, options and seed give the same plan, unless the time
 * limit cuts the search (then the best plan at the last checkpoint is returned, valid in every
 * case). Infeasibility is reported per community ({@link ProposedCommunity.Infeasibility}).
 *
 * <p>Complexity: the construction is O(n + m) per round plus O(k · c) for k split seeds over c
 * cells of the split community; each search move costs O(degree) for the cost change plus a
 * breadth-first search bounded by the donor community's cells for the connectivity check.
 */
public final class Regionalizer {
    private Regionalizer() {}

    /**
     * A plan for the cells.
     *
     * @param graph cells and adjacency
     * @param today per cell, its community of today in {@code [0, todayCount)}, or -1 for none
     * @param todayCount number of communities of today
     * @param options bounds, weights, scope, seed and limits
     */
    public static RegionalizationResult propose(
            CellGraph graph, int[] today, int todayCount, RegionalizationOptions options) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(options, "options");
        if (today.length != graph.size()) {
            throw new IllegalArgumentException(
                    "One community of today per cell: " + today.length + " for " + graph.size() + " cells");
        }
        for (int c : today) {
            if (c < -1 || c >= todayCount) {
                throw new IllegalArgumentException("Community of today " + c + " not in [-1, " + todayCount + ")");
            }
        }
        long started = System.nanoTime();
        PlanStatistics before = PlanStatistics.of(new Partition(graph, today, todayCount), options, 0);
        IslandBridges.Bridged bridged = options.arterialsForIslands()
                ? IslandBridges.open(graph, options)
                : new IslandBridges.Bridged(graph, 0);
        graph = bridged.graph();

        InitialPlan plan = InitialPlan.build(graph, today, todayCount, options);
        Partition partition = plan.partition;
        boolean[] active = activeRegions(plan, options);
        LocalSearch search = new LocalSearch(partition, plan.origin, today, active, options);
        search.run();

        int[] continues = continuedCommunities(partition, today, todayCount);
        List<CellMove> moves = new ArrayList<>();
        long moved = 0;
        for (int i = 0; i < graph.size(); i++) {
            int r = partition.region[i];
            if (today[i] >= 0 && continues[r] != today[i]) {
                moves.add(new CellMove(i, today[i], r, graph.households()[i]));
                moved += graph.households()[i];
            }
        }
        List<ProposedCommunity> communities = describe(partition, continues, options);
        return new RegionalizationResult(
                partition.region.clone(),
                communities,
                moves,
                before,
                PlanStatistics.of(partition, options, moved),
                search.iterations,
                search.accepted,
                search.stop.name(),
                bridged.openedPairs(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The regions the search may change, see {@link RegionalizationOptions.Scope}. */
    private static boolean[] activeRegions(InitialPlan plan, RegionalizationOptions options) {
        Partition partition = plan.partition;
        int count = partition.regionCount;
        boolean[] active = new boolean[count];
        if (options.scope() == RegionalizationOptions.Scope.ALL) {
            Arrays.fill(active, true);
            return active;
        }
        for (int r = 0; r < count; r++) {
            active[r] = plan.touched[r] || !options.inRange(partition.households[r]);
        }
        return partition.withNeighbours(active, options.ringDepth());
    }

    /**
     * Per region, today's community it continues: the one of whose households it holds a strict
     * majority; when two qualify, the one it holds more households of. -1 for new regions.
     */
    private static int[] continuedCommunities(Partition partition, int[] today, int todayCount) {
        CellGraph graph = partition.graph;
        long[] todayTotal = new long[todayCount];
        for (int i = 0; i < graph.size(); i++) {
            if (today[i] >= 0) {
                todayTotal[today[i]] += graph.households()[i];
            }
        }
        // Households of each (today, region) pair, in pair order so ties go the same way each time.
        java.util.TreeMap<Long, Long> heldByPair = new java.util.TreeMap<>();
        for (int i = 0; i < graph.size(); i++) {
            if (today[i] >= 0) {
                heldByPair.merge(
                        ((long) today[i] << 32) | partition.region[i], (long) graph.households()[i], Long::sum);
            }
        }
        int[] continues = new int[partition.regionCount];
        long[] heldOfContinued = new long[partition.regionCount];
        Arrays.fill(continues, -1);
        for (var pair : heldByPair.entrySet()) {
            int c = (int) (pair.getKey() >>> 32);
            int r = (int) (long) pair.getKey();
            long held = pair.getValue();
            boolean majority = 2 * held > todayTotal[c] || todayTotal[c] == 0 && held == 0;
            if (majority && (continues[r] < 0 || held > heldOfContinued[r])) {
                continues[r] = c;
                heldOfContinued[r] = held;
            }
        }
        return continues;
    }

    private static List<ProposedCommunity> describe(
            Partition partition, int[] continues, RegionalizationOptions options) {
        CellGraph graph = partition.graph;
        int[][] cells = partition.cellsByRegion();
        int[] islandOf = softComponents(graph);
        long[] islandHouseholds = householdsPer(islandOf, graph);
        List<ProposedCommunity> communities = new ArrayList<>(partition.regionCount);
        for (int r = 0; r < partition.regionCount; r++) {
            long h = partition.households[r];
            ProposedCommunity.Status status = h < options.minHouseholds()
                    ? ProposedCommunity.Status.UNDER
                    : h > options.maxHouseholds() ? ProposedCommunity.Status.OVER : ProposedCommunity.Status.IN_RANGE;
            ProposedCommunity.Infeasibility reason = ProposedCommunity.Infeasibility.NONE;
            if (status == ProposedCommunity.Status.OVER) {
                reason = ProposedCommunity.Infeasibility.NOT_RESOLVED;
                for (int cell : cells[r]) {
                    if (graph.households()[cell] > options.maxHouseholds()) {
                        reason = ProposedCommunity.Infeasibility.SINGLE_CELL_OVER_MAX;
                    }
                }
            } else if (status == ProposedCommunity.Status.UNDER) {
                reason = islandHouseholds[islandOf[cells[r][0]]] < options.minHouseholds()
                        ? ProposedCommunity.Infeasibility.ISLAND_TOO_SMALL
                        : ProposedCommunity.Infeasibility.NOT_RESOLVED;
            }
            communities.add(new ProposedCommunity(
                    r,
                    continues[r],
                    h,
                    partition.size[r],
                    partition.area[r],
                    partition.polsbyPopper(r),
                    100.0 * (h - options.targetHouseholds()) / options.targetHouseholds(),
                    status,
                    reason));
        }
        return communities;
    }

    /** Soft-connected component of each cell. */
    static int[] softComponents(CellGraph graph) {
        int n = graph.size();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (component[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            component[s] = count;
            while (head < tail) {
                int u = queue[head++];
                for (int e = graph.start()[u]; e < graph.start()[u + 1]; e++) {
                    int v = graph.neighbour()[e];
                    if (!graph.hard()[e] && component[v] < 0) {
                        component[v] = count;
                        queue[tail++] = v;
                    }
                }
            }
            count++;
        }
        return component;
    }

    /** Households per component, for a component index per cell. */
    static long[] householdsPer(int[] component, CellGraph graph) {
        int count = 0;
        for (int c : component) {
            count = Math.max(count, c + 1);
        }
        long[] households = new long[count];
        for (int i = 0; i < component.length; i++) {
            households[component[i]] += graph.households()[i];
        }
        return households;
    }
}
