package org.lifecircle.datasets.importer.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.datasets.importer.osm.OsmFixture.ids;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.core.domain.RoadEdge;

/**
 * <pre>
 *   7 ------------ 8                          far footway 104, 60 m north: stays an island
 *
 *         11
 *         |                                   footway 106 ends on the street (no shared node)
 *      3 ---------- 4                         sidewalk 102, 8 m north, dead ends at 3 and 4
 *   1 ------------------------ 2  |  9 ---- 10   street 101; river 201 at x = 205; footway 105
 *               6                 |
 *               |  underpass 103 (tunnel, layer -1), dead end 6 is 10 m south of the street
 *               5
 * </pre>
 */
class DanglingEndLinkerTest {
    @TempDir
    Path dir;

    private static OsmFixture streetWithIslands() {
        return new OsmFixture()
                .node(1, 0, 0)
                .node(2, 200, 0)
                .node(3, 50, 8)
                .node(4, 150, 8)
                .node(5, 100, -60)
                .node(6, 100, -10)
                .node(7, 0, 60)
                .node(8, 100, 60)
                .node(9, 210, 12)
                .node(10, 300, 12)
                .node(11, 170, 30)
                .node(12, 170, 0)
                .node(20, 205, -50)
                .node(21, 205, 50)
                .way(101, ids(1, 2), "highway=residential")
                .way(102, ids(3, 4), "highway=footway", "footway=sidewalk")
                .way(103, ids(5, 6), "highway=footway", "tunnel=yes", "layer=-1")
                .way(104, ids(7, 8), "highway=footway")
                .way(105, ids(9, 10), "highway=footway")
                .way(106, ids(11, 12), "highway=footway")
                .way(201, ids(20, 21), "waterway=river");
    }

    @Test
    void sidewalksAndUnderpassesEndingNearAStreetAreLinkedToIt() {
        var imported = streetWithIslands().importWith(dir);
        List<RoadEdge> edges = imported.sink().roadEdges;

        List<RoadEdge> connectors = edges.stream()
                .filter(e -> e.roadClass().equals(DanglingEndLinker.CONNECTOR_CLASS))
                .toList();
        assertThat(connectors).extracting(RoadEdge::sourceNode).containsExactlyInAnyOrder(3L, 6L);
        assertThat(connectors).allSatisfy(c -> {
            assertThat(c.targetNode()).isGreaterThanOrEqualTo(DanglingEndLinker.CONNECTOR_NODE_ID_FIRST);
            assertThat(c.arterial() || c.bridge() || c.railCrossing()).isFalse();
        });
        assertThat(connectors.stream()
                        .filter(c -> c.sourceNode() == 3)
                        .findFirst()
                        .orElseThrow()
                        .lengthMeters())
                .isCloseTo(8, within(0.2));
        assertThat(connectors.stream()
                        .filter(c -> c.sourceNode() == 6)
                        .findFirst()
                        .orElseThrow()
                        .lengthMeters())
                .isCloseTo(10, within(0.2));

        List<RoadEdge> street =
                edges.stream().filter(e -> e.roadClass().equals("residential")).toList();
        assertThat(street)
                .as("split where the two links and footway 106 arrive")
                .hasSize(4);
        assertThat(street.stream().mapToDouble(RoadEdge::lengthMeters).sum()).isCloseTo(200, within(1.0));
        assertThat(street).anyMatch(e -> e.targetNode() == 12 || e.sourceNode() == 12);
    }

    @Test
    void islandsTooFarOrBeyondARiverStayIslandsAndAreReported() {
        var imported = streetWithIslands().importWith(dir);
        List<RoadEdge> edges = imported.sink().roadEdges;

        assertThat(edges)
                .noneMatch(e -> e.roadClass().equals(DanglingEndLinker.CONNECTOR_CLASS)
                        && (e.sourceNode() == 7 || e.sourceNode() == 8 || e.sourceNode() == 9 || e.sourceNode() == 10));
        assertThat(imported.report().warnings())
                .anyMatch(w -> w.startsWith("3 footway dead ends lay within 20 m"))
                .anyMatch(w -> w.startsWith("The walking network has 2 parts besides the largest"));
        assertThat(imported.report().rowsRepaired()).containsKey("road_edge");
    }

    @Test
    void linkingCanBeSwitchedOff() {
        var imported =
                streetWithIslands().importWith(dir, OsmImportOptions.defaults().withDanglingEndLinkMaxMeters(0));
        assertThat(imported.sink().roadEdges)
                .noneMatch(e -> e.roadClass().equals(DanglingEndLinker.CONNECTOR_CLASS))
                .filteredOn(e -> e.roadClass().equals("residential"))
                .hasSize(1);
        assertThat(imported.report().warnings()).anyMatch(w -> w.startsWith("The walking network has 5 parts"));
    }
}
