package org.lifecircle.web.plan;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.boundary.CellAdjacency;
import org.lifecircle.core.boundary.CellGraph;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.analysis.AnalysisInputsCache;
import org.lifecircle.web.analysis.CellRecord;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Builds the cell graph once per data version (the analysis inputs' version). */
@Service
class PlanningGraphCache {
    private static final Logger LOG = LoggerFactory.getLogger(PlanningGraphCache.class);
    private static final String ARTERIALS = "SELECT ST_AsBinary(geom) FROM road_edge WHERE arterial";

    private final AnalysisInputsCache inputsCache;
    private final JdbcClient jdbc;
    private volatile PlanningGraph current;

    PlanningGraphCache(AnalysisInputsCache inputsCache, JdbcClient jdbc) {
        this.inputsCache = inputsCache;
        this.jdbc = jdbc;
    }

    PlanningGraph current() {
        AnalysisInputs inputs = inputsCache.current();
        PlanningGraph graph = current;
        if (graph != null && graph.inputs() == inputs) {
            return graph;
        }
        synchronized (this) {
            if (current == null || current.inputs() != inputs) {
                current = build(inputs);
            }
            return current;
        }
    }

    private PlanningGraph build(AnalysisInputs inputs) {
        long started = System.nanoTime();
        List<Polygon> polygons = new ArrayList<>(inputs.cells().size());
        int[] households = new int[inputs.cells().size()];
        String[] subdistrict = new String[households.length];
        for (int i = 0; i < households.length; i++) {
            CellRecord cell = inputs.cells().get(i);
            polygons.add(cell.cell().cell());
            households[i] = cell.households();
            subdistrict[i] = cell.communityIndex() < 0
                    ? null
                    : inputs.communities().get(cell.communityIndex()).subdistrictName();
        }
        WKBReader reader = new WKBReader();
        List<Geometry> arterials = jdbc.sql(ARTERIALS)
                .query((rs, n) -> {
                    try {
                        return reader.read(rs.getBytes(1));
                    } catch (ParseException e) {
                        throw new IllegalStateException("PostGIS returned unreadable WKB", e);
                    }
                })
                .list();
        List<Geometry> barriers =
                inputs.network().barriers().stream().map(Barrier::geometry).toList();
        CellGraph graph = CellAdjacency.build(polygons, households, arterials, barriers, subdistrict);
        LOG.info(
                "Cell graph of {}: {} cells, {} adjacent pairs, built in {} ms",
                inputs.version(),
                graph.size(),
                graph.start()[graph.size()] / 2,
                (System.nanoTime() - started) / 1_000_000);
        return new PlanningGraph(inputs, graph, arterials, barriers);
    }
}
