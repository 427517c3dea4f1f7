package org.lifecircle.web.analysis;

import org.lifecircle.core.domain.PopulationCell;

/**
 * A population cell as the analyses read it.
 *
 * @param id the population_cell row
 * @param communityIndex position of its community in {@link AnalysisInputs#communities()}, -1 when
 *     its point on surface lies in no current community
 * @param cell polygon (EPSG:4326), population, households and age groups
 */
public record CellRecord(long id, int communityIndex, PopulationCell cell) {
    public int households() {
        return cell.households();
    }
}
