package org.lifecircle.web.servicearea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.JsonParameters;
import tools.jackson.databind.JsonNode;

/**
 * Checks a {@code service-areas} run request and fills in the defaults from the standards catalog:
 * every catalog type when {@code types} is absent, each type's life-circle walking time (5, 10 or 15
 * minutes) when {@code minutes} is absent, the catalog walking speed when {@code speed} is absent.
 */
final class ServiceAreaRequestValidator {
    static final int MAX_MINUTES = 60;
    static final int MAX_THRESHOLDS = 6;
    static final double MIN_SPEED_METERS_PER_SECOND = 0.3;
    static final double MAX_SPEED_METERS_PER_SECOND = 3.0;
    static final double MAX_ALLOWANCE_METERS = 200;
    static final double DEFAULT_ALLOWANCE_METERS = 50;
    private static final List<String> FIELDS =
            List.of("kind", "types", "minutes", "mode", "speed", "offNetworkAllowance");

    private final StandardsCatalog catalog;

    ServiceAreaRequestValidator(StandardsCatalog catalog) {
        this.catalog = catalog;
    }

    ServiceAreaParameters validate(JsonNode request) {
        JsonParameters.rejectUnknown(request, FIELDS);
        List<String> types = JsonParameters.facilityTypes(request, "types", catalog);
        List<Integer> minutes = minutes(request.get("minutes"));
        Map<String, List<Integer>> minutesByType = new LinkedHashMap<>();
        for (String type : types) {
            minutesByType.put(
                    type,
                    minutes != null
                            ? minutes
                            : List.of(catalog.lifeCircles()
                                    .get(catalog.facilityType(type).lifeCircle())
                                    .walkMinutes()));
        }
        String mode = JsonParameters.choice(request, "mode", "network", List.of("network", "circle"));
        double speed = JsonParameters.number(
                request,
                "speed",
                catalog.value(StandardsCatalog.WALKING_SPEED),
                MIN_SPEED_METERS_PER_SECOND,
                MAX_SPEED_METERS_PER_SECOND);
        double allowance = JsonParameters.number(
                request, "offNetworkAllowance", DEFAULT_ALLOWANCE_METERS, 0, MAX_ALLOWANCE_METERS);
        return new ServiceAreaParameters(ServiceAreaRunKind.NAME, minutesByType, mode, speed, allowance);
    }

    private static List<Integer> minutes(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_THRESHOLDS) {
            throw new BadParameterException(
                    "minutes", "minutes must be an array of 1 to " + MAX_THRESHOLDS + " whole minutes");
        }
        Set<Integer> minutes = new TreeSet<>();
        for (JsonNode value : node) {
            if (!JsonParameters.isInt(value) || value.asInt() < 1 || value.asInt() > MAX_MINUTES) {
                throw new BadParameterException(
                        "minutes",
                        "each of minutes must be a whole number from 1 to " + MAX_MINUTES + ", got " + value);
            }
            minutes.add(value.asInt());
        }
        return new ArrayList<>(minutes);
    }
}
