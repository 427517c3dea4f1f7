package org.lifecircle.web.centre;

import org.lifecircle.web.common.GeoJsonMediaType;
import org.lifecircle.web.common.GeoJsonSql;
import org.lifecircle.web.run.RunService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommunityCentreController {
    private static final String CENTRES = GeoJsonSql.featureCollection("x.community_id", "x.geom", """
            json_build_object(
                'community_id', x.community_id,
                'code', c.code,
                'name', c.name,
                'cell_id', x.cell_id,
                'households', x.households,
                'reached_households', x.reached_households,
                'mean_walk_m', round(x.mean_walk_m::numeric, 1),
                'max_walk_m', round(x.max_walk_m::numeric, 1))""", """
            FROM community_centre x JOIN community c ON c.id = x.community_id
            WHERE x.run_id = :run AND x.geom IS NOT NULL""", "c.code");

    private final JdbcClient jdbc;
    private final RunService runs;

    CommunityCentreController(JdbcClient jdbc, RunService runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** The suggested centre of every community that has cells on the network. */
    @GetMapping(value = "/api/runs/{id}/community-centres", produces = GeoJsonMediaType.VALUE)
    String centres(@PathVariable long id) {
        runs.requireResults(id, CommunityCentreRunKind.NAME);
        return jdbc.sql(CENTRES).param("run", id).query(String.class).single();
    }
}
