package org.lifecircle.core.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecircle.core.coverage.NetworkOracle.on;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.coverage.GapArea;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.graph.SnappedPoint;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class SiteCandidatesTest {
    private static final Polygon SOME_AREA = new GeometryFactory().createPolygon();
    private static final SnappedPoint UNSNAPPED = SnappedPoint.unsnapped(0, 0, 0, 0, 900);
    private static final PopulationCells CELLS = PopulationCells.withoutCommunities(
            List.of(on(0, 0, 0), on(0, 10, 0), on(0, 20, 0), UNSNAPPED, on(0, 40, 0), on(0, 50, 0)),
            new int[] {5, 40, 40, 90, 10, 30});
    private static final List<GapArea> GAPS = List.of(
            new GapArea(1, SOME_AREA, 0, 170, 3, new int[] {1, 2, 3}, 400, 0),
            new GapArea(2, SOME_AREA, 0, 40, 2, new int[] {4, 5}, 350, 1));

    @Test
    void gapCellsOnTheNetworkBecomeCandidatesInCellOrder() {
        SiteCandidates candidates = SiteCandidates.fromGapCells(CELLS, GAPS, 100);

        assertThat(candidates.cellOfCandidate()).containsExactly(1, 2, 4, 5);
        assertThat(candidates.points().get(2)).isSameAs(CELLS.centroids().get(4));
    }

    @Test
    void beyondTheMaximumTheMostPopulousCellsAreKept() {
        SiteCandidates candidates = SiteCandidates.fromGapCells(CELLS, GAPS, 2);

        // 40, 40 (cells 1 and 2) beat 30 (cell 5) and 10 (cell 4); the unsnapped 90 never counts.
        assertThat(candidates.cellOfCandidate()).containsExactly(1, 2);
        assertThat(SiteCandidates.fromGapCells(CELLS, GAPS, 3).cellOfCandidate())
                .containsExactly(1, 2, 5);
    }
}
