package org.lifecircle.web.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lifecircle.core.boundary.CellGraph;
import org.lifecircle.core.boundary.CommunityMetrics;
import org.lifecircle.core.boundary.EditOutcome;
import org.lifecircle.core.boundary.PlanEditor;
import org.lifecircle.core.boundary.PlanViolation;
import org.lifecircle.core.boundary.ProposedCommunity;
import org.lifecircle.core.boundary.RegionalizationOptions;
import org.lifecircle.core.boundary.RegionalizationResult;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.analysis.CommunityRecord;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.ConflictException;
import org.lifecircle.web.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boundary plans: made from today's communities or from the engine's proposal, edited cell by cell
 * (every edit journaled), rebalanced, and adopted. Editors are kept in memory per plan and rebuilt
 * from the stored cells when the service restarts (the undo history of a session is then gone; the
 * journal is not).
 */
@Service
class PlanService {
    private final PlanStore store;
    private final PlanningGraphCache graphs;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Map<Long, PlanSession> sessions = new ConcurrentHashMap<>();

    PlanService(PlanStore store, PlanningGraphCache graphs, TransactionTemplate transaction, JsonMapper json) {
        this.store = store;
        this.graphs = graphs;
        this.transaction = transaction;
        this.json = json;
    }

    PlanningGraph graph() {
        return graphs.current();
    }

    /** A plan of today's communities, cells outside every community joined to their nearest one. */
    long createFromToday(String name, RegionalizationOptions options) {
        PlanningGraph planning = graphs.current();
        AnalysisInputs inputs = planning.inputs();
        if (inputs.communities().isEmpty()) {
            throw new ConflictException(
                    "There are no communities today; propose some from scratch (kind boundary-proposal, fromScratch)");
        }
        int[] today = planning.today();
        int[] assignment = PlanEditor.completed(
                planning.graph(), today, inputs.communities().size());
        return insert(name, "today", null, null, planning, assignment, continuing(inputs, assignment), options, "{}");
    }

    /** A plan from a regionalization result over all cells of the current data. */
    long createFromResult(
            String name, String origin, Long runId, RegionalizationResult result, RegionalizationOptions options) {
        PlanningGraph planning = graphs.current();
        int[] continues = new int[result.communities().size()];
        for (ProposedCommunity c : result.communities()) {
            continues[c.index()] = c.continuesCommunity();
        }
        return insert(
                name,
                origin,
                runId,
                null,
                planning,
                result.communityOfCell(),
                continues,
                options,
                json.writeValueAsString(Map.of("before", result.before(), "after", result.after())));
    }

    /** A grid plan over one community's cells. */
    long createGrids(
            String name,
            Long runId,
            long communityId,
            int[] cellIndices,
            RegionalizationResult result,
            RegionalizationOptions options) {
        PlanningGraph planning = graphs.current();
        int[] assignment = new int[planning.inputs().cells().size()];
        java.util.Arrays.fill(assignment, -1);
        for (int k = 0; k < cellIndices.length; k++) {
            assignment[cellIndices[k]] = result.communityOfCell()[k];
        }
        int[] continues = new int[result.communities().size()];
        java.util.Arrays.fill(continues, -1);
        return insert(
                name,
                "grids",
                runId,
                communityId,
                planning,
                assignment,
                continues,
                options,
                json.writeValueAsString(Map.of("grids", result.communities().size(), "after", result.after())));
    }

    /** For each community of an assignment that keeps a community of today's index, that index. */
    private static int[] continuing(AnalysisInputs inputs, int[] assignment) {
        int count = 0;
        for (int c : assignment) {
            count = Math.max(count, c + 1);
        }
        int[] continues = new int[count];
        for (int c = 0; c < count; c++) {
            continues[c] = c < inputs.communities().size() ? c : -1;
        }
        return continues;
    }

    private long insert(
            String name,
            String origin,
            Long runId,
            Long parentCommunityId,
            PlanningGraph planning,
            int[] assignment,
            int[] continues,
            RegionalizationOptions options,
            String summaryJson) {
        AnalysisInputs inputs = planning.inputs();
        return transaction.execute(status -> {
            long planId = store.insertPlan(
                    name,
                    origin,
                    runId,
                    inputs.network().loadId(),
                    parentCommunityId,
                    (int) options.minHouseholds(),
                    (int) options.targetHouseholds(),
                    (int) options.maxHouseholds(),
                    summaryJson);
            List<PlanStore.PlanCommunity> communities = new ArrayList<>();
            int fresh = 0;
            for (int key = 0; key < continues.length; key++) {
                if (continues[key] >= 0) {
                    CommunityRecord today = inputs.communities().get(continues[key]);
                    communities.add(new PlanStore.PlanCommunity(key, today.id(), today.code(), today.name()));
                } else {
                    fresh++;
                    communities.add(provisional(planId, key, fresh, origin));
                }
            }
            store.insertCommunities(planId, communities);
            List<PlanStore.PlanCell> cells = new ArrayList<>();
            for (int i = 0; i < assignment.length; i++) {
                if (assignment[i] < 0) {
                    continue;
                }
                int todayIndex = inputs.cells().get(i).communityIndex();
                cells.add(new PlanStore.PlanCell(
                        inputs.cells().get(i).id(),
                        assignment[i],
                        assignment[i],
                        todayIndex < 0
                                ? null
                                : inputs.communities().get(todayIndex).id()));
            }
            store.insertCells(planId, cells);
            return planId;
        });
    }

    /** A clearly provisional code and name for a community the plan creates. */
    static PlanStore.PlanCommunity provisional(long planId, int key, int number, String origin) {
        String noun = origin.equals("grids") ? "网格" : "新社区";
        return new PlanStore.PlanCommunity(
                key, null, "P" + planId + "-" + key, noun + " " + number + "（方案 " + planId + " 暂定）");
    }

    /** The newest plans. */
    List<Map<String, Object>> recent(int limit) {
        List<Map<String, Object>> plans = new ArrayList<>();
        for (PlanStore.PlanRow row : store.recent(limit)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", row.id());
            view.put("name", row.name());
            view.put("origin", row.origin());
            view.put("status", row.status());
            view.put("runId", row.runId());
            view.put("parentCommunityId", row.parentCommunityId());
            plans.add(view);
        }
        return plans;
    }

    PlanStore.PlanRow plan(long planId) {
        return store.plan(planId).orElseThrow(() -> new NotFoundException("No plan " + planId));
    }

    /** The plan's communities with their metrics now. */
    Map<String, Object> describe(long planId) {
        PlanStore.PlanRow row = plan(planId);
        PlanSession session = session(planId);
        synchronized (session) {
            List<Map<String, Object>> communities = new ArrayList<>();
            List<PlanStore.PlanCommunity> stored = store.communities(planId);
            for (PlanStore.PlanCommunity community : stored) {
                if (community.key() >= session.editor().communityCount()) {
                    continue;
                }
                communities.add(communityView(community, session.editor().metrics(community.key())));
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", row.id());
            view.put("name", row.name());
            view.put("origin", row.origin());
            view.put("status", row.status());
            view.put("runId", row.runId());
            view.put("bounds", Map.of("min", row.min(), "target", row.target(), "max", row.max()));
            view.put("summary", json.readTree(row.summary()));
            view.put("edits", store.editCount(planId));
            view.put("violations", violationViews(session.editor().violations(), stored));
            view.put("communities", communities);
            return view;
        }
    }

    /** Moves cells (by id) to a community key, or to a new community when {@code toKey} is null. */
    Map<String, Object> move(long planId, long[] cellIds, Integer toKey) {
        PlanSession session = editable(planId);
        synchronized (session) {
            int[] cells = indices(session, cellIds);
            int key;
            if (toKey == null) {
                key = session.editor().addCommunity();
                int number = (int) session.communities().stream()
                                .filter(c -> c.continuesCommunityId() == null)
                                .count()
                        + 1;
                PlanStore.PlanRow row = plan(planId);
                PlanStore.PlanCommunity fresh = provisional(planId, key, number, row.origin());
                transaction.executeWithoutResult(s -> store.insertCommunities(planId, List.of(fresh)));
                session.communities().add(fresh);
            } else {
                key = toKey;
                if (key < 0 || key >= session.editor().communityCount()) {
                    throw new BadParameterException("to", "Plan " + planId + " has no community " + key);
                }
            }
            EditOutcome outcome = session.editor().apply(cells, key);
            int[] to = new int[cells.length];
            java.util.Arrays.fill(to, key);
            record(session, "move", cells, to);
            return outcomeView(session, outcome);
        }
    }

    Map<String, Object> undo(long planId) {
        return replay(planId, true);
    }

    Map<String, Object> redo(long planId) {
        return replay(planId, false);
    }

    private Map<String, Object> replay(long planId, boolean backwards) {
        PlanSession session = editable(planId);
        synchronized (session) {
            int[] before = session.editor().assignment();
            EditOutcome outcome =
                    backwards ? session.editor().undo() : session.editor().redo();
            if (outcome == null) {
                throw new ConflictException("Nothing to " + (backwards ? "undo" : "redo") + " in plan " + planId
                        + " (the history of edits made before the service last started cannot be undone)");
            }
            recordChanges(session, backwards ? "undo" : "redo", before);
            return outcomeView(session, outcome);
        }
    }

    /** Rebalances the given communities and their neighbours with the planner's cells locked. */
    Map<String, Object> rebalance(long planId, int[] keys) {
        PlanSession session = editable(planId);
        synchronized (session) {
            for (int key : keys) {
                if (key < 0 || key >= session.editor().communityCount()) {
                    throw new BadParameterException("communities", "Plan " + planId + " has no community " + key);
                }
            }
            int[] before = session.editor().assignment();
            EditOutcome outcome = session.editor().rebalance(keys);
            recordChanges(session, "rebalance", before);
            return outcomeView(session, outcome);
        }
    }

    /** Rejects the proposal's move of one cell: the cell goes back to the community it is in today. */
    Map<String, Object> reject(long planId, long cellId) {
        PlanSession session = editable(planId);
        synchronized (session) {
            PlanStore.PlanCell cell = store.cell(planId, cellId)
                    .orElseThrow(() -> new NotFoundException("Plan " + planId + " has no cell " + cellId));
            Integer back = null;
            for (PlanStore.PlanCommunity community : session.communities()) {
                if (cell.todayCommunityId() != null
                        && cell.todayCommunityId().equals(community.continuesCommunityId())) {
                    back = community.key();
                }
            }
            if (back == null) {
                throw new ConflictException("Cell " + cellId + " has no community of today in plan " + planId
                        + " to go back to (it was outside every community, or its community is not continued)");
            }
            int index = indices(session, new long[] {cellId})[0];
            int[] before = session.editor().assignment();
            EditOutcome outcome = session.editor().applyEach(new int[] {index}, new int[] {back});
            recordChanges(session, "reject", before);
            return outcomeView(session, outcome);
        }
    }

    /**
     * Moves of the plan against today's communities: cells whose community is not their today's,
     * each with its households (they sum to the households moved).
     */
    List<Map<String, Object>> moves(long planId) {
        plan(planId);
        List<Map<String, Object>> moves = new ArrayList<>();
        for (PlanStore.Move cell : store.moves(planId)) {
            Map<String, Object> move = new LinkedHashMap<>();
            move.put("cellId", cell.cellId());
            move.put("fromCommunityId", cell.fromCommunityId());
            move.put("toKey", cell.toKey());
            move.put("households", cell.households());
            // A move can be rejected when the plan still has the cell's community of today.
            move.put("rejectable", cell.rejectable());
            moves.add(move);
        }
        return moves;
    }

    /** One cell of the plan: its community now, households and whether the plan moves it. */
    Map<String, Object> cell(long planId, long cellId) {
        plan(planId);
        PlanStore.CellInPlan cell = store.cellInPlan(planId, cellId)
                .orElseThrow(() -> new NotFoundException("Plan " + planId + " has no cell " + cellId));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cellId", cell.cellId());
        view.put("key", cell.key());
        view.put("code", cell.code());
        view.put("name", cell.name());
        view.put("households", cell.households());
        view.put("population", cell.population());
        view.put("todayCommunityId", cell.todayCommunityId());
        view.put("moved", cell.moved());
        return view;
    }

    long countCellsIn(long planId, Bbox bbox) {
        plan(planId);
        return store.countCellsIn(planId, bbox);
    }

    String cellsGeoJson(long planId, Bbox bbox) {
        return store.cellsGeoJson(planId, bbox);
    }

    /** A rename: the community as it was, and as it is now with its metrics. */
    record Rename(PlanStore.PlanCommunity former, PlanStore.PlanCommunity now, Map<String, Object> view) {
        boolean changed() {
            return !former.equals(now);
        }
    }

    /**
     * Gives a community the plan creates its name and code ({@code null}: kept). Communities that
     * continue one of today's keep its name and code; codes are unique within a plan, as adoption
     * needs them to be.
     */
    Rename rename(long planId, int key, String name, String code) {
        PlanSession session = editable(planId);
        synchronized (session) {
            List<PlanStore.PlanCommunity> communities = session.communities();
            int index = -1;
            for (int k = 0; k < communities.size(); k++) {
                if (communities.get(k).key() == key) {
                    index = k;
                }
            }
            if (index < 0 || key >= session.editor().communityCount()) {
                throw new NotFoundException("Plan " + planId + " has no community " + key);
            }
            PlanStore.PlanCommunity former = communities.get(index);
            if (former.continuesCommunityId() != null) {
                throw new ConflictException("Community " + key + " of plan " + planId + " continues today's community "
                        + former.code() + " (" + former.name() + ") and keeps its name and code");
            }
            PlanStore.PlanCommunity now = new PlanStore.PlanCommunity(
                    key, null, code == null ? former.code() : code, name == null ? former.name() : name);
            for (PlanStore.PlanCommunity other : communities) {
                if (other.key() != key && other.code().equals(now.code())) {
                    throw new ConflictException("Community " + other.key() + " of plan " + planId + " (" + other.name()
                            + ") already has code " + now.code());
                }
            }
            if (!now.equals(former)) {
                transaction.executeWithoutResult(status -> store.rename(planId, former, now));
                communities.set(index, now);
            }
            return new Rename(former, now, communityView(now, session.editor().metrics(key)));
        }
    }

    String communitiesGeoJson(long planId) {
        plan(planId);
        return store.communitiesGeoJson(planId);
    }

    /** Adopts a plan: changed communities get new versions, old versions stay retrievable by date. */
    Map<String, Object> adopt(long planId) {
        PlanSession session = editable(planId);
        synchronized (session) {
            PlanStore.PlanRow row = plan(planId);
            if (row.origin().equals("grids")) {
                throw new ConflictException("Plan " + planId + " divides a community into management grids;"
                        + " grids are not communities and are not adopted as boundaries");
            }
            java.util.Set<Integer> changed = changedCommunities(planId, session);
            List<PlanViolation> broken = session.editor().violations().stream()
                    .filter(v -> changed.contains(v.community()))
                    .filter(v -> v.kind() == PlanViolation.Kind.NOT_CONTIGUOUS
                            || v.kind() == PlanViolation.Kind.ACROSS_BREAK)
                    .toList();
            if (!broken.isEmpty()) {
                throw new ConflictException("Plan " + planId + " cannot be adopted: "
                        + broken.get(0).message()
                        + (broken.size() > 1 ? " (and " + (broken.size() - 1) + " more)" : ""));
            }
            int[] counts = transaction.execute(status -> store.adopt(planId));
            sessions.remove(planId);
            return Map.of("plan", planId, "closedCommunities", counts[0], "insertedCommunities", counts[1]);
        }
    }

    /**
     * Keys of the plan's communities whose cells differ from the community of today they continue
     * (new communities included): only these change on adoption, so only their problems block it;
     * a community of today already in pieces that the plan leaves alone is not the plan's doing.
     */
    private java.util.Set<Integer> changedCommunities(long planId, PlanSession session) {
        Map<Integer, Long> continues = new java.util.HashMap<>();
        Map<Long, Integer> keyOfToday = new java.util.HashMap<>();
        for (PlanStore.PlanCommunity community : session.communities()) {
            continues.put(community.key(), community.continuesCommunityId());
            if (community.continuesCommunityId() != null) {
                keyOfToday.put(community.continuesCommunityId(), community.key());
            }
        }
        java.util.Set<Integer> changed = new java.util.HashSet<>();
        for (PlanStore.PlanCell cell : store.cells(planId)) {
            Long continued = continues.get(cell.key());
            if (continued == null || !continued.equals(cell.todayCommunityId())) {
                changed.add(cell.key());
                Integer former = cell.todayCommunityId() == null ? null : keyOfToday.get(cell.todayCommunityId());
                if (former != null) {
                    changed.add(former);
                }
            }
        }
        return changed;
    }

    /** The session of a draft plan; a cached session is a draft (adoption drops it). */
    private PlanSession editable(long planId) {
        PlanSession cached = cachedSession(planId);
        if (cached != null) {
            return cached;
        }
        PlanStore.PlanRow row = plan(planId);
        if (!row.status().equals("draft")) {
            throw new ConflictException("Plan " + planId + " is " + row.status() + " and can no longer be edited");
        }
        return session(planId);
    }

    /**
     * The cached session while the data has not been replaced: one indexed query per request, so
     * an edit pays for the edit, not for re-reading the plan.
     */
    private PlanSession cachedSession(long planId) {
        PlanSession session = sessions.get(planId);
        return session != null && session.datasetLoadId() == store.latestLoadId() ? session : null;
    }

    private PlanSession session(long planId) {
        PlanSession cached = cachedSession(planId);
        if (cached != null) {
            return cached;
        }
        PlanStore.PlanRow row = plan(planId);
        PlanningGraph planning = graphs.current();
        if (row.datasetLoadId() == null
                || row.datasetLoadId() != planning.inputs().network().loadId()) {
            throw new ConflictException("Plan " + planId + " was made on dataset load " + row.datasetLoadId()
                    + "; the data has been replaced since (load "
                    + planning.inputs().network().loadId() + ")");
        }
        sessions.remove(planId);
        return sessions.computeIfAbsent(planId, id -> load(id, row, planning));
    }

    private PlanSession load(long planId, PlanStore.PlanRow row, PlanningGraph planning) {
        List<PlanStore.PlanCell> cells = store.cells(planId);
        Map<Long, Integer> indexOfCell = planning.indexOfCellId();
        int[] subset = new int[cells.size()];
        int[] assignment = new int[cells.size()];
        List<Long> ids = new ArrayList<>(cells.size());
        for (int k = 0; k < cells.size(); k++) {
            Integer index = indexOfCell.get(cells.get(k).cellId());
            if (index == null) {
                throw new ConflictException("Plan " + planId + " names cell "
                        + cells.get(k).cellId() + ", which the current data does not have");
            }
            subset[k] = index;
            assignment[k] = cells.get(k).key();
            ids.add(cells.get(k).cellId());
        }
        CellGraph graph = subset.length == planning.graph().size() && isIdentity(subset)
                ? planning.graph()
                : planning.subgraph(subset);
        List<PlanStore.PlanCommunity> communityRows = store.communities(planId);
        int communities = communityRows.size();
        RegionalizationOptions options = RegionalizationOptions.of(row.min(), row.target(), row.max());
        PlanEditor editor = new PlanEditor(graph, assignment, communities, options);
        return PlanSession.of(planId, planning.inputs().network().loadId(), graph, editor, ids, communityRows);
    }

    private static boolean isIdentity(int[] subset) {
        for (int k = 0; k < subset.length; k++) {
            if (subset[k] != k) {
                return false;
            }
        }
        return true;
    }

    private static int[] indices(PlanSession session, long[] cellIds) {
        if (cellIds.length == 0) {
            throw new BadParameterException("cells", "cells must name at least one population cell id");
        }
        int[] cells = new int[cellIds.length];
        for (int k = 0; k < cellIds.length; k++) {
            Integer index = session.indexOfCell().get(cellIds[k]);
            if (index == null) {
                throw new BadParameterException(
                        "cells", "Cell " + cellIds[k] + " is not part of plan " + session.planId());
            }
            cells[k] = index;
        }
        return cells;
    }

    private void record(PlanSession session, String kind, int[] cells, int[] to) {
        long[] ids = new long[cells.length];
        for (int k = 0; k < cells.length; k++) {
            ids[k] = session.cellIds()[cells[k]];
        }
        transaction.executeWithoutResult(status -> store.recordEdit(session.planId(), kind, ids, to));
    }

    private void recordChanges(PlanSession session, String kind, int[] before) {
        int[] after = session.editor().assignment();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < after.length; i++) {
            if (after[i] != before[i]) {
                changed.add(i);
            }
        }
        int[] cells = changed.stream().mapToInt(Integer::intValue).toArray();
        int[] to = new int[cells.length];
        for (int k = 0; k < cells.length; k++) {
            to[k] = after[cells[k]];
        }
        record(session, kind, cells, to);
    }

    private Map<String, Object> outcomeView(PlanSession session, EditOutcome outcome) {
        List<PlanStore.PlanCommunity> stored = session.communities();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("movedCells", outcome.movedCells());
        view.put("micros", outcome.micros());
        List<Map<String, Object>> affected = new ArrayList<>();
        for (CommunityMetrics metrics : outcome.affected()) {
            affected.add(communityView(stored.get(metrics.community()), metrics));
        }
        view.put("affected", affected);
        view.put("violations", violationViews(outcome.violations(), stored));
        return view;
    }

    private static Map<String, Object> communityView(PlanStore.PlanCommunity community, CommunityMetrics metrics) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", community.key());
        view.put("code", community.code());
        view.put("name", community.name());
        view.put("continuesCommunityId", community.continuesCommunityId());
        view.put("households", metrics.households());
        view.put("cells", metrics.cells());
        view.put("deviationPercent", Math.round(metrics.deviationPercent() * 10) / 10.0);
        view.put("polsbyPopper", Math.round(metrics.polsbyPopper() * 1000) / 1000.0);
        view.put("status", metrics.status().name().toLowerCase(java.util.Locale.ROOT));
        view.put("contiguous", metrics.contiguous());
        return view;
    }

    private static List<Map<String, Object>> violationViews(
            List<PlanViolation> violations, List<PlanStore.PlanCommunity> stored) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (PlanViolation violation : violations) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("key", violation.community());
            view.put("code", stored.get(violation.community()).code());
            view.put("kind", violation.kind().name().toLowerCase(java.util.Locale.ROOT));
            view.put("message", violation.message());
            views.add(view);
        }
        return views;
    }
}
