package org.lifecircle.web.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.boundary.CellGraph;
import org.lifecircle.core.boundary.PlanEditor;

/**
 * A plan loaded for editing: the engine's editor over the plan's cells, and the mapping between the
 * plan's cell ids and community keys and the editor's indices (keys are the editor's community
 * indices). Used under the session's own lock, one request at a time.
 *
 * @param cellIds cell id per editor cell index
 * @param indexOfCell editor cell index per cell id
 * @param communities the plan's communities by key; the session's own list, extended when an edit
 *     adds a community
 */
record PlanSession(
        long planId,
        long datasetLoadId,
        CellGraph graph,
        PlanEditor editor,
        long[] cellIds,
        Map<Long, Integer> indexOfCell,
        List<PlanStore.PlanCommunity> communities) {

    static PlanSession of(
            long planId,
            long datasetLoadId,
            CellGraph graph,
            PlanEditor editor,
            List<Long> cellIds,
            List<PlanStore.PlanCommunity> communities) {
        long[] ids = new long[cellIds.size()];
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = cellIds.get(i);
            index.put(ids[i], i);
        }
        return new PlanSession(planId, datasetLoadId, graph, editor, ids, index, new ArrayList<>(communities));
    }
}
