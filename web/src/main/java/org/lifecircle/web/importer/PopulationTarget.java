package org.lifecircle.web.importer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.datasets.DatasetSink;

/**
 * Population cells: grid squares, hexagons or blocks with residents and households (both required)
 * and, where known, the elderly and children among the residents (never more than the residents).
 */
final class PopulationTarget implements ImportTarget<PopulationCell> {

    @Override
    public String kind() {
        return "population";
    }

    @Override
    public String table() {
        return "population_cell";
    }

    @Override
    public Set<ImportField> fields() {
        return EnumSet.of(ImportField.POPULATION, ImportField.HOUSEHOLDS, ImportField.ELDERLY, ImportField.CHILDREN);
    }

    @Override
    public Set<ImportField> required(ImportOptions options) {
        return EnumSet.of(ImportField.POPULATION, ImportField.HOUSEHOLDS);
    }

    @Override
    public void write(DatasetSink sink, List<PopulationCell> rows) {
        sink.populationCells(rows);
    }

    @Override
    public RowMapper<PopulationCell> mapper(ImportOptions options, RunNotes notes, String source) {
        return (row, geometry) -> {
            int population = CellValues.count(row, ImportField.POPULATION, true);
            int households = CellValues.count(row, ImportField.HOUSEHOLDS, true);
            Integer elderly = share(row, ImportField.ELDERLY, population);
            Integer children = share(row, ImportField.CHILDREN, population);
            return new PopulationCell(
                    GeometryShapes.polygon(geometry, "population cells"),
                    population,
                    households,
                    elderly,
                    children,
                    source);
        };
    }

    private static Integer share(StagedRow row, ImportField field, int population) throws RowRejectedException {
        Integer value = CellValues.count(row, field, false);
        if (value != null && value > population) {
            throw new RowRejectedException(field.label() + " " + value + " exceeds population " + population);
        }
        return value;
    }
}
