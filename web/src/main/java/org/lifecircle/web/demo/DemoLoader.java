package org.lifecircle.web.demo;

import java.util.Map;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCityGenerator;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.datasets.demo.DemoCitySummary;
import org.lifecircle.web.store.PostgisDatasetLoad;
import org.lifecircle.web.store.PostgisDatasetStore;
import org.springframework.stereotype.Service;

/** Generates a demo city straight into the PostGIS store: the same load path as any import. */
@Service
public class DemoLoader {
    private final PostgisDatasetStore store;

    DemoLoader(PostgisDatasetStore store) {
        this.store = store;
    }

    /** What a load produced and stored. */
    public record Result(DemoCitySummary summary, Map<String, Long> storedRows) {}

    public Result load(DemoCitySize size, long seed, boolean replace, ProgressListener progress) {
        if (!replace && !store.isEmpty()) {
            throw new IllegalStateException("The database already holds a dataset; load with replace to swap it");
        }
        try (PostgisDatasetLoad load = store.open(replace)) {
            DemoCitySummary summary = new DemoCityGenerator(size, seed).generate(load, progress);
            return new Result(summary, load.rowCounts());
        }
    }
}
