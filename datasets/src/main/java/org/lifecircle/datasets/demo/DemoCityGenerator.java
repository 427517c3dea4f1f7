package org.lifecircle.datasets.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.DatasetSink;
import org.lifecircle.datasets.ProgressListener;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Generates a deterministic demo city — communities, facilities, population cells, walking network
 * and barriers — whose layout gives later analyses answers known in advance (after Conveyal R5's
 * generated grid networks).
 *
 * <p>Stages, each its own class:
 *
 * <ol>
 *   <li>Layout: a 100 m {@link CellGrid} in EPSG:4549 around lon 119.0, lat 31.6
 *       ({@link GridCornerProjection}); a meandering river and a straight rail band
 *       ({@link BarrierLayout}).
 *   <li>Population: households per cell from dense cores fading to a rural fringe, parks and an
 *       industrial zone empty ({@link HouseholdDensityModel}, {@link PopulationCellTable}).
 *   <li>Streets: arterials every 1 km, local streets every 200 m, compound footpaths, bridges and
 *       level crossings, random closures that keep one component ({@link StreetNetworkBuilder}).
 *   <li>Communities: superblocks bounded by arterials, river and rail ({@link SuperblockPartition});
 *       subdistricts that never cross the river ({@link SubdistrictGrouping}); communities split by
 *       households and made contiguous ({@link CommunityPartition}); names, codes and standards facts
 *       ({@link CommunityRegister}); exact outlines ({@link CellRegionOutliner}).
 *   <li>Facilities of every catalog type with deliberate gaps ({@link FacilityPlacer}).
 *   <li>Output: {@code begin}, each table once, {@code commit}.
 * </ol>
 *
 * <p>Guarantees for every seed: the network is one component (scraps the barriers cut off are
 * dropped; the summary would report any island left); every
 * community is contiguous over 4-neighbour cell adjacency; at least one community holds fewer
 * households than the catalog minimum (a sparse edge superblock left whole) and at least one more
 * than the maximum (the densest superblocks are under-split); every catalog facility type has at
 * least one facility; no street crosses the river except on a bridge edge or the rail except on a
 * crossing edge.
 *
 * <p>The same size, seed and catalog give the same rows in the same order, coordinate for
 * coordinate. A generator instance is not thread-safe; use one per thread.
 */
public final class DemoCityGenerator {
    private final DemoCitySize size;
    private final long seed;
    private final StandardsCatalog catalog;

    /** A generator using the national standards catalog. */
    public DemoCityGenerator(DemoCitySize size, long seed) {
        this(size, seed, StandardsCatalog.national());
    }

    /**
     * @param size how big a city
     * @param seed any value; the same seed gives the same city
     * @param catalog facility types and the household, area and staff rules the data is built around
     * @throws IllegalArgumentException when size or catalog is missing, the catalog has no facility
     *     types, or a facility type's life circle lacks the population range its density comes from
     */
    public DemoCityGenerator(DemoCitySize size, long seed, StandardsCatalog catalog) {
        if (size == null) {
            throw new IllegalArgumentException("Demo city size must be given (TOWN, DISTRICT or CITY)");
        }
        if (catalog == null) {
            throw new IllegalArgumentException("Standards catalog must be given");
        }
        if (catalog.facilityTypes().isEmpty()) {
            throw new IllegalArgumentException("Standards catalog must define at least one facility type");
        }
        if (!(catalog.value(StandardsCatalog.PERSONS_PER_HOUSEHOLD) >= 1)) {
            throw new IllegalArgumentException("population.personsPerHousehold must be at least 1, got "
                    + catalog.value(StandardsCatalog.PERSONS_PER_HOUSEHOLD));
        }
        for (var type : catalog.facilityTypes().entrySet()) {
            if (catalog.lifeCircles().get(type.getValue().lifeCircle()).population() == null) {
                throw new IllegalArgumentException(
                        "Life circle " + type.getValue().lifeCircle() + " of facility type " + type.getKey()
                                + " has no population range; facility densities are derived from it");
            }
        }
        this.size = size;
        this.seed = seed;
        this.catalog = catalog;
    }

    /** The dataset this generator describes, e.g. {@code demo-town}, source {@code demo:town:42}. */
    public DatasetInfo datasetInfo() {
        return new DatasetInfo(
                "demo-" + size.code(),
                source(),
                String.format(
                        Locale.ROOT,
                        "Deterministic demo %s of about %,d households, seed %d",
                        size.code(),
                        size.targetHouseholds(),
                        seed));
    }

    private String source() {
        return "demo:" + size.code() + ":" + seed;
    }

    /**
     * Generates the city and streams it into the sink: {@code begin}, communities, facilities,
     * population cells, road edges, barriers, {@code commit}. Everything is computed before
     * {@code begin}, so a failure in generation never opens the sink.
     *
     * @param progress told after each stage; {@link ProgressListener#NONE} to ignore
     */
    public DemoCitySummary generate(DatasetSink sink, ProgressListener progress) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(progress, "progress");
        final int stages = 12;
        RandomStreams random = new RandomStreams(seed);
        String source = source();

        int cells = size.extentCells();
        CellGrid grid = new CellGrid(cells, cells);
        GridCornerProjection projection = new GridCornerProjection(grid);
        BarrierLayout barriers = BarrierLayout.plan(grid, size, random.stream("barriers"));
        byte[] cellKinds = barriers.cellKinds();
        progress.progress("layout", 1, stages);

        int[] primary = choosePrimarySuperblock(grid, barriers, random.stream("primary"));
        HouseholdDensityModel density =
                HouseholdDensityModel.generate(grid, cellKinds, primary, size, random.stream("density"));
        int[] households = density.households();
        PopulationCellTable population = new PopulationCellTable(
                grid, households, catalog.value(StandardsCatalog.PERSONS_PER_HOUSEHOLD), random.stream("population"));
        progress.progress("population", 2, stages);

        StreetNetwork network = StreetNetworkBuilder.build(grid, barriers, density.landUse(), random.stream("streets"));
        progress.progress("streets", 3, stages);

        SuperblockPartition superblocks = SuperblockPartition.partition(grid, cellKinds, barriers, households);
        SubdistrictGrouping subdistricts = SubdistrictGrouping.group(grid, superblocks);
        double minHouseholds = catalog.value(StandardsCatalog.HOUSEHOLDS_MIN);
        double maxHouseholds = catalog.value(StandardsCatalog.HOUSEHOLDS_MAX);
        CommunityPartition communities = CommunityPartition.partition(
                grid,
                superblocks,
                households,
                catalog.value(StandardsCatalog.HOUSEHOLDS_TARGET),
                maxHouseholds,
                size.underSplitSuperblockCount());
        CommunityRegister register = new CommunityRegister(
                grid, communities, subdistricts, households, catalog, random.stream("communities"));
        progress.progress("communities", 4, stages);

        MultiPolygon[] outlines = outlines(grid, projection, communities);
        List<Community> communityRows = register.communities(outlines);
        progress.progress("outlines", 5, stages);

        FacilityPlacer facilities = new FacilityPlacer(
                grid,
                projection,
                network,
                communities,
                register,
                households,
                catalog,
                source,
                random.stream("facilities"));
        progress.progress("facilities", 6, stages);

        List<Barrier> barrierRows = List.of(
                new Barrier(BarrierKind.RIVER, BarrierLayout.RIVER_NAME, barriers.riverPolygon(projection)),
                new Barrier(BarrierKind.RAIL, BarrierLayout.RAIL_NAME, barriers.railLine(projection)));

        // Writing dominates for big cities, so each table is a stage of its own.
        sink.begin(datasetInfo());
        progress.progress("writing communities", 6, stages);
        sink.communities(communityRows);
        progress.progress("writing facilities", 7, stages);
        sink.facilities(facilities.facilities());
        progress.progress("writing population cells", 8, stages);
        sink.populationCells(population.rows(projection, source));
        progress.progress("writing road edges", 9, stages);
        sink.roadEdges(network.roadEdges(projection));
        progress.progress("writing barriers", 10, stages);
        sink.barriers(barrierRows);
        progress.progress("committing", 11, stages);
        sink.commit();
        progress.progress("written", stages, stages);

        Map<String, Long> householdsByCode = new LinkedHashMap<>();
        int below = 0;
        int above = 0;
        int rural = 0;
        for (int c : register.outputOrder()) {
            long h = register.households(c);
            householdsByCode.put(register.communityCode(c), h);
            below += h < minHouseholds ? 1 : 0;
            above += h > maxHouseholds ? 1 : 0;
            rural += register.isUrban(c) ? 0 : 1;
        }
        List<DemoCitySummary.FacilityGap> gaps = new ArrayList<>();
        for (FacilityPlacer.Gap gap : facilities.gaps()) {
            gaps.add(new DemoCitySummary.FacilityGap(
                    register.subdistrictCode(gap.subdistrict()),
                    register.subdistrictName(gap.subdistrict()),
                    gap.typeCode()));
        }
        return new DemoCitySummary(
                size,
                seed,
                source,
                grid.widthCells(),
                grid.heightCells(),
                CellGrid.CELL_SIZE_METERS,
                GridCornerProjection.GAUSS_KRUGER_SRID,
                projection.originEastingMeters(),
                projection.originNorthingMeters(),
                extent(grid, projection),
                register.subdistrictCount(),
                communities.count(),
                rural,
                below,
                above,
                register.officeAreaFailures(),
                register.serviceAreaFailures(),
                register.staffFailures(),
                population.rowCount(),
                population.totalHouseholds(),
                population.totalPopulation(),
                facilities.facilities().size(),
                facilities.countsByType(),
                gaps,
                network.edgeCount(),
                network.nodeCount(),
                network.countEdgesWith(StreetNetworkBuilder.BRIDGE),
                network.countEdgesWith(StreetNetworkBuilder.RAIL_CROSSING),
                network.islands(),
                householdsByCode);
    }

    /**
     * The superblock square the primary density core is centred on: an interior 1 km square off the
     * extent edge, clear of the river corridor and the rail band, picked at random among the three
     * nearest the centre. Returns {@code {minColumn, minRow, maxColumnExclusive, maxRowExclusive}}.
     */
    static int[] choosePrimarySuperblock(CellGrid grid, BarrierLayout barriers, SplittableRandom random) {
        int spacing = CellGrid.ARTERIAL_SPACING_CELLS;
        List<int[]> candidates = new ArrayList<>();
        for (int sy = 1; (sy + 1) * spacing < grid.heightCells(); sy++) {
            for (int sx = 1; (sx + 1) * spacing < grid.widthCells(); sx++) {
                int minColumn = sx * spacing;
                int minRow = sy * spacing;
                boolean clear = barriers.railColumn() < minColumn || barriers.railColumn() >= minColumn + spacing;
                for (int column = minColumn; clear && column < minColumn + spacing; column++) {
                    clear = barriers.riverHighRow(column) < minRow || barriers.riverLowRow(column) >= minRow + spacing;
                }
                if (clear) {
                    candidates.add(new int[] {minColumn, minRow, minColumn + spacing, minRow + spacing});
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No clear interior superblock for the primary density core");
        }
        double centreX = grid.widthCells() / 2.0;
        double centreY = grid.heightCells() / 2.0;
        candidates.sort((a, b) -> Double.compare(
                Math.hypot((a[0] + a[2]) / 2.0 - centreX, (a[1] + a[3]) / 2.0 - centreY),
                Math.hypot((b[0] + b[2]) / 2.0 - centreX, (b[1] + b[3]) / 2.0 - centreY)));
        return candidates.get(random.nextInt(Math.min(3, candidates.size())));
    }

    private static MultiPolygon[] outlines(
            CellGrid grid, GridCornerProjection projection, CommunityPartition communities) {
        int n = communities.count();
        int[] label = communities.communityOfCell();
        int[] offsets = new int[n + 1];
        for (int l : label) {
            if (l >= 0) {
                offsets[l + 1]++;
            }
        }
        for (int c = 0; c < n; c++) {
            offsets[c + 1] += offsets[c];
        }
        int[] cellsByCommunity = new int[offsets[n]];
        int[] fill = offsets.clone();
        for (int index = 0; index < label.length; index++) {
            if (label[index] >= 0) {
                cellsByCommunity[fill[label[index]]++] = index;
            }
        }
        CellRegionOutliner outliner = new CellRegionOutliner(grid, projection);
        MultiPolygon[] outlines = new MultiPolygon[n];
        for (int c = 0; c < n; c++) {
            int[] cells = Arrays.copyOfRange(cellsByCommunity, offsets[c], offsets[c + 1]);
            outlines[c] = outliner.outline(cells, label, c);
        }
        return outlines;
    }

    private static DemoCitySummary.LonLatEnvelope extent(CellGrid grid, GridCornerProjection projection) {
        double minLon = Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (int c = 0; c < grid.cornerCount(); c++) {
            minLon = Math.min(minLon, projection.cornerLongitude(c));
            maxLon = Math.max(maxLon, projection.cornerLongitude(c));
            minLat = Math.min(minLat, projection.cornerLatitude(c));
            maxLat = Math.max(maxLat, projection.cornerLatitude(c));
        }
        return new DemoCitySummary.LonLatEnvelope(minLon, minLat, maxLon, maxLat);
    }
}
