package org.lifecircle.datasets.importer.osm;

import java.util.List;
import java.util.Locale;
import org.lifecircle.datasets.importer.ImportReport;

/**
 * Writes what the import stages did into an {@link ImportReport.Builder}: rows read and loaded per
 * table, rejected facilities, and the warnings a planner should read. Tables are named as the store
 * names them ({@code facility}, {@code population_cell}, {@code road_edge}, {@code barrier}); OSM
 * elements read are {@code osm.node}, {@code osm.way}, {@code osm.relation}. Not thread-safe.
 */
final class OsmImportReporting {
    static final String FACILITY = "facility";
    static final String POPULATION_CELL = "population_cell";
    static final String ROAD_EDGE = "road_edge";
    static final String BARRIER = "barrier";

    private final ImportReport.Builder report;
    private final OsmImportOptions options;

    OsmImportReporting(ImportReport.Builder report, OsmImportOptions options) {
        this.report = report;
        this.options = options;
    }

    void record(
            OsmElements elements,
            OsmGeometryBuilder geometry,
            BarrierBuilder.Result barriers,
            WalkingNetworkBuilder.Result network,
            DanglingEndLinker.Result linked,
            FacilityBuilder.Result facilities,
            ResidentialBuildingSelector.Result buildings,
            DasymetricPopulationEstimator.Estimate population) {
        long facilitiesRead = facilities.readByOsmTag().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        report.read(FACILITY, facilitiesRead)
                .loaded(FACILITY, facilities.facilities().size());
        report.read(ROAD_EDGE, network.walkableWays())
                .loaded(ROAD_EDGE, linked.edges().size());
        if (linked.connectors() + linked.joinedOnEdge() > 0) {
            report.repaired(ROAD_EDGE, linked.connectors() + linked.joinedOnEdge() + linked.splitEdges());
        }
        report.read(
                        BARRIER,
                        barriers.railWays() + barriers.riverWays() + barriers.waterAreas() + barriers.smallWaterAreas())
                .loaded(BARRIER, barriers.barriers().size());
        report.read(POPULATION_CELL, buildings.buildings().size())
                .loaded(POPULATION_CELL, population.cells().size());
        if (population.buildingsWithImplausibleLevels() > 0) {
            report.repaired(POPULATION_CELL, population.buildingsWithImplausibleLevels());
        }
        listRejections(facilities.rejections());

        if (!network.edges().isEmpty() && !population.cells().isEmpty()) {
            report.warning("OpenStreetMap holds no community boundaries and this import writes none: import community"
                    + " boundaries or propose communities before analysing coverage by community.");
        }
        if (network.edges().isEmpty()) {
            report.warning("No walkable ways: the network is empty, so no walking service areas can be computed.");
        }
        missingNodes(elements, geometry);
        connectivity(linked);
        if (network.zeroLengthEdges() + network.negativeIdEdges() > 0) {
            report.warning(String.format(
                    Locale.ROOT,
                    "%,d road edges were dropped: %,d of zero length (duplicate node positions), %,d with negative"
                            + " node ids (unsaved editor data).",
                    network.zeroLengthEdges() + network.negativeIdEdges(),
                    network.zeroLengthEdges(),
                    network.negativeIdEdges()));
        }
        if (barriers.incompleteWaterAreas() + buildings.incompleteOutlines() > 0) {
            report.warning(String.format(
                    Locale.ROOT,
                    "%,d water areas and %,d residential buildings were dropped: the extract cuts their outlines.",
                    barriers.incompleteWaterAreas(),
                    buildings.incompleteOutlines()));
        }
        populationSummary(buildings, population);
    }

    private void connectivity(DanglingEndLinker.Result linked) {
        if (linked.connectors() + linked.joinedOnEdge() > 0) {
            report.warning(String.format(
                    Locale.ROOT,
                    "%,d footway dead ends lay within %.0f m of another part of the network and were linked to it"
                            + " (%,d '%s' edges added, %,d joined where they touched, %,d edges split).",
                    linked.connectors() + linked.joinedOnEdge(),
                    options.danglingEndLinkMaxMeters(),
                    linked.connectors(),
                    DanglingEndLinker.CONNECTOR_CLASS,
                    linked.joinedOnEdge(),
                    linked.splitEdges()));
        }
        if (linked.otherParts() > 0) {
            double total = linked.largestPartMeters() + linked.otherPartsMeters();
            report.warning(String.format(
                    Locale.ROOT,
                    "The walking network has %,d parts besides the largest (%,.0f m, %.1f %% of its length):"
                            + " facilities and homes snapped to them reach nothing else. Check the OSM data there"
                            + " (underground passages, sidewalks mapped apart from their streets).",
                    linked.otherParts(),
                    linked.otherPartsMeters(),
                    100 * linked.otherPartsMeters() / total));
        }
    }

    private void listRejections(List<String> rejections) {
        int listed = Math.min(rejections.size(), options.maxRejectionsListed());
        for (int i = 0; i < listed; i++) {
            report.rejected(FACILITY, i + 1, rejections.get(i));
        }
        if (rejections.size() > listed) {
            report.warning(String.format(
                    Locale.ROOT,
                    "%,d more facility features were left out than listed (%,d listed).",
                    rejections.size() - listed,
                    listed));
        }
    }

    private void missingNodes(OsmElements elements, OsmGeometryBuilder geometry) {
        int ways = 0;
        long references = 0;
        for (OsmWay way : elements.ways()) {
            int missing = geometry.missingNodeCount(way.nodeIds());
            if (missing > 0) {
                ways++;
                references += missing;
            }
        }
        if (ways > 0) {
            report.warning(String.format(
                    Locale.ROOT,
                    "%,d ways reference %,d nodes missing from the file (the extract cuts through them): lines"
                            + " keep their parts inside, areas with a gap are dropped.",
                    ways,
                    references));
        }
    }

    private void populationSummary(
            ResidentialBuildingSelector.Result buildings, DasymetricPopulationEstimator.Estimate population) {
        DasymetricOptions parameters = options.population();
        if (buildings.buildings().isEmpty()) {
            report.warning("No residential buildings: no population cells were estimated. Import population cells"
                    + " from another source.");
            return;
        }
        report.warning(String.format(
                Locale.ROOT,
                "Population is estimated, not counted: %,d residential buildings (%,d by type, %,d untyped inside"
                        + " residential areas; %,d with assumed storeys) at %.2f m² floor area per person and %.2f"
                        + " persons per household give %,d residents and %,d households in %,d cells of %.0f m%s.",
                population.buildingsUsed(),
                buildings.residentialByType(),
                buildings.residentialByLanduse(),
                population.buildingsWithDefaultLevels(),
                parameters.floorAreaSquareMetersPerPerson(),
                parameters.personsPerHousehold(),
                population.population(),
                population.households(),
                population.cells().size(),
                parameters.cellSizeMeters(),
                parameters.controlTotalPopulation().isPresent() ? ", scaled to the control total" : ""));
        if (population.buildingsSkipped() > 0) {
            report.warning(String.format(
                    Locale.ROOT,
                    "%,d residential buildings were skipped: no default storeys for their type, or no area.",
                    population.buildingsSkipped()));
        }
        if (parameters.controlTotalPopulation().isPresent()
                && parameters.controlTotalPopulation().getAsLong() > 0
                && population.population() == 0) {
            report.warning("The control total could not be applied: no residential floor area to scale.");
        }
    }
}
