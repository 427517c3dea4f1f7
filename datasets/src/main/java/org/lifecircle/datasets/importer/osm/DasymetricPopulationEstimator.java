package org.lifecircle.datasets.importer.osm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Estimates residents and households on a square grid from residential building footprints: a
 * dasymetric map in which people are placed only where they live (J. K. Wright, "A Method of
 * Mapping Densities of Population: With Cape Cod as an Example", <i>Geographical Review</i> 26(1),
 * 1936, 103–110, doi:10.2307/209467; with building volume as the ancillary variable as in
 * Lwin &amp; Murayama, "A GIS Approach to Estimation of Building Population for Micro-spatial
 * Analysis", <i>Transactions in GIS</i> 13(4), 2009, 401–414, doi:10.1111/j.1467-9671.2009.01171.x).
 *
 * <ol>
 *   <li>Each building: footprint area (m², planar in the given Gauss-Krüger zone) × storeys
 *       ({@code building:levels}, else the type's default) ÷ floor area per person = residents.
 *   <li>Residents go to the grid cells the footprint overlaps, in proportion to the overlap area.
 *       The grid is aligned to multiples of the cell size in the zone's coordinates, so grids of
 *       neighbouring imports line up.
 *   <li>With a control total, all cells are scaled so that they sum to it.
 *   <li>Households = residents ÷ persons per household. Whole households are apportioned over the
 *       cells by largest remainder ({@link LargestRemainderRounding}) so that their sum is the
 *       rounded total; cells with no whole household are dropped, and the rounded resident total is
 *       apportioned over the cells kept (the few residents of dropped cells move to the others).
 *   <li>Cell squares are transformed back to EPSG:4326 corner by corner.
 * </ol>
 *
 * <p>O(building vertices × cells overlapped + cells log cells): a building spanning several cells
 * is clipped against each by {@link RectangleClipArea}. An instance is stateless apart from its options and
 * thread-safe; each call confines its own transforms.
 */
public final class DasymetricPopulationEstimator {
    private static final GeometryFactory LON_LAT = MetricProjection.lonLatFactory();

    /**
     * The estimate.
     *
     * @param cells cells with at least one household, ordered by grid column then row
     * @param buildingsUsed buildings that contributed residents
     * @param buildingsWithDefaultLevels of those, buildings whose storeys came from the type default
     * @param buildingsWithImplausibleLevels of those, buildings whose {@code building:levels} was not
     *     a usable number (replaced by the default)
     * @param buildingsSkipped buildings left out: a type without default storeys, or no area
     * @param floorAreaSquareMeters total residential floor area
     * @param estimatedPersons residents before any control-total scaling
     * @param population residents in the cells, the rounded (or control) total
     * @param households households in the cells
     * @param gaussKrugerSrid EPSG code of the zone the grid is aligned in
     */
    public record Estimate(
            List<PopulationCell> cells,
            int buildingsUsed,
            int buildingsWithDefaultLevels,
            int buildingsWithImplausibleLevels,
            int buildingsSkipped,
            double floorAreaSquareMeters,
            double estimatedPersons,
            long population,
            long households,
            int gaussKrugerSrid) {
        public Estimate {
            cells = List.copyOf(cells);
        }
    }

    private final DasymetricOptions options;

    public DasymetricPopulationEstimator(DasymetricOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param buildings residential buildings, footprints in EPSG:4326
     * @param projection the zone the grid is aligned in and areas are measured in
     * @param source written to each cell's source column
     */
    public Estimate estimate(List<ResidentialBuilding> buildings, MetricProjection projection, String source) {
        Objects.requireNonNull(buildings, "buildings");
        Objects.requireNonNull(projection, "projection");
        double cellMeters = options.cellSizeMeters();
        CellAccumulator persons = new CellAccumulator();
        RectangleClipArea clipper = new RectangleClipArea();
        int used = 0;
        int defaulted = 0;
        int implausible = 0;
        int skipped = 0;
        double floorArea = 0;
        for (ResidentialBuilding building : buildings) {
            double levels = options.levelsOf(building.buildingType(), building.levelsTag());
            Geometry footprint = projection.toMeters(building.footprint());
            double footprintArea = footprint.getArea();
            if (Double.isNaN(levels) || !(footprintArea > 0)) {
                skipped++;
                continue;
            }
            used++;
            if (options.isImplausibleLevels(building.levelsTag())) {
                implausible++;
                defaulted++;
            } else if (building.levelsTag() == null) {
                defaulted++;
            }
            double buildingFloorArea = footprintArea * levels;
            floorArea += buildingFloorArea;
            spread(
                    footprint,
                    footprintArea,
                    buildingFloorArea / options.floorAreaSquareMetersPerPerson(),
                    cellMeters,
                    persons,
                    clipper);
        }

        long[] keys = persons.sortedKeys();
        double[] residents = new double[keys.length];
        double estimated = 0;
        for (int i = 0; i < keys.length; i++) {
            residents[i] = persons.sum(keys[i]);
            estimated += residents[i];
        }
        double targetPersons = options.controlTotalPopulation().isPresent()
                ? options.controlTotalPopulation().getAsLong()
                : estimated;
        long population = Math.round(targetPersons);
        if (population == 0 || !(estimated > 0)) {
            return new Estimate(
                    List.of(),
                    used,
                    defaulted,
                    implausible,
                    skipped,
                    floorArea,
                    estimated,
                    0,
                    0,
                    projection.metricSrid());
        }
        double scale = targetPersons / estimated;
        double[] householdWeights = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            residents[i] *= scale;
            householdWeights[i] = residents[i] / options.personsPerHousehold();
        }
        long households = Math.round(targetPersons / options.personsPerHousehold());
        int[] wholeHouseholds = LargestRemainderRounding.apportion(householdWeights, households);

        int kept = 0;
        for (int h : wholeHouseholds) {
            kept += h > 0 ? 1 : 0;
        }
        long[] keptKeys = new long[kept];
        double[] keptResidents = new double[kept];
        int[] keptHouseholds = new int[kept];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (wholeHouseholds[i] > 0) {
                keptKeys[k] = keys[i];
                keptResidents[k] = residents[i];
                keptHouseholds[k] = wholeHouseholds[i];
                k++;
            }
        }
        int[] wholeResidents = kept == 0 ? new int[0] : LargestRemainderRounding.apportion(keptResidents, population);
        if (kept == 0) {
            population = 0;
        }

        List<PopulationCell> cells = new ArrayList<>(kept);
        CoordinateTransform toLonLat = projection.newToLonLatTransform();
        for (int i = 0; i < kept; i++) {
            Polygon square = cellSquare(keptKeys[i], cellMeters, toLonLat);
            cells.add(new PopulationCell(square, wholeResidents[i], keptHouseholds[i], null, null, source));
        }
        return new Estimate(
                cells,
                used,
                defaulted,
                implausible,
                skipped,
                floorArea,
                estimated,
                population,
                households,
                projection.metricSrid());
    }

    /** Adds a building's residents to the cells its footprint overlaps, by overlap area. */
    private static void spread(
            Geometry footprint,
            double area,
            double residents,
            double cellMeters,
            CellAccumulator persons,
            RectangleClipArea clipper) {
        Envelope envelope = footprint.getEnvelopeInternal();
        int column0 = (int) Math.floor(envelope.getMinX() / cellMeters);
        int column1 = (int) Math.floor(envelope.getMaxX() / cellMeters);
        int row0 = (int) Math.floor(envelope.getMinY() / cellMeters);
        int row1 = (int) Math.floor(envelope.getMaxY() / cellMeters);
        if (column0 == column1 && row0 == row1) {
            persons.add(column0, row0, residents);
            return;
        }
        for (int column = column0; column <= column1; column++) {
            for (int row = row0; row <= row1; row++) {
                double overlap = clipper.areaInside(
                        footprint,
                        column * cellMeters,
                        row * cellMeters,
                        (column + 1) * cellMeters,
                        (row + 1) * cellMeters);
                if (overlap > 0) {
                    persons.add(column, row, residents * overlap / area);
                }
            }
        }
    }

    private static Polygon cellSquare(long key, double cellMeters, CoordinateTransform toLonLat) {
        double x0 = CellAccumulator.column(key) * cellMeters;
        double y0 = CellAccumulator.row(key) * cellMeters;
        double x1 = x0 + cellMeters;
        double y1 = y0 + cellMeters;
        Coordinate[] ring = {
            lonLat(x0, y0, toLonLat), lonLat(x1, y0, toLonLat), lonLat(x1, y1, toLonLat), lonLat(x0, y1, toLonLat), null
        };
        ring[4] = ring[0].copy();
        return LON_LAT.createPolygon(ring);
    }

    private static Coordinate lonLat(double x, double y, CoordinateTransform toLonLat) {
        ProjCoordinate out = new ProjCoordinate();
        toLonLat.transform(new ProjCoordinate(x, y), out);
        return new Coordinate(out.x, out.y);
    }
}
