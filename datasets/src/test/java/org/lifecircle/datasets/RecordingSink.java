package org.lifecircle.datasets;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;

/** Keeps everything a producer hands over, and the order of the calls, in memory. */
public class RecordingSink implements DatasetSink {
    public final List<String> calls = new ArrayList<>();
    public DatasetInfo info;
    public final List<Community> communities = new ArrayList<>();
    public final List<Facility> facilities = new ArrayList<>();
    public final List<PopulationCell> populationCells = new ArrayList<>();
    public final List<RoadEdge> roadEdges = new ArrayList<>();
    public final List<Barrier> barriers = new ArrayList<>();

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
