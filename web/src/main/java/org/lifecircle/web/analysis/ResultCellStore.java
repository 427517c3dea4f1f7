package org.lifecircle.web.analysis;

import org.lifecircle.web.store.CopyIntoTransaction;
import org.springframework.stereotype.Repository;

/** Copies the cells a run computed on into {@code result_cell}, once per run. */
@Repository
public class ResultCellStore {
    private final CopyIntoTransaction copy;

    ResultCellStore(CopyIntoTransaction copy) {
        this.copy = copy;
    }

    /** Within the caller's transaction. */
    public void insert(long runId, AnalysisInputs inputs) {
        copy.copy("result_cell", "run_id, cell_id, community_id, households, population, geom", writer -> {
            for (CellRecord cell : inputs.cells()) {
                writer.number(runId)
                        .number(cell.id())
                        .number(inputs.communityId(cell.communityIndex()))
                        .number(cell.households())
                        .number(cell.cell().population())
                        .geometry(cell.cell().cell())
                        .endRow();
            }
        });
    }
}
