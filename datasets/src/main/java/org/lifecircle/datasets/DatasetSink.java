package org.lifecircle.datasets;

import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;

/**
 * Where a dataset goes: the PostGIS store, GeoJSON files, a test's memory. Producers (the demo-city
 * generator, importers) call {@link #begin}, then each table once in any order, then {@link #commit};
 * a sink that fails part-way must leave nothing behind (the store rolls back its transaction).
 *
 * <p>Rows are handed over as {@link Iterable}s so a sink can stream them (the store copies with
 * {@code COPY … FROM STDIN}) and a producer can generate them lazily.
 */
public interface DatasetSink {

    void begin(DatasetInfo info);

    void communities(Iterable<Community> rows);

    void facilities(Iterable<Facility> rows);

    void populationCells(Iterable<PopulationCell> rows);

    void roadEdges(Iterable<RoadEdge> rows);

    void barriers(Iterable<Barrier> rows);

    void commit();
}
