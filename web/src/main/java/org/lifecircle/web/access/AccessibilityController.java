package org.lifecircle.web.access;

import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.BboxSql;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.lifecircle.web.common.GeoJsonSql;
import org.lifecircle.web.run.RunService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccessibilityController {
    private static final String CELLS =
            GeoJsonSql.featureCollection("r.cell_id", "r.geom", """
            json_build_object(
                'type', a.type_code,
                'community_id', r.community_id,
                'households', r.households,
                'population', r.population,
                'score', a.score)""", """
            FROM accessibility_cell a JOIN result_cell r ON r.run_id = a.run_id AND r.cell_id = a.cell_id
            WHERE a.run_id = :run AND """ + BboxSql.optionalIn("r.geom"), "r.cell_id");

    private final JdbcClient jdbc;
    private final RunService runs;

    AccessibilityController(JdbcClient jdbc, RunService runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** Cells with their accessibility score (supply units per unit of demand). */
    @GetMapping(value = "/api/runs/{id}/accessibility/cells", produces = GeoJsonMediaType.VALUE)
    String cells(@PathVariable long id, @RequestParam(required = false) String bbox) {
        runs.requireResults(id, AccessibilityRunKind.NAME);
        return BboxSql.bind(jdbc.sql(CELLS), Bbox.parseOptional(bbox))
                .param("run", id)
                .query(String.class)
                .single();
    }
}
