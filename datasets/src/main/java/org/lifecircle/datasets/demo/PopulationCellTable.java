package org.lifecircle.datasets.demo;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.lifecircle.core.domain.PopulationCell;

/**
 * Residents of the populated cells as primitive columns, and the rows built from them lazily.
 *
 * <p>Population is {@code round(households × persons per household × (1 + ε))} with the catalog's
 * persons per household and ε normal with σ = {@link #HOUSEHOLD_SIZE_SIGMA}, never below the
 * households; elderly (60+) are 15–25 % and children (under 15) 10–15 % of it, drawn per cell.
 * Only cells with households are emitted.
 */
final class PopulationCellTable {
    private static final double HOUSEHOLD_SIZE_SIGMA = 0.05;
    private static final double ELDERLY_SHARE_MIN = 0.15;
    private static final double ELDERLY_SHARE_MAX = 0.25;
    private static final double CHILDREN_SHARE_MIN = 0.10;
    private static final double CHILDREN_SHARE_MAX = 0.15;

    private final CellGrid grid;
    private final int[] cells;
    private final int[] households;
    private final int[] population;
    private final int[] elderly;
    private final int[] children;
    private final long totalHouseholds;
    private final long totalPopulation;

    PopulationCellTable(CellGrid grid, int[] householdsPerCell, double personsPerHousehold, SplittableRandom random) {
        this.grid = grid;
        int count = 0;
        for (int h : householdsPerCell) {
            count += h > 0 ? 1 : 0;
        }
        this.cells = new int[count];
        this.households = new int[count];
        this.population = new int[count];
        this.elderly = new int[count];
        this.children = new int[count];
        long householdSum = 0;
        long populationSum = 0;
        int k = 0;
        for (int index = 0; index < householdsPerCell.length; index++) {
            int h = householdsPerCell[index];
            if (h <= 0) {
                continue;
            }
            double size = personsPerHousehold * (1 + HOUSEHOLD_SIZE_SIGMA * HouseholdDensityModel.gaussian(random));
            int people = (int) Math.max(h, Math.round(h * size));
            double elderlyShare = ELDERLY_SHARE_MIN + (ELDERLY_SHARE_MAX - ELDERLY_SHARE_MIN) * random.nextDouble();
            double childShare = CHILDREN_SHARE_MIN + (CHILDREN_SHARE_MAX - CHILDREN_SHARE_MIN) * random.nextDouble();
            cells[k] = index;
            households[k] = h;
            population[k] = people;
            elderly[k] = (int) Math.round(people * elderlyShare);
            children[k] = (int) Math.round(people * childShare);
            householdSum += h;
            populationSum += people;
            k++;
        }
        this.totalHouseholds = householdSum;
        this.totalPopulation = populationSum;
    }

    int rowCount() {
        return cells.length;
    }

    long totalHouseholds() {
        return totalHouseholds;
    }

    long totalPopulation() {
        return totalPopulation;
    }

    /** The rows in cell order, built on each iteration (same rows every time). */
    Iterable<PopulationCell> rows(GridCornerProjection projection, String source) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < cells.length;
            }

            @Override
            public PopulationCell next() {
                if (next >= cells.length) {
                    throw new NoSuchElementException();
                }
                int k = next++;
                int index = cells[k];
                return new PopulationCell(
                        projection.cellPolygon(grid.columnOfCell(index), grid.rowOfCell(index)),
                        population[k],
                        households[k],
                        elderly[k],
                        children[k],
                        source);
            }
        };
    }
}
