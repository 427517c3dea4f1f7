package org.lifecircle.web.coverage;

import java.util.List;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.JsonParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class WhatIfController {
    private static final List<String> FIELDS = List.of("type", "lon", "lat", "threshold");

    private final WhatIfService service;
    private final StandardsCatalog catalog;

    WhatIfController(WhatIfService service, StandardsCatalog catalog) {
        this.service = service;
        this.catalog = catalog;
    }

    /**
     * The coverage change per community if a facility of {@code type} stood at {@code lon, lat};
     * nothing is stored. {@code threshold} (metres) defaults to the type's service radius.
     */
    @PostMapping("/api/coverage/what-if")
    WhatIfResult whatIf(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadParameterException("type", "A what-if request is a JSON object with type, lon and lat");
        }
        JsonParameters.rejectUnknown(body, FIELDS);
        String type = JsonParameters.facilityType(body, "type", catalog);
        double lon = required(body, "lon", -180, 180);
        double lat = required(body, "lat", -90, 90);
        double threshold = JsonParameters.number(
                body,
                "threshold",
                catalog.facilityType(type).serviceRadiusMeters(),
                CoverageRequestValidator.MIN_THRESHOLD_METERS,
                CoverageRequestValidator.MAX_THRESHOLD_METERS);
        double speed = catalog.value(StandardsCatalog.WALKING_SPEED);
        return service.evaluate(new WhatIfRequest(type, lon, lat, threshold, speed));
    }

    private static double required(JsonNode body, String name, double min, double max) {
        if (body.get(name) == null || body.get(name).isNull()) {
            throw new BadParameterException(name, name + " is required (EPSG:4326 degrees)");
        }
        return JsonParameters.number(body, name, Double.NaN, min, max);
    }
}
