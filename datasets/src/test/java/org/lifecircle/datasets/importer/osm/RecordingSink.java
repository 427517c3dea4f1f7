package org.lifecircle.datasets.importer.osm;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.DatasetSink;

/** Keeps everything a producer hands over, and the order of the calls, in memory. */
class RecordingSink implements DatasetSink {
    final List<String> calls = new ArrayList<>();
    DatasetInfo info;
    final List<Community> communities = new ArrayList<>();
    final List<Facility> facilities = new ArrayList<>();
    final List<PopulationCell> populationCells = new ArrayList<>();
    final List<RoadEdge> roadEdges = new ArrayList<>();
    final List<Barrier> barriers = new ArrayList<>();

    @Override
    public void begin(DatasetInfo info) {
        calls.add("begin");
        this.info = info;
    }

    @Override
    public void communities(Iterable<Community> rows) {
        calls.add("communities");
        rows.forEach(communities::add);
    }

    @Override
    public void facilities(Iterable<Facility> rows) {
        calls.add("facilities");
        rows.forEach(facilities::add);
    }

    @Override
    public void populationCells(Iterable<PopulationCell> rows) {
        calls.add("populationCells");
        rows.forEach(populationCells::add);
    }

    @Override
    public void roadEdges(Iterable<RoadEdge> rows) {
        calls.add("roadEdges");
        rows.forEach(roadEdges::add);
    }

    @Override
    public void barriers(Iterable<Barrier> rows) {
        calls.add("barriers");
        rows.forEach(barriers::add);
    }

    @Override
    public void commit() {
        calls.add("commit");
    }
}
