package org.lifecircle.bench;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.DatasetSink;

/** Keeps every table a generator writes, in memory. */
final class CollectingSink implements DatasetSink {
    final List<Community> communities = new ArrayList<>();
    final List<Facility> facilities = new ArrayList<>();
    final List<PopulationCell> populationCells = new ArrayList<>();
    final List<RoadEdge> roadEdges = new ArrayList<>();
    final List<Barrier> barriers = new ArrayList<>();

    @Override
    public void begin(DatasetInfo info) {}

    @Override
    public void communities(Iterable<Community> rows) {
        rows.forEach(communities::add);
    }

    @Override
    public void facilities(Iterable<Facility> rows) {
        rows.forEach(facilities::add);
    }

    @Override
    public void populationCells(Iterable<PopulationCell> rows) {
        rows.forEach(populationCells::add);
    }

    @Override
    public void roadEdges(Iterable<RoadEdge> rows) {
        rows.forEach(roadEdges::add);
    }

    @Override
    public void barriers(Iterable<Barrier> rows) {
        rows.forEach(barriers::add);
    }

    @Override
    public void commit() {}
}
