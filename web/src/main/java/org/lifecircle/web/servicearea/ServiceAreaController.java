package org.lifecircle.web.servicearea;

import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.lifecircle.web.run.RunService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ServiceAreaController {
    private final ServiceAreaStore store;
    private final RunService runs;

    ServiceAreaController(ServiceAreaStore store, RunService runs) {
        this.store = store;
        this.runs = runs;
    }

    /**
     * The service areas of a run as GeoJSON: dissolved per type ({@code scope=type}, the default) or
     * per facility ({@code scope=facility}), optionally one type, one threshold and a bbox.
     */
    @GetMapping(value = "/api/runs/{id}/service-areas", produces = GeoJsonMediaType.VALUE)
    String serviceAreas(
            @PathVariable long id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer minutes,
            @RequestParam(required = false, defaultValue = "type") String scope,
            @RequestParam(required = false) String bbox) {
        runs.requireResults(id, ServiceAreaRunKind.NAME);
        if (!scope.equals("type") && !scope.equals("facility")) {
            throw new BadParameterException("scope", "scope must be type or facility, got '" + scope + "'");
        }
        return store.asGeoJson(id, type, minutes, scope, Bbox.parseOptional(bbox));
    }
}
