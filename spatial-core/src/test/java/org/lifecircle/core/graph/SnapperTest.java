package org.lifecircle.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.core.graph.TestNetworks.edge;
import static org.lifecircle.core.graph.TestNetworks.edgeWithLength;
import static org.lifecircle.core.graph.TestNetworks.lonLat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.domain.RoadEdge;

class SnapperTest {
    /*
     *                 (0,100)
     *                    3
     *                    │ 100
     *   1 ──────100───── 2 ──────── 4        9 ─ 10   (a 2-node islet at x 230..240, y 5)
     *  (0,0)          (100,0)    (200,0)
     */
    private static final List<RoadEdge> T_JUNCTION = List.of(
            edge(1, 2, 0, 0, 100, 0),
            edge(2, 3, 100, 0, 100, 100),
            edge(2, 4, 100, 0, 200, 0),
            edge(9, 10, 230, 5, 240, 5));

    private final WalkingGraph graph = WalkingGraph.fromEdges(T_JUNCTION);

    private SnappedPoint snap(Snapper snapper, double east, double north) {
        double[] ll = lonLat(east, north);
        return snapper.snap(ll[0], ll[1]);
    }

    @Test
    void pointOnAnEdgeSnapsWithNoOffNetworkWalk() {
        SnappedPoint snapped = snap(new Snapper(graph), 40, 0);

        assertThat(snapped.isSnapped()).isTrue();
        assertThat(snapped.edge()).isZero();
        assertThat(snapped.alongMeters()).isCloseTo(40, within(1e-3));
        assertThat(snapped.offNetworkMeters()).isCloseTo(0, within(1e-3));
    }

    @Test
    void pointBesideAnEdgeSnapsAtItsOrthogonalProjection() {
        SnappedPoint snapped = snap(new Snapper(graph), 40, -25);

        assertThat(snapped.edge()).isZero();
        assertThat(snapped.alongMeters()).isCloseTo(40, within(1e-3));
        assertThat(snapped.offNetworkMeters()).isCloseTo(25, within(1e-3));
        assertThat(snapped.snapXMeters() - TestNetworks.ORIGIN_X_METERS).isCloseTo(40, within(1e-3));
        assertThat(snapped.snapYMeters() - TestNetworks.ORIGIN_Y_METERS).isCloseTo(0, within(1e-3));
    }

    @Test
    void pointNearerTheSideRoadSnapsToIt() {
        SnappedPoint snapped = snap(new Snapper(graph), 110, 70);

        assertThat(snapped.edge()).isEqualTo(1);
        assertThat(snapped.alongMeters()).isCloseTo(70, within(1e-3));
        assertThat(snapped.offNetworkMeters()).isCloseTo(10, within(1e-3));
    }

    @Test
    void pointPastTheEndOfTheNetworkSnapsToTheEndNode() {
        SnappedPoint snapped = snap(new Snapper(graph), -30, -40);

        assertThat(snapped.edge()).isZero();
        assertThat(snapped.alongMeters()).isCloseTo(0, within(1e-3));
        assertThat(snapped.offNetworkMeters()).isCloseTo(50, within(1e-3));
    }

    @Test
    void alongDistanceIsInEdgeCostMetresNotProjectedMetres() {
        WalkingGraph stretched = WalkingGraph.fromEdges(List.of(edgeWithLength(1, 2, 250, 0, 0, 100, 0)));

        SnappedPoint snapped = snap(new Snapper(stretched), 40, 5);

        assertThat(snapped.alongMeters()).isCloseTo(100, within(1e-2));
        assertThat(snapped.offNetworkMeters()).isCloseTo(5, within(1e-3));
    }

    @Test
    void pointBeyondTheSnapLimitIsReportedUnsnappedWithItsDistance() {
        SnappedPoint snapped = snap(new Snapper(graph, SnapOptions.within(30)), 50, -40);

        assertThat(snapped.isSnapped()).isFalse();
        assertThat(snapped.edge()).isEqualTo(-1);
        assertThat(snapped.offNetworkMeters()).isCloseTo(40, within(1e-3));
        assertThat(snapped.lon()).isCloseTo(lonLat(50, -40)[0], within(1e-12));
    }

    @Test
    void smallComponentsCanBeSkippedSoPointsSnapToTheMainNetwork() {
        SnappedPoint toIslet = snap(new Snapper(graph), 235, 8);
        SnappedPoint toMain = snap(new Snapper(graph, new SnapOptions(Double.POSITIVE_INFINITY, 3)), 235, 8);

        assertThat(toIslet.edge()).isEqualTo(3);
        assertThat(toIslet.offNetworkMeters()).isCloseTo(3, within(1e-3));
        assertThat(toMain.edge()).isEqualTo(2);
        assertThat(toMain.alongMeters()).isCloseTo(100, within(1e-3));
        assertThat(toMain.offNetworkMeters()).isCloseTo(Math.hypot(35, 8), within(1e-3));
    }

    @Test
    void whenNoComponentIsLargeEnoughThePointIsUnsnapped() {
        SnappedPoint snapped = snap(new Snapper(graph, new SnapOptions(Double.POSITIVE_INFINITY, 100)), 50, 0);

        assertThat(snapped.isSnapped()).isFalse();
        assertThat(snapped.offNetworkMeters()).isNaN();
    }

    @Test
    void snapAllSnapsEachPointInOrder() {
        double[] a = lonLat(40, 0);
        double[] b = lonLat(110, 70);
        SnappedPoint[] snapped = new Snapper(graph).snapAll(new double[] {a[0], b[0]}, new double[] {a[1], b[1]});

        assertThat(snapped).extracting(SnappedPoint::edge).containsExactly(0, 1);
    }
}
