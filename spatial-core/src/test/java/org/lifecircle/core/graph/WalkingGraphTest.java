package org.lifecircle.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.core.graph.TestNetworks.edge;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.RoadEdge;
import org.locationtech.proj4j.ProjCoordinate;

class WalkingGraphTest {
    /*
     *   9000000001 ──100── -7 ──50── 42          500 ──30── 501
     *                      │
     *                     80
     *                      │
     *                      3
     */
    private static final List<RoadEdge> TWO_PIECES = List.of(
            edge(9_000_000_001L, -7, 0, 0, 100, 0),
            edge(-7, 42, 100, 0, 150, 0),
            edge(-7, 3, 100, 0, 100, -80),
            edge(500, 501, 1000, 0, 1030, 0));

    @Test
    void arbitraryLongIdsAreRenumberedDenselyInAscendingOrderAndMapBack() {
        WalkingGraph graph = WalkingGraph.fromEdges(TWO_PIECES);

        assertThat(graph.nodeCount()).isEqualTo(6);
        assertThat(graph.edgeCount()).isEqualTo(4);
        long[] expected = {-7, 3, 42, 500, 501, 9_000_000_001L};
        for (int node = 0; node < expected.length; node++) {
            assertThat(graph.originalNodeId(node)).isEqualTo(expected[node]);
            assertThat(graph.nodeOf(expected[node])).isEqualTo(node);
        }
        assertThat(graph.nodeOf(4)).isEqualTo(-1);
        assertThat(graph.edgeSourceNode(0)).isEqualTo(graph.nodeOf(9_000_000_001L));
        assertThat(graph.edgeTargetNode(0)).isEqualTo(graph.nodeOf(-7));
    }

    @Test
    void everyEdgeIsListedAtBothEndsWithItsLength() {
        WalkingGraph graph = WalkingGraph.fromEdges(TWO_PIECES);
        int hub = graph.nodeOf(-7);

        assertThat(graph.degree(hub)).isEqualTo(3);
        int total = 0;
        for (int node = 0; node < graph.nodeCount(); node++) {
            for (int i = graph.firstAdjacency(node); i < graph.firstAdjacency(node) + graph.degree(node); i++) {
                int e = graph.adjacentEdge(i);
                int other = graph.edgeSourceNode(e) == node ? graph.edgeTargetNode(e) : graph.edgeSourceNode(e);
                assertThat(graph.adjacentNode(i)).isEqualTo(other);
                assertThat(graph.adjacentLengthMeters(i)).isEqualTo(graph.edgeLengthMeters(e));
                total++;
            }
        }
        assertThat(total).isEqualTo(2 * graph.edgeCount());
        assertThat(graph.edgeLengthMeters(2)).isCloseTo(80, within(1e-9));
    }

    @Test
    void componentsAreLabelledWithTheirSizes() {
        WalkingGraph graph = WalkingGraph.fromEdges(TWO_PIECES);

        assertThat(graph.componentCount()).isEqualTo(2);
        assertThat(graph.componentOf(graph.nodeOf(3))).isEqualTo(graph.componentOf(graph.nodeOf(42)));
        assertThat(graph.componentOf(graph.nodeOf(500))).isNotEqualTo(graph.componentOf(graph.nodeOf(42)));
        assertThat(graph.componentNodeCount(graph.componentOf(graph.nodeOf(3)))).isEqualTo(4);
        assertThat(graph.componentNodeCount(graph.componentOf(graph.nodeOf(500))))
                .isEqualTo(2);
        assertThat(graph.largestComponent()).isEqualTo(graph.componentOf(graph.nodeOf(-7)));
    }

    @Test
    void nodesAreKeptInLonLatAndInTheGaussKrugerZoneOfTheDataCentre() {
        WalkingGraph graph = WalkingGraph.fromEdges(TWO_PIECES);

        assertThat(graph.gaussKrugerSrid()).isEqualTo(4549);
        int node = graph.nodeOf(42);
        ProjCoordinate projected = graph.projection()
                .newToMetersTransform()
                .transform(new ProjCoordinate(graph.nodeLon(node), graph.nodeLat(node)), new ProjCoordinate());
        assertThat(graph.nodeXMeters(node)).isCloseTo(projected.x, within(1e-6));
        assertThat(graph.nodeYMeters(node)).isCloseTo(projected.y, within(1e-6));
        assertThat(TestNetworks.localMeters(graph, node)[0]).isCloseTo(150, within(1e-4));
        assertThat(TestNetworks.localMeters(graph, node)[1]).isCloseTo(0, within(1e-4));
        // Central Nanjing is about 115 km west of the 120°E central meridian (false easting 500 km).
        assertThat(graph.nodeXMeters(node)).isBetween(380_000.0, 390_000.0);
        assertThat(graph.edgeGeometryMeters(0).getLength()).isCloseTo(100, within(1e-4));
    }

    @Test
    void emptyEdgeListIsRejected() {
        assertThatThrownBy(() -> WalkingGraph.fromEdges(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one edge");
    }
}
