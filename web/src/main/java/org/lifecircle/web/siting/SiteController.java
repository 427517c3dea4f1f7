package org.lifecircle.web.siting;

import org.lifecircle.web.common.GeoJsonMediaType;
import org.lifecircle.web.run.RunService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SiteController {
    private final SiteStore store;
    private final RunService runs;

    SiteController(SiteStore store, RunService runs) {
        this.store = store;
        this.runs = runs;
    }

    /** The suggested sites of a siting run in build order; the coverage curve is in the run's summary. */
    @GetMapping(value = "/api/runs/{id}/sites", produces = GeoJsonMediaType.VALUE)
    String sites(@PathVariable long id) {
        runs.requireResults(id, SitingRunKind.NAME);
        return store.asGeoJson(id);
    }
}
