package org.lifecircle.core.boundary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A boundary plan under a planner's hands: cells moved between communities one edit at a time,
 * each edit answered with the fresh metrics of the communities it touched and what it broke,
 * edits undone and redone, and the communities around an edit rebalanced by the engine with the
 * planner's cells locked.
 *
 * <p>While editing, arterial roads (hard breaks crossable as a last resort) join communities like
 * any street: the planner decides where a community may cross one, and the engine's proposals have
 * already crossed some where an area was too small on its own. Rivers, rail lines and subdistrict
 * borders stay hard, and a community across one is reported ({@link PlanViolation.Kind#ACROSS_BREAK}).
 *
 * <p>An edit costs O(moved cells × degree) for the aggregates (see {@link Partition}) plus one
 * breadth-first search per affected community for contiguity, so its time depends on the size of
 * the communities it touches, not of the city. Edits may leave a community broken (the planner
 * decides); the outcome says so. Nothing here is thread-safe; one editor per plan, used by one
 * request at a time.
 */
public final class PlanEditor {
    private final CellGraph graph;
    private final RegionalizationOptions options;
    private final Partition partition;
    private final boolean[] locked;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    /** One applied edit: the cells, where each came from, and where they went. */
    private record Edit(int[] cells, int[] from, int[] to) {}

    /**
     * @param graph cells and adjacency
     * @param communityOfCell the plan's community of each cell, every cell in {@code [0,
     *     communityCount)}
     * @param communityCount communities of the plan (some may be empty)
     * @param options bounds, weights and seed used by {@link #rebalance}
     */
    public PlanEditor(CellGraph graph, int[] communityOfCell, int communityCount, RegionalizationOptions options) {
        Objects.requireNonNull(graph, "graph");
        this.graph = arterialsOpen(graph);
        this.options = Objects.requireNonNull(options, "options");
        if (communityOfCell.length != graph.size()) {
            throw new IllegalArgumentException("One community per cell");
        }
        for (int c : communityOfCell) {
            if (c < 0 || c >= communityCount) {
                throw new IllegalArgumentException("Community " + c + " not in [0, " + communityCount + ")");
            }
        }
        this.partition = new Partition(this.graph, communityOfCell, communityCount);
        this.locked = new boolean[graph.size()];
    }

    /** The graph with every crossable break (arterial) soft; the same graph when there is none. */
    private static CellGraph arterialsOpen(CellGraph graph) {
        boolean[] hard = graph.hard().clone();
        boolean changed = false;
        for (int e = 0; e < hard.length; e++) {
            if (hard[e] && graph.crossable()[e]) {
                hard[e] = false;
                changed = true;
            }
        }
        return changed ? graph.withHard(hard) : graph;
    }

    /**
     * Completes an assignment in which some cells have no community (-1): each joins the community
     * that reaches it first in a breadth-first flood over soft adjacencies, then over any; cells no
     * community reaches get one new community per connected area. Communities keep their indices;
     * new ones follow.
     *
     * @return the completed assignment; its largest value + 1 is the community count
     */
    public static int[] completed(CellGraph graph, int[] communityOfCell, int communityCount) {
        int n = graph.size();
        int[] assigned = communityOfCell.clone();
        for (boolean soft : new boolean[] {true, false}) {
            int[] queue = new int[n];
            int tail = 0;
            for (int i = 0; i < n; i++) {
                if (assigned[i] >= 0) {
                    queue[tail++] = i;
                }
            }
            for (int head = 0; head < tail; head++) {
                int u = queue[head];
                for (int e = graph.start()[u]; e < graph.start()[u + 1]; e++) {
                    int v = graph.neighbour()[e];
                    if (assigned[v] < 0 && (!soft || !graph.hard()[e])) {
                        assigned[v] = assigned[u];
                        queue[tail++] = v;
                    }
                }
            }
        }
        int next = communityCount;
        for (int s = 0; s < n; s++) {
            if (assigned[s] >= 0) {
                continue;
            }
            int[] queue = new int[n];
            int tail = 0;
            queue[tail++] = s;
            assigned[s] = next;
            for (int head = 0; head < tail; head++) {
                int u = queue[head];
                for (int e = graph.start()[u]; e < graph.start()[u + 1]; e++) {
                    int v = graph.neighbour()[e];
                    if (assigned[v] < 0) {
                        assigned[v] = next;
                        queue[tail++] = v;
                    }
                }
            }
            next++;
        }
        return assigned;
    }

    /**
     * Moves each cell to its own target community as one edit (a rebalance recorded earlier,
     * replayed); the cells are not locked.
     */
    public EditOutcome applyEach(int[] cells, int[] toCommunities) {
        long started = System.nanoTime();
        if (cells.length != toCommunities.length) {
            throw new IllegalArgumentException("One target community per cell");
        }
        List<Integer> moving = new ArrayList<>();
        for (int k = 0; k < cells.length; k++) {
            if (cells[k] < 0 || cells[k] >= graph.size()) {
                throw new IllegalArgumentException("No cell " + cells[k]);
            }
            checkCommunity(toCommunities[k]);
            if (partition.region[cells[k]] != toCommunities[k]) {
                moving.add(k);
            }
        }
        int[] moved = new int[moving.size()];
        int[] from = new int[moving.size()];
        int[] to = new int[moving.size()];
        for (int m = 0; m < moved.length; m++) {
            int k = moving.get(m);
            moved[m] = cells[k];
            from[m] = partition.region[cells[k]];
            to[m] = toCommunities[k];
            partition.move(cells[k], toCommunities[k]);
        }
        if (moved.length > 0) {
            undo.push(new Edit(moved, from, to));
            redo.clear();
        }
        return outcome(moved, from, to, started);
    }

    public int communityCount() {
        return partition.regionCount;
    }

    public int communityOf(int cell) {
        return partition.region[cell];
    }

    /** A copy of the current assignment. */
    public int[] assignment() {
        return partition.region.clone();
    }

    /** Adds an empty community for cells to be moved into; its index. */
    public int addCommunity() {
        return partition.addRegion();
    }

    /** The metrics of one community now. */
    public CommunityMetrics metrics(int community) {
        checkCommunity(community);
        long h = partition.households[community];
        ProposedCommunity.Status status = h < options.minHouseholds()
                ? ProposedCommunity.Status.UNDER
                : h > options.maxHouseholds() ? ProposedCommunity.Status.OVER : ProposedCommunity.Status.IN_RANGE;
        return new CommunityMetrics(
                community,
                h,
                partition.size[community],
                partition.area[community],
                partition.size[community] == 0 ? 0 : partition.polsbyPopper(community),
                100.0 * (h - options.targetHouseholds()) / options.targetHouseholds(),
                status,
                partition.size[community] > 0 && contiguous(community));
    }

    /**
     * Moves cells to a community; the planner's cells are locked against {@link #rebalance}.
     * Cells already there are left alone. Clears the redo stack.
     */
    public EditOutcome apply(int[] cells, int toCommunity) {
        long started = System.nanoTime();
        checkCommunity(toCommunity);
        List<Integer> moving = new ArrayList<>();
        for (int cell : Arrays.stream(cells).distinct().sorted().toArray()) {
            if (cell < 0 || cell >= graph.size()) {
                throw new IllegalArgumentException("No cell " + cell);
            }
            if (partition.region[cell] != toCommunity) {
                moving.add(cell);
            }
        }
        int[] moved = moving.stream().mapToInt(Integer::intValue).toArray();
        int[] from = new int[moved.length];
        int[] to = new int[moved.length];
        for (int k = 0; k < moved.length; k++) {
            from[k] = partition.region[moved[k]];
            to[k] = toCommunity;
            partition.move(moved[k], toCommunity);
            locked[moved[k]] = true;
        }
        if (moved.length > 0) {
            undo.push(new Edit(moved, from, to));
            redo.clear();
        }
        return outcome(moved, from, to, started);
    }

    /** Reverts the latest edit; null when there is none. */
    public EditOutcome undo() {
        if (undo.isEmpty()) {
            return null;
        }
        long started = System.nanoTime();
        Edit edit = undo.pop();
        for (int k = edit.cells().length - 1; k >= 0; k--) {
            partition.move(edit.cells()[k], edit.from()[k]);
        }
        redo.push(edit);
        return outcome(edit.cells(), edit.to(), edit.from(), started);
    }

    /** Re-applies the latest undone edit; null when there is none. */
    public EditOutcome redo() {
        if (redo.isEmpty()) {
            return null;
        }
        long started = System.nanoTime();
        Edit edit = redo.pop();
        for (int k = 0; k < edit.cells().length; k++) {
            partition.move(edit.cells()[k], edit.to()[k]);
        }
        undo.push(edit);
        return outcome(edit.cells(), edit.from(), edit.to(), started);
    }

    /**
     * Lets the engine rebalance the given communities and their neighbours ({@link
     * RegionalizationOptions#ringDepth()} rings), never moving a locked cell; the changes are one
     * edit (undoable).
     */
    public EditOutcome rebalance(int[] communities) {
        long started = System.nanoTime();
        boolean[] active = new boolean[partition.regionCount];
        for (int c : communities) {
            checkCommunity(c);
            active[c] = true;
        }
        active = partition.withNeighbours(active, options.ringDepth());
        int[] before = partition.region.clone();
        int[] origin = new int[partition.regionCount];
        for (int c = 0; c < origin.length; c++) {
            origin[c] = c;
        }
        new LocalSearch(partition, origin, before, active, locked, options).run();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != partition.region[i]) {
                changed.add(i);
            }
        }
        int[] cells = changed.stream().mapToInt(Integer::intValue).toArray();
        int[] from = new int[cells.length];
        int[] to = new int[cells.length];
        for (int k = 0; k < cells.length; k++) {
            from[k] = before[cells[k]];
            to[k] = partition.region[cells[k]];
        }
        if (cells.length > 0) {
            undo.push(new Edit(cells, from, to));
            redo.clear();
        }
        return outcome(cells, from, to, started);
    }

    /** Problems of every community now (for a whole-plan check). */
    public List<PlanViolation> violations() {
        List<PlanViolation> all = new ArrayList<>();
        for (int c = 0; c < partition.regionCount; c++) {
            all.addAll(violationsOf(c));
        }
        return all;
    }

    private EditOutcome outcome(int[] cells, int[] from, int[] to, long startedNanos) {
        TreeSet<Integer> affected = new TreeSet<>();
        for (int k = 0; k < cells.length; k++) {
            affected.add(from[k]);
            affected.add(to[k]);
        }
        List<CommunityMetrics> metrics = new ArrayList<>(affected.size());
        List<PlanViolation> violations = new ArrayList<>();
        for (int c : affected) {
            metrics.add(metrics(c));
            violations.addAll(violationsOf(c));
        }
        return new EditOutcome(cells.length, metrics, violations, (System.nanoTime() - startedNanos) / 1000);
    }

    private List<PlanViolation> violationsOf(int c) {
        List<PlanViolation> found = new ArrayList<>();
        if (partition.size[c] == 0) {
            found.add(new PlanViolation(c, PlanViolation.Kind.EMPTY, "Community " + c + " has no cells left"));
            return found;
        }
        long h = partition.households[c];
        if (h < options.minHouseholds()) {
            found.add(new PlanViolation(
                    c,
                    PlanViolation.Kind.UNDER_MINIMUM,
                    "Community " + c + " has " + h + " households, under the minimum " + options.minHouseholds()));
        } else if (h > options.maxHouseholds()) {
            found.add(new PlanViolation(
                    c,
                    PlanViolation.Kind.OVER_MAXIMUM,
                    "Community " + c + " has " + h + " households, over the maximum " + options.maxHouseholds()));
        }
        if (!contiguous(c)) {
            found.add(new PlanViolation(
                    c,
                    PlanViolation.Kind.NOT_CONTIGUOUS,
                    "Community " + c + " falls apart into pieces not joined by streets or open boundaries"));
        }
        if (acrossBreak(c)) {
            found.add(new PlanViolation(
                    c,
                    PlanViolation.Kind.ACROSS_BREAK,
                    "Community " + c + " lies on both sides of a river, rail line or subdistrict border"));
        }
        return found;
    }

    /** Breadth-first over soft adjacencies from one cell of the community. */
    private boolean contiguous(int c) {
        int start = -1;
        for (int i = 0; i < graph.size() && start < 0; i++) {
            if (partition.region[i] == c) {
                start = i;
            }
        }
        if (start < 0) {
            return false;
        }
        int[] cells = new int[partition.size[c]];
        int count = 0;
        for (int i = 0; i < graph.size(); i++) {
            if (partition.region[i] == c) {
                cells[count++] = i;
            }
        }
        return partition.components(c, cells).length == 1;
    }

    private boolean acrossBreak(int c) {
        for (int i = 0; i < graph.size(); i++) {
            if (partition.region[i] != c) {
                continue;
            }
            for (int e = graph.start()[i]; e < graph.start()[i + 1]; e++) {
                if (graph.hard()[e] && !graph.crossable()[e] && partition.region[graph.neighbour()[e]] == c) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkCommunity(int c) {
        if (c < 0 || c >= partition.regionCount) {
            throw new IllegalArgumentException("No community " + c + "; the plan has " + partition.regionCount);
        }
    }
}
