package org.lifecircle.datasets.importer.osm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.lifecircle.core.standards.StandardsCatalog;

/**
 * Parameters of the dasymetric population estimate from residential building footprints, validated
 * on construction.
 *
 * @param cellSizeMeters side of the square population cells in the Gauss-Krüger zone, in (0,
 *     10,000]. Default 100 m: the demo city's cell, fine enough that a 300 m (5-minute) service
 *     radius spans several cells, coarse enough that one cell holds a few buildings.
 * @param floorAreaSquareMetersPerPerson residential floor area one resident occupies, {@code > 0}.
 *     Default 36.52 m², the urban per-capita housing floor area (城市家庭户人均住房建筑面积) of the
 *     2020 seventh national population census (《中国人口普查年鉴—2020》); a locality with its own
 *     yearbook figure should use it.
 * @param personsPerHousehold residents per household, {@code >= 1}; default the catalog rule
 *     {@code population.personsPerHousehold} (2.62, 2020 census national average)
 * @param levelsByBuildingType storeys assumed for a {@code building=*} value when the building has
 *     no usable {@code building:levels}; each value in [1, {@code maxPlausibleLevels}]. Defaults
 *     follow the storey classes of GB 50180-2018 (chapter 4 tables: 低层 1–3, 多层Ⅰ类 4–6, 多层Ⅱ类
 *     7–9, 高层Ⅰ类 10–18) and common Chinese housing stock: 6 for
 *     {@code residential} and untyped {@code yes} (多层Ⅰ类 4–6 storeys, the walk-up blocks that
 *     dominate older estates), 12 for {@code apartments} (高层Ⅰ类 10–18), 2 for houses (低层), 3 for
 *     terraces, 5 for dormitories, 1 for bungalows. These are assumptions to replace with local
 *     survey values.
 * @param maxPlausibleLevels a {@code building:levels} above this is taken for a typo and replaced
 *     by the type's default, {@code >= 1}. Default 100, above China's tallest residential towers.
 * @param controlTotalPopulation when present, the estimate is scaled so that the cells hold exactly
 *     this many residents (for example a district's census total), {@code >= 0}; empty by default:
 *     the footprint estimate stands as it is
 */
public record DasymetricOptions(
        double cellSizeMeters,
        double floorAreaSquareMetersPerPerson,
        double personsPerHousehold,
        Map<String, Double> levelsByBuildingType,
        double maxPlausibleLevels,
        OptionalLong controlTotalPopulation) {

    public static final double DEFAULT_CELL_SIZE_METERS = 100;
    public static final double DEFAULT_FLOOR_AREA_SQUARE_METERS_PER_PERSON = 36.52;
    public static final double DEFAULT_MAX_PLAUSIBLE_LEVELS = 100;
    /** Default storeys per building type; see the record's javadoc for their basis. */
    public static final Map<String, Double> DEFAULT_LEVELS_BY_BUILDING_TYPE = defaultLevels();

    private static final double MAX_CELL_SIZE_METERS = 10_000;

    public DasymetricOptions {
        Objects.requireNonNull(levelsByBuildingType, "levelsByBuildingType");
        Objects.requireNonNull(controlTotalPopulation, "controlTotalPopulation");
        levelsByBuildingType = Map.copyOf(levelsByBuildingType);
        if (!(cellSizeMeters > 0 && cellSizeMeters <= MAX_CELL_SIZE_METERS)) {
            throw new IllegalArgumentException(
                    "Cell size must be in (0, " + MAX_CELL_SIZE_METERS + "] metres: " + cellSizeMeters);
        }
        if (!(floorAreaSquareMetersPerPerson > 0 && Double.isFinite(floorAreaSquareMetersPerPerson))) {
            throw new IllegalArgumentException(
                    "Floor area per person must be a positive number of m²: " + floorAreaSquareMetersPerPerson);
        }
        if (!(personsPerHousehold >= 1 && Double.isFinite(personsPerHousehold))) {
            throw new IllegalArgumentException("Persons per household must be at least 1: " + personsPerHousehold);
        }
        if (!(maxPlausibleLevels >= 1 && Double.isFinite(maxPlausibleLevels))) {
            throw new IllegalArgumentException("Max plausible levels must be at least 1: " + maxPlausibleLevels);
        }
        for (var entry : levelsByBuildingType.entrySet()) {
            double levels = entry.getValue();
            if (!(levels >= 1 && levels <= maxPlausibleLevels)) {
                throw new IllegalArgumentException("Default levels of building=" + entry.getKey() + " must be in [1, "
                        + maxPlausibleLevels + "]: " + levels);
            }
        }
        if (controlTotalPopulation.isPresent() && controlTotalPopulation.getAsLong() < 0) {
            throw new IllegalArgumentException(
                    "Control total population must be >= 0: " + controlTotalPopulation.getAsLong());
        }
    }

    /** Defaults with the national catalog's persons per household. */
    public static DasymetricOptions defaults() {
        return defaults(StandardsCatalog.national());
    }

    /** Defaults with a catalog's {@code population.personsPerHousehold}. */
    public static DasymetricOptions defaults(StandardsCatalog catalog) {
        return new DasymetricOptions(
                DEFAULT_CELL_SIZE_METERS,
                DEFAULT_FLOOR_AREA_SQUARE_METERS_PER_PERSON,
                catalog.value(StandardsCatalog.PERSONS_PER_HOUSEHOLD),
                DEFAULT_LEVELS_BY_BUILDING_TYPE,
                DEFAULT_MAX_PLAUSIBLE_LEVELS,
                OptionalLong.empty());
    }

    public DasymetricOptions withCellSizeMeters(double meters) {
        return new DasymetricOptions(
                meters,
                floorAreaSquareMetersPerPerson,
                personsPerHousehold,
                levelsByBuildingType,
                maxPlausibleLevels,
                controlTotalPopulation);
    }

    public DasymetricOptions withFloorAreaSquareMetersPerPerson(double squareMeters) {
        return new DasymetricOptions(
                cellSizeMeters,
                squareMeters,
                personsPerHousehold,
                levelsByBuildingType,
                maxPlausibleLevels,
                controlTotalPopulation);
    }

    public DasymetricOptions withPersonsPerHousehold(double persons) {
        return new DasymetricOptions(
                cellSizeMeters,
                floorAreaSquareMetersPerPerson,
                persons,
                levelsByBuildingType,
                maxPlausibleLevels,
                controlTotalPopulation);
    }

    public DasymetricOptions withLevelsByBuildingType(Map<String, Double> levels) {
        return new DasymetricOptions(
                cellSizeMeters,
                floorAreaSquareMetersPerPerson,
                personsPerHousehold,
                levels,
                maxPlausibleLevels,
                controlTotalPopulation);
    }

    public DasymetricOptions withControlTotalPopulation(long persons) {
        return new DasymetricOptions(
                cellSizeMeters,
                floorAreaSquareMetersPerPerson,
                personsPerHousehold,
                levelsByBuildingType,
                maxPlausibleLevels,
                OptionalLong.of(persons));
    }

    /**
     * Storeys of a building: its {@code building:levels} when that is a number in [1,
     * {@code maxPlausibleLevels}] (the first of a list such as {@code 6;7}), otherwise the default of
     * its type; {@code NaN} when the type has no default either.
     */
    double levelsOf(String buildingType, String levelsTag) {
        double tagged = parseLevels(levelsTag);
        if (tagged >= 1 && tagged <= maxPlausibleLevels) {
            return tagged;
        }
        Double fallback = levelsByBuildingType.get(buildingType);
        return fallback == null ? Double.NaN : fallback;
    }

    /** Whether a {@code building:levels} value is present but unusable (not a number in range). */
    boolean isImplausibleLevels(String levelsTag) {
        if (levelsTag == null) {
            return false;
        }
        double tagged = parseLevels(levelsTag);
        return !(tagged >= 1 && tagged <= maxPlausibleLevels);
    }

    private static double parseLevels(String levelsTag) {
        if (levelsTag == null) {
            return Double.NaN;
        }
        String first = levelsTag.split("[;,]", 2)[0].trim();
        try {
            return Double.parseDouble(first);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Map<String, Double> defaultLevels() {
        Map<String, Double> levels = new LinkedHashMap<>();
        levels.put("residential", 6.0);
        levels.put("yes", 6.0);
        levels.put("apartments", 12.0);
        levels.put("house", 2.0);
        levels.put("detached", 2.0);
        levels.put("semidetached_house", 2.0);
        levels.put("terrace", 3.0);
        levels.put("dormitory", 5.0);
        levels.put("bungalow", 1.0);
        return Map.copyOf(levels);
    }
}
