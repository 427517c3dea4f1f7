package org.lifecircle.datasets.importer.osm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.lifecircle.core.graph.MetricProjection;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.DatasetSink;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.importer.ImportReport;

/**
 * Imports an OpenStreetMap PBF extract: the walking network, public-service facilities, rail and
 * water barriers, and residents estimated from residential buildings. It writes exactly the
 * facility, population cell, road edge and barrier tables; community boundaries come from another
 * import (or from boundary planning), so a replacing load keeps them.
 *
 * <p>Stages, each its own class:
 *
 * <ol>
 *   <li>Reading: three passes over the file — relations, ways, nodes — keeping only what a stage
 *       needs ({@link OsmElementsReader}, {@link PbfFileReader}).
 *   <li>Zone: the CGCS2000 3-degree Gauss-Krüger zone of the median node longitude; every length and
 *       area is measured in it (scale error below 0.1 % within 3° of its meridian at Chinese
 *       latitudes).
 *   <li>Barriers: rail lines at grade, rivers, canals and water areas ({@link BarrierBuilder}).
 *   <li>Network: walkable ways split at shared nodes into edges with arterial, bridge and rail
 *       crossing flags ({@link WalkingNetworkBuilder}); islands of footways mapped apart from their
 *       streets linked to the rest ({@link DanglingEndLinker}).
 *   <li>Facilities through the mapping data file ({@link FacilityBuilder},
 *       {@link OsmFacilityMapping}).
 *   <li>Population: residential buildings ({@link ResidentialBuildingSelector}) spread over a square
 *       grid ({@link DasymetricPopulationEstimator}).
 *   <li>Writing: {@code begin}, facilities, population cells, road edges, barriers, {@code commit}.
 * </ol>
 *
 * Everything is computed before {@code begin}: a truncated or corrupt file fails with an
 * {@link OsmPbfFormatException} before the sink is opened, and a sink that fails part-way is never
 * committed (the store rolls back).
 *
 * <p><b>Why osmpbf.</b> The PBF protobuf messages and block decoding come from
 * {@code org.openstreetmap.pbf:osmpbf} (OpenStreetMap's OSM-binary, the parser of Osmosis and
 * OpenTripPlanner): maintained under the OpenStreetMap organisation, released to Maven Central in
 * 2025, packaged by Debian, and with protobuf as its only dependency. osm4j-pbf is published only to
 * its author's own repository, and parallelpbf has had no release since 2020.
 *
 * <p>Memory: the kept ways and one {@code double} pair per needed node; a city extract of some
 * millions of nodes needs a few hundred megabytes. An importer instance holds only configuration and
 * may be shared; each import runs on the calling thread.
 */
public final class OsmPbfImporter {
    private static final String KIND = "osm";
    private static final int WRITE_STEPS = 5;

    private final OsmImportOptions options;
    private final OsmFacilityMapping mapping;
    private final OsmTagRules rules;

    /** An importer with default options and the shipped mapping, checked against the national catalog. */
    public OsmPbfImporter() {
        this(OsmImportOptions.defaults(), OsmFacilityMapping.defaults(StandardsCatalog.national()));
    }

    public OsmPbfImporter(OsmImportOptions options, OsmFacilityMapping mapping) {
        this.options = Objects.requireNonNull(options, "options");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.rules = new OsmTagRules(options);
    }

    /**
     * Reads a PBF file and writes its tables into a sink.
     *
     * @param progress told of each stage; {@link ProgressListener#NONE} to ignore
     * @return the report, {@code committed = true}
     * @throws OsmPbfFormatException when the file is truncated, corrupt or unsupported; the sink has
     *     then not been opened
     * @throws IllegalArgumentException when the file holds nothing to import or lies outside China's
     *     Gauss-Krüger zones
     */
    public ImportReport importInto(Path pbf, DatasetSink sink, ProgressListener progress) throws IOException {
        Objects.requireNonNull(sink, "sink");
        long startedNanos = System.nanoTime();
        OsmExtract extract = extract(pbf, progress);
        sink.begin(extract.info());
        progress.progress("writing facilities", 0, WRITE_STEPS);
        sink.facilities(extract.facilities());
        progress.progress("writing population cells", 1, WRITE_STEPS);
        sink.populationCells(extract.populationCells());
        progress.progress("writing road edges", 2, WRITE_STEPS);
        sink.roadEdges(extract.roadEdges());
        progress.progress("writing barriers", 3, WRITE_STEPS);
        sink.barriers(extract.barriers());
        progress.progress("committing", 4, WRITE_STEPS);
        sink.commit();
        progress.progress("written", WRITE_STEPS, WRITE_STEPS);
        ImportReport draft = extract.report();
        return new ImportReport(
                draft.kind(),
                draft.file(),
                true,
                draft.rowsRead(),
                draft.rowsLoaded(),
                draft.rowsRepaired(),
                draft.rejections(),
                draft.unmappedValues(),
                draft.warnings(),
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /**
     * Reads a PBF file into rows without writing them.
     *
     * @throws OsmPbfFormatException when the file is truncated, corrupt or unsupported
     */
    public OsmExtract extract(Path pbf, ProgressListener progress) throws IOException {
        Objects.requireNonNull(pbf, "pbf");
        Objects.requireNonNull(progress, "progress");
        String fileName = pbf.getFileName().toString();
        String source = KIND + ":" + fileName;
        ImportReport.Builder report = new ImportReport.Builder(KIND, fileName);

        PbfFileReader file = new PbfFileReader(pbf);
        OsmElements elements = new OsmElementsReader(rules, mapping).read(file, progress);
        report.read("osm.node", elements.nodesRead())
                .read("osm.way", elements.waysRead())
                .read("osm.relation", elements.relationsRead());
        elements.unmappedValues().forEach((value, count) -> {
            for (long i = 0; i < count; i++) {
                report.unmapped(value);
            }
        });

        MetricProjection projection = MetricProjection.gaussKrugerFor(centreLongitude(elements, fileName));
        elements.nodes().project(projection);
        OsmGeometryBuilder geometry = new OsmGeometryBuilder(elements, projection);

        progress.progress("barriers", 0, 1);
        BarrierBuilder.Result barriers =
                new BarrierBuilder(rules, geometry, options.minWaterAreaSquareMeters()).build(elements);
        progress.progress("building edges", 0, 1);
        BarrierIndex barrierIndex = new BarrierIndex(barriers.barriers());
        WalkingNetworkBuilder.Result network =
                new WalkingNetworkBuilder(rules, geometry, elements.nodes(), barrierIndex).build(elements.ways());
        DanglingEndLinker.Result linked = new DanglingEndLinker(
                        projection, barrierIndex, options.danglingEndLinkMaxMeters(), options.danglingEndLinkHighways())
                .link(network.edges(), network.groundLevel());
        progress.progress("facilities", 0, 1);
        FacilityBuilder.Result facilities = new FacilityBuilder(mapping, geometry, source).build(elements);
        progress.progress("population", 0, 1);
        ResidentialBuildingSelector.Result buildings =
                new ResidentialBuildingSelector(rules, geometry).select(elements);
        DasymetricPopulationEstimator.Estimate population = new DasymetricPopulationEstimator(options.population())
                .estimate(buildings.buildings(), projection, source);
        progress.progress("population", 1, 1);

        new OsmImportReporting(report, options)
                .record(elements, geometry, barriers, network, linked, facilities, buildings, population);

        DatasetInfo info = new DatasetInfo(
                KIND + "-" + fileName,
                source,
                String.format(
                        Locale.ROOT,
                        "OpenStreetMap extract %s: %,d road edges, %,d facilities, %,d barriers,"
                                + " %,d households estimated from buildings",
                        fileName,
                        linked.edges().size(),
                        facilities.facilities().size(),
                        barriers.barriers().size(),
                        population.households()));
        return new OsmExtract(
                info,
                facilities.facilities(),
                population.cells(),
                linked.edges(),
                barriers.barriers(),
                facilities.readByOsmTag(),
                network.walkableWays(),
                network.waysWithEdges(),
                network.totalLengthMeters(),
                linked.largestPartMeters(),
                population.population(),
                population.households(),
                projection.metricSrid(),
                report.build(false));
    }

    private static double centreLongitude(OsmElements elements, String fileName) {
        if (elements.nodes().knownCount() > 0) {
            return elements.nodes().medianLongitude();
        }
        List<OsmNodeFeature> features = elements.nodeFeatures();
        if (!features.isEmpty()) {
            return features.get(features.size() / 2).longitude();
        }
        throw new IllegalArgumentException(fileName
                + " holds nothing lifecircle imports: no walkable ways, barriers, residential buildings or mapped"
                + " facilities");
    }
}
