package org.lifecircle.datasets.importer.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.datasets.importer.osm.OsmFixture.ids;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.graph.MetricProjection;

/** Imports small synthetic PBF files with answers known in advance. */
class OsmPbfImporterTest {
    @TempDir
    Path dir;

    /**
     * <pre>
     *   9         7
     *   |         |  footway 102
     *   | 104     4
     *   | bridge  |               ~ river 201 (20 → 21) ~
     *   1 ------- 2 ------- 3 ====|==== 8     101 residential, 103 residential bridge=yes
     *   0 m      100 m     200 m  250  300 m
     * </pre>
     */
    @Test
    void waysSplitAtSharedNodesAndBridgesOverRiversAreFlagged() {
        var imported = new OsmFixture()
                .node(1, 0, 0)
                .node(2, 100, 0)
                .node(3, 200, 0)
                .node(4, 100, 50)
                .node(7, 100, 100)
                .node(8, 300, 0)
                .node(9, 0, 100)
                .node(20, 250, -50)
                .node(21, 250, 50)
                .way(101, ids(1, 2, 3), "highway=residential", "name=长江路")
                .way(102, ids(2, 4, 7), "highway=footway")
                .way(103, ids(3, 8), "highway=residential", "bridge=yes")
                .way(104, ids(1, 9), "highway=footway", "bridge=yes")
                .way(201, ids(20, 21), "waterway=river", "name=秦淮河")
                .importWith(dir);

        List<RoadEdge> edges = imported.sink().roadEdges;
        assertThat(edges)
                .extracting(e -> e.sourceNode() + "-" + e.targetNode())
                .containsExactlyInAnyOrder("1-2", "2-3", "2-7", "3-8", "1-9");
        assertThat(edge(edges, 1, 2).lengthMeters()).isCloseTo(100, within(0.5));
        assertThat(edge(edges, 2, 7).lengthMeters()).isCloseTo(100, within(0.5));
        assertThat(edge(edges, 2, 7).geometry().getNumPoints()).isEqualTo(3);
        assertThat(edge(edges, 3, 8).bridge()).isTrue();
        assertThat(edge(edges, 1, 9).bridge()).as("a footbridge over no water").isFalse();
        assertThat(edge(edges, 1, 2).bridge()).isFalse();
        assertThat(edges).noneMatch(RoadEdge::arterial);
        assertThat(imported.sink().barriers)
                .singleElement()
                .satisfies(b -> assertThat(b.kind()).isEqualTo(BarrierKind.RIVER))
                .satisfies(b -> assertThat(b.name()).isEqualTo("秦淮河"));
        assertThat(imported.extract().walkableWays()).isEqualTo(4);
    }

    private static RoadEdge edge(List<RoadEdge> edges, long source, long target) {
        return edges.stream()
                .filter(e -> e.sourceNode() == source && e.targetNode() == target)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No edge " + source + "-" + target + " in " + edges));
    }

    @Test
    void motorwaysFootNoPrivateAreasAndPlainCyclewaysAreNotWalked() {
        OsmFixture fixture = new OsmFixture();
        String[][] ways = {
            {"highway=motorway"},
            {"highway=residential", "foot=no"},
            {"highway=service", "access=private"},
            {"highway=service", "access=private", "foot=yes"},
            {"highway=cycleway"},
            {"highway=cycleway", "foot=designated"},
            {"highway=trunk", "tunnel=yes"},
            {"highway=steps"},
            {"highway=primary"},
            {"railway=rail", "tunnel=yes"},
        };
        for (int i = 0; i < ways.length; i++) {
            fixture.node(1000 + 2 * i, 0, 30 * i)
                    .node(1001 + 2 * i, 80, 30 * i)
                    .way(500 + i, ids(1000 + 2 * i, 1001 + 2 * i), ways[i]);
        }
        fixture.node(900, 200, 0)
                .node(901, 240, 0)
                .node(902, 240, 40)
                .node(903, 200, 40)
                .way(599, ids(900, 901, 902, 903, 900), "highway=pedestrian", "area=yes");

        var imported = fixture.importWith(dir);
        assertThat(imported.sink().roadEdges)
                .extracting(RoadEdge::roadClass)
                .containsExactlyInAnyOrder("service", "cycleway", "trunk", "steps", "primary");
        assertThat(imported.sink().roadEdges)
                .filteredOn(RoadEdge::arterial)
                .extracting(RoadEdge::roadClass)
                .containsExactlyInAnyOrder("trunk", "primary");
        assertThat(imported.sink().barriers)
                .as("rail in a tunnel is no barrier")
                .isEmpty();

        var strict = fixture.importWith(dir, OsmImportOptions.defaults().withNoFootInTunnelHighways(Set.of("trunk")));
        assertThat(strict.sink().roadEdges).extracting(RoadEdge::roadClass).doesNotContain("trunk");
    }

    /**
     * <pre>
     *        16        18 (tunnel)   22
     *        |         |             |
     *   40 --15-------------------------- 41   railway=rail, 15 railway=level_crossing
     *        |         |             |
     *        17        19            23
     * </pre>
     */
    @Test
    void levelCrossingsAndPassagesUnderRailAreRailCrossings() {
        var imported = new OsmFixture()
                .node(40, -100, -100)
                .node(15, 50, -100, "railway=level_crossing")
                .node(41, 300, -100)
                .node(16, 50, -50)
                .node(17, 50, -150)
                .node(18, 150, -50)
                .node(19, 150, -150)
                .node(22, 250, -50)
                .node(23, 250, -150)
                .way(401, ids(40, 15, 41), "railway=rail", "name=沪宁铁路")
                .way(402, ids(16, 15, 17), "highway=footway")
                .way(403, ids(18, 19), "highway=footway", "tunnel=yes", "layer=-1")
                .way(404, ids(22, 23), "highway=footway")
                .importWith(dir, OsmImportOptions.defaults().withDanglingEndLinkMaxMeters(0));

        List<RoadEdge> edges = imported.sink().roadEdges;
        assertThat(edge(edges, 16, 17).railCrossing()).isTrue();
        assertThat(edge(edges, 18, 19).railCrossing()).isTrue();
        assertThat(edge(edges, 22, 23).railCrossing())
                .as("crossing at grade where none is mapped")
                .isFalse();
        assertThat(imported.sink().barriers)
                .singleElement()
                .extracting(Barrier::kind, Barrier::name)
                .containsExactly(BarrierKind.RAIL, "沪宁铁路");
    }

    @Test
    void facilitiesComeFromNodesAndAreasAndUnmappedAmenitiesAreCounted() {
        var imported = new OsmFixture()
                .node(500, 0, 0, "amenity=bank", "name=中国银行")
                .node(501, 10, 0, "amenity=bank")
                .node(502, 20, 0, "amenity=kindergarten", "name=阳光幼儿园", "capacity=180")
                .node(503, 30, 0, "amenity=school", "name=人民中学")
                .node(504, 40, 0, "leisure=pitch", "access=private")
                .node(505, 100, 100, "amenity=school", "name=长江路小学")
                .node(601, 50, 50)
                .node(602, 150, 50)
                .node(603, 150, 150)
                .node(604, 50, 150)
                .way(600, ids(601, 602, 603, 604, 601), "amenity=school", "name=长江路小学")
                .importWith(dir);

        List<Facility> facilities = imported.sink().facilities;
        assertThat(facilities)
                .extracting(Facility::typeCode, Facility::name)
                .containsExactlyInAnyOrder(
                        tuple("kindergarten", "阳光幼儿园"),
                        tuple("middle_school", "人民中学"),
                        tuple("primary_school", "长江路小学"));
        Facility primary = facilities.stream()
                .filter(f -> f.typeCode().equals("primary_school"))
                .findFirst()
                .orElseThrow();
        assertThat(primary.source()).isEqualTo("osm:fixture.osm.pbf:way/600");
        assertThat(primary.location().getX()).isCloseTo(OsmFixture.ORIGIN_LONGITUDE + 100 / 94_400.0, within(1e-6));
        assertThat(facilities.stream()
                        .filter(f -> "阳光幼儿园".equals(f.name()))
                        .findFirst()
                        .orElseThrow()
                        .capacity())
                .isEqualTo(180);

        assertThat(imported.report().unmappedValues()).containsEntry("amenity=bank", 2L);
        assertThat(imported.extract().facilitiesByOsmTag())
                .containsEntry("amenity=school", 3L)
                .containsEntry("leisure=pitch", 1L);
        assertThat(imported.report().rejections())
                .extracting(r -> r.reason())
                .anyMatch(r -> r.startsWith("node/504: access=private"))
                .anyMatch(r -> r.startsWith("node/505") && r.contains("same facility as way/600"));
        assertThat(imported.report().rowsRead()).containsEntry("facility", 5L);
        assertThat(imported.report().rowsLoaded()).containsEntry("facility", 3L);
    }

    /**
     * <pre>
     *   +------------------------ landuse=residential (0..200 m) ---+    +----+ building=yes
     *   |                                  +----+ building=commercial |    |    | outside
     *   |            +---+ building=yes    |    |                     |    +----+
     *   |            +---+ (30 × 20)       +----+                     |
     *   |  +-------+ building=apartments, 10 storeys (40 × 20)        |
     *   |  +-------+                                                  |
     *   +-------------------------------------------------------------+
     * </pre>
     */
    private static OsmFixture residentialQuarter() {
        return new OsmFixture()
                .rectangle(10, 0, 0, 200, 200, "landuse=residential")
                .rectangle(20, 20, 20, 60, 40, "building=apartments", "building:levels=10")
                .rectangle(30, 100, 100, 130, 120, "building=yes")
                .rectangle(40, 300, 300, 340, 340, "building=yes")
                .rectangle(50, 150, 150, 190, 190, "building=commercial");
    }

    @Test
    void residentialBuildingsAndUntypedBuildingsInResidentialAreasHouseTheResidents() {
        var imported = residentialQuarter().importWith(dir);

        MetricProjection zone = MetricProjection.gaussKrugerFor(OsmFixture.ORIGIN_LONGITUDE);
        double apartments = zone.toMeters(OsmFixture.rectangle(20, 20, 60, 40)).getArea();
        double untyped = zone.toMeters(OsmFixture.rectangle(100, 100, 130, 120)).getArea();
        double residents = (10 * apartments + 6 * untyped) / 36.52;
        assertThat(apartments).isCloseTo(800, within(8.0));
        assertThat(imported.extract().population()).isEqualTo(Math.round(residents));
        assertThat(imported.extract().households())
                .isEqualTo(Math.round(residents / 2.62))
                .isPositive();
        assertThat(imported.report().rowsRead()).containsEntry("population_cell", 2L);
        assertThat(imported.sink().populationCells).isNotEmpty().allMatch(c -> c.households() > 0);
        assertThat(imported.report().warnings()).anyMatch(w -> w.contains("(1 by type, 1 untyped inside residential"));
    }

    @Test
    void untypedBuildingsCountOnlyWhileTheLanduseRuleIsOn() {
        var imported = residentialQuarter()
                .importWith(dir, OsmImportOptions.defaults().withResidentialInResidentialLanduse(Set.of()));

        double apartments = MetricProjection.gaussKrugerFor(OsmFixture.ORIGIN_LONGITUDE)
                .toMeters(OsmFixture.rectangle(20, 20, 60, 40))
                .getArea();
        assertThat(imported.report().rowsRead()).containsEntry("population_cell", 1L);
        assertThat(imported.extract().population()).isEqualTo(Math.round(10 * apartments / 36.52));
    }

    @Test
    void waysCutByTheExtractKeepTheirInsideParts() {
        var imported = new OsmFixture()
                .node(1, 0, 0)
                .node(2, 50, 0)
                .node(3, 100, 0)
                .way(101, ids(1, 999, 2, 3), "highway=footway")
                .importWith(dir);

        assertThat(imported.sink().roadEdges)
                .singleElement()
                .satisfies(e -> assertThat(e.sourceNode()).isEqualTo(2))
                .satisfies(e -> assertThat(e.targetNode()).isEqualTo(3));
        assertThat(imported.report().warnings()).anyMatch(w -> w.startsWith("1 ways reference 1 nodes missing"));
    }

    @Test
    void writesItsFourTablesInOrderAndWarnsThatCommunitiesAreMissing() {
        var imported = new OsmFixture()
                .node(1, 0, 0)
                .node(2, 100, 0)
                .way(101, ids(1, 2), "highway=residential")
                .node(11, 20, 20)
                .node(12, 60, 20)
                .node(13, 60, 40)
                .node(14, 20, 40)
                .way(20, ids(11, 12, 13, 14, 11), "building=apartments", "building:levels=10")
                .importWith(dir);

        assertThat(imported.sink().calls)
                .containsExactly("begin", "facilities", "populationCells", "roadEdges", "barriers", "commit");
        assertThat(imported.sink().info.name()).isEqualTo("osm-fixture.osm.pbf");
        assertThat(imported.report().committed()).isTrue();
        assertThat(imported.extract().report().committed()).isFalse();
        assertThat(imported.report().kind()).isEqualTo("osm");
        assertThat(imported.report().warnings())
                .anyMatch(w -> w.contains("import community boundaries or propose communities"));
    }
}
