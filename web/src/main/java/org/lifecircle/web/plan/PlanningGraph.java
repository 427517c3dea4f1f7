package org.lifecircle.web.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.boundary.CellGraph;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.locationtech.jts.geom.Geometry;

/**
 * The cells of the current data as the boundary engine sees them: adjacency with hard breaks
 * (arterials crossable as a last resort; rivers, rail and subdistrict borders not), and each cell's
 * community of today.
 *
 * @param inputs the analysis inputs it was built from (cells and communities in their order)
 * @param graph cell {@code i} is {@code inputs.cells().get(i)}
 */
record PlanningGraph(AnalysisInputs inputs, CellGraph graph, List<Geometry> arterials, List<Geometry> barriers) {
    /** The cell graph of some cells only (one community's, for grids); position k is cell {@code cells[k]}. */
    CellGraph subgraph(int[] cells) {
        List<org.locationtech.jts.geom.Polygon> polygons = new java.util.ArrayList<>(cells.length);
        int[] households = new int[cells.length];
        for (int k = 0; k < cells.length; k++) {
            polygons.add(inputs.cells().get(cells[k]).cell().cell());
            households[k] = inputs.cells().get(cells[k]).households();
        }
        return org.lifecircle.core.boundary.CellAdjacency.build(polygons, households, arterials, barriers, null);
    }

    /** Today's community index of each cell, -1 for none. */
    int[] today() {
        int[] today = new int[inputs.cells().size()];
        for (int i = 0; i < today.length; i++) {
            today[i] = inputs.cells().get(i).communityIndex();
        }
        return today;
    }

    long cellId(int index) {
        return inputs.cells().get(index).id();
    }

    /** Cell id → index. */
    Map<Long, Integer> indexOfCellId() {
        Map<Long, Integer> index = new HashMap<>();
        List<org.lifecircle.web.analysis.CellRecord> cells = inputs.cells();
        for (int i = 0; i < cells.size(); i++) {
            index.put(cells.get(i).id(), i);
        }
        return index;
    }
}
