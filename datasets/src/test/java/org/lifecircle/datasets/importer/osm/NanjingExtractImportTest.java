package org.lifecircle.datasets.importer.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.crs.Srid;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.RecordingSink;
import org.lifecircle.datasets.importer.ImportReport;

/**
 * Imports the real OSM extract of central Nanjing (shared/data, see SOURCES.md there) and checks it
 * against GDAL's independent reading and against what SOURCES.md says the file holds.
 */
class NanjingExtractImportTest {
    private static Path pbf;
    private static OsmExtract extract;
    private static RecordingSink sink;
    private static ImportReport report;

    @BeforeAll
    static void importOnce() throws Exception {
        pbf = SharedData.file(SharedData.NANJING_PBF);
        OsmPbfImporter importer = new OsmPbfImporter();
        extract = importer.extract(pbf, (stage, done, total) -> assertThat(done).isLessThanOrEqualTo(total));
        sink = new RecordingSink();
        report = importer.importInto(pbf, sink, (stage, done, total) -> {});
    }

    @Test
    void walkableWaysAndTheirLengthAgreeWithGdal() throws Exception {
        Map<String, String> gdal = GdalOgrInfo.queryOneRow(pbf, walkableWaysSql(extract.gaussKrugerSrid()));
        long gdalWays = Long.parseLong(gdal.get("ways"));
        double gdalMeters = Double.parseDouble(gdal.get("meters"));

        // GDAL's lines layer holds each way whole; edges split ways at junctions, so ways are
        // counted exactly and lengths compared in total.
        assertThat(extract.walkableWays()).isEqualTo(gdalWays);
        assertThat(extract.walkableWaysWithEdges()).isEqualTo(gdalWays);
        assertThat(extract.roadLengthMeters()).isCloseTo(gdalMeters, within(gdalMeters * 0.01));
        double osmEdgeMeters = sink.roadEdges.stream()
                .filter(e -> !e.roadClass().equals(DanglingEndLinker.CONNECTOR_CLASS))
                .mapToDouble(RoadEdge::lengthMeters)
                .sum();
        assertThat(osmEdgeMeters).isCloseTo(gdalMeters, within(gdalMeters * 0.01));
        double allEdgeMeters =
                sink.roadEdges.stream().mapToDouble(RoadEdge::lengthMeters).sum();
        assertThat(allEdgeMeters).isCloseTo(gdalMeters, within(gdalMeters * 0.01));
        assertThat(sink.roadEdges.size()).isGreaterThan((int) gdalWays);
    }

    /** The walkability rules of {@link OsmTagRules} with the default options, in GDAL's SQL. */
    private static String walkableWaysSql(int srid) {
        String footAllowed = "('yes','designated','permissive')";
        return """
                SELECT COUNT(*) AS ways, SUM(ST_Length(Transform(GEOMETRY, %d))) AS meters FROM (
                  SELECT highway, GEOMETRY,
                    hstore_get_value(other_tags, 'foot') AS foot,
                    hstore_get_value(other_tags, 'access') AS access,
                    hstore_get_value(other_tags, 'area') AS area,
                    hstore_get_value(other_tags, 'tunnel') AS tunnel,
                    hstore_get_value(other_tags, 'sidewalk') AS sidewalk
                  FROM lines WHERE highway IS NOT NULL)
                WHERE (highway IN (%s) OR (highway IN (%s) AND foot IN %s))
                  AND COALESCE(foot, '') <> 'no'
                  AND COALESCE(area, '') <> 'yes'
                  AND NOT (COALESCE(access, '') IN ('private', 'no') AND COALESCE(foot, '') NOT IN %s)
                  AND NOT (highway IN (%s) AND COALESCE(tunnel, 'no') <> 'no' AND COALESCE(foot, '') NOT IN %s
                           AND COALESCE(sidewalk, '') NOT IN ('both', 'left', 'right', 'yes', 'separate'))
                """.formatted(
                        srid,
                        sqlList(OsmImportOptions.DEFAULT_WALKABLE_HIGHWAYS),
                        sqlList(OsmImportOptions.DEFAULT_FOOT_OPT_IN_HIGHWAYS),
                        footAllowed,
                        footAllowed,
                        sqlList(OsmImportOptions.DEFAULT_NO_FOOT_IN_TUNNEL_HIGHWAYS),
                        footAllowed);
    }

    private static String sqlList(Set<String> values) {
        return values.stream().sorted().map(v -> "'" + v + "'").collect(Collectors.joining(","));
    }

    @Test
    void findsTheEighteenSchoolsAndFiveHospitalsTheFileHolds() throws Exception {
        assertThat(extract.facilitiesByOsmTag())
                .containsEntry("amenity=school", 18L)
                .containsEntry("amenity=hospital", 5L)
                .containsEntry("amenity=marketplace", 2L)
                .containsEntry("shop=supermarket", 9L);
        String countSql = """
                SELECT SUM(n) AS n FROM (
                  SELECT COUNT(*) AS n FROM points WHERE hstore_get_value(other_tags, 'amenity') = '%1$s'
                  UNION ALL SELECT COUNT(*) AS n FROM multipolygons WHERE amenity = '%1$s')
                """;
        assertThat(GdalOgrInfo.queryOneRow(pbf, countSql.formatted("school")).get("n"))
                .isEqualTo("18");
        assertThat(GdalOgrInfo.queryOneRow(pbf, countSql.formatted("hospital")).get("n"))
                .isEqualTo("5");

        // 八一医院 is mapped as a node inside its own grounds: one facility, not two.
        List<String> hospitals = sink.facilities.stream()
                .filter(f -> f.source().contains("hospital") || f.typeCode().equals("community_health_centre"))
                .map(f -> String.valueOf(f.name()))
                .toList();
        assertThat(hospitals).containsOnlyOnce("八一医院").hasSize(4);
        Map<String, Long> schoolsByType = sink.facilities.stream()
                .filter(f -> List.of("primary_school", "middle_school", "kindergarten")
                        .contains(f.typeCode()))
                .collect(Collectors.groupingBy(Facility::typeCode, Collectors.counting()));
        assertThat(schoolsByType.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(18);
        assertThat(facilityNamed("南京市第九初级中学").typeCode()).isEqualTo("middle_school");
        assertThat(facilityNamed("南京五中").typeCode()).isEqualTo("middle_school");
        assertThat(facilityNamed("长江路小学").typeCode()).isEqualTo("primary_school");
        assertThat(facilityNamed("五老村幼儿园").typeCode()).isEqualTo("kindergarten");
    }

    private static Facility facilityNamed(String name) {
        return sink.facilities.stream()
                .filter(f -> name.equals(f.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No facility named " + name));
    }

    @Test
    void countsUnmappedAmenitiesInsteadOfDroppingThem() {
        assertThat(report.unmappedValues())
                .containsEntry("amenity=bank", 22L)
                .containsEntry("amenity=police", 6L)
                .containsEntry("amenity=pharmacy", 3L);
    }

    @Test
    void estimatesPositiveHouseholdsInWholeCellsThatAddUp() {
        assertThat(extract.households()).isPositive();
        assertThat(sink.populationCells).isNotEmpty().allSatisfy(cell -> {
            assertThat(cell.households()).isPositive();
            assertThat(cell.cell().getSRID()).isEqualTo(Srid.WGS84);
            assertThat(cell.cell().isValid()).isTrue();
        });
        assertThat(sink.populationCells.stream()
                        .mapToLong(PopulationCell::households)
                        .sum())
                .isEqualTo(extract.households());
        assertThat(sink.populationCells.stream()
                        .mapToLong(PopulationCell::population)
                        .sum())
                .isEqualTo(extract.population());
        assertThat((double) extract.population() / extract.households()).isCloseTo(2.62, within(0.01));
    }

    /**
     * Without linking, 94 % of the length is connected: many sidewalks and underpasses are mapped
     * without the few metres that join them to their streets ({@link DanglingEndLinker}).
     */
    @Test
    void largestConnectedComponentHoldsAtLeastNinetyFivePercentOfTheNetworkLength() {
        Map<Long, Long> parent = new HashMap<>();
        for (RoadEdge edge : sink.roadEdges) {
            union(parent, edge.sourceNode(), edge.targetNode());
        }
        Map<Long, Double> metersByComponent = new HashMap<>();
        double total = 0;
        for (RoadEdge edge : sink.roadEdges) {
            metersByComponent.merge(find(parent, edge.sourceNode()), edge.lengthMeters(), Double::sum);
            total += edge.lengthMeters();
        }
        double largest = metersByComponent.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        assertThat(largest / total).isGreaterThanOrEqualTo(0.95);
        assertThat(extract.largestPartMeters()).isCloseTo(largest, within(1e-6 * total));
    }

    private static long find(Map<Long, Long> parent, long node) {
        long root = node;
        while (parent.getOrDefault(root, root) != root) {
            root = parent.get(root);
        }
        parent.put(node, root);
        return root;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long rootA = find(parent, a);
        long rootB = find(parent, b);
        if (rootA != rootB) {
            parent.put(rootA, rootB);
        }
    }

    @Test
    void writesTheFourOsmTablesAndNoCommunities() {
        assertThat(sink.calls)
                .containsExactly("begin", "facilities", "populationCells", "roadEdges", "barriers", "commit");
        assertThat(sink.info.name()).isEqualTo("osm-" + SharedData.NANJING_PBF);
        assertThat(sink.info.source()).isEqualTo("osm:" + SharedData.NANJING_PBF);
        assertThat(report.committed()).isTrue();
        assertThat(report.rowsLoaded())
                .containsEntry("road_edge", (long) sink.roadEdges.size())
                .containsEntry("facility", (long) sink.facilities.size())
                .containsEntry("population_cell", (long) sink.populationCells.size())
                .containsEntry("barrier", (long) sink.barriers.size());
        assertThat(report.warnings()).anyMatch(w -> w.contains("import community boundaries or propose communities"));
        assertThat(report.warnings()).anyMatch(w -> w.contains("parts besides the largest"));
    }

    @Test
    void riversAreBarriersAndTheirBridgesAreFlagged() {
        assertThat(sink.barriers).extracting(b -> b.name()).contains("珍珠河", "内秦淮河中段(运渎)");
        assertThat(sink.barriers)
                .allMatch(b -> b.kind() == BarrierKind.RIVER, "no rail at grade: the metro is underground");
        assertThat(sink.roadEdges).anyMatch(RoadEdge::bridge);
        assertThat(sink.roadEdges).noneMatch(RoadEdge::railCrossing);
        assertThat(sink.roadEdges)
                .filteredOn(RoadEdge::arterial)
                .allMatch(e -> e.roadClass().matches("(trunk|primary|secondary)(_link)?"));
    }
}
