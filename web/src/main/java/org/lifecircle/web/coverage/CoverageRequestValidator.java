package org.lifecircle.web.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.JsonParameters;
import tools.jackson.databind.JsonNode;

/**
 * Checks a {@code coverage} run request: {@code types} (default every catalog type), {@code
 * thresholds} (metres per type, default each type's service radius from the catalog, GB 50180-2018
 * 附录 B), {@code speed} (m/s, default the catalog's) and {@code minGapHouseholds} (default 0).
 */
final class CoverageRequestValidator {
    static final double MIN_THRESHOLD_METERS = 50;
    static final double MAX_THRESHOLD_METERS = 5000;
    static final double MIN_SPEED = 0.3;
    static final double MAX_SPEED = 3.0;
    private static final List<String> FIELDS = List.of("kind", "types", "thresholds", "speed", "minGapHouseholds");

    private final StandardsCatalog catalog;

    CoverageRequestValidator(StandardsCatalog catalog) {
        this.catalog = catalog;
    }

    CoverageParameters validate(JsonNode request) {
        JsonParameters.rejectUnknown(request, FIELDS);
        List<String> types = JsonParameters.facilityTypes(request, "types", catalog);
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (String type : types) {
            thresholds.put(type, catalog.facilityType(type).serviceRadiusMeters());
        }
        JsonNode overrides = request.get("thresholds");
        if (overrides != null && !overrides.isNull()) {
            if (!overrides.isObject()) {
                throw new BadParameterException(
                        "thresholds",
                        "thresholds must be an object of facility type → metres, e.g. {\"kindergarten\": 400}");
            }
            for (String type : overrides.propertyNames()) {
                if (!thresholds.containsKey(type)) {
                    throw new BadParameterException(
                            "thresholds", "thresholds names " + type + ", which is not among the run's types " + types);
                }
                thresholds.put(
                        type,
                        JsonParameters.number(overrides, type, Double.NaN, MIN_THRESHOLD_METERS, MAX_THRESHOLD_METERS));
            }
        }
        double speed = JsonParameters.number(
                request, "speed", catalog.value(StandardsCatalog.WALKING_SPEED), MIN_SPEED, MAX_SPEED);
        long minGap = JsonParameters.integer(request, "minGapHouseholds", 0, 0, 1_000_000);
        return new CoverageParameters(CoverageRunKind.NAME, thresholds, speed, minGap);
    }
}
