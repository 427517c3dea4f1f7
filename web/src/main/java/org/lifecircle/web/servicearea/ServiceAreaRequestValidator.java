package org.lifecircle.web.servicearea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.UnknownParameterException;
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
        for (String field : request.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new UnknownParameterException(field, FIELDS);
            }
        }
        List<String> types = types(request.get("types"));
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
        String mode = text(request.get("mode"), "mode", "network");
        if (!mode.equals("network") && !mode.equals("circle")) {
            throw new BadParameterException("mode", "mode must be network or circle, got '" + mode + "'");
        }
        double speed = number(
                request.get("speed"),
                "speed",
                catalog.value(StandardsCatalog.WALKING_SPEED),
                MIN_SPEED_METERS_PER_SECOND,
                MAX_SPEED_METERS_PER_SECOND);
        double allowance = number(
                request.get("offNetworkAllowance"),
                "offNetworkAllowance",
                DEFAULT_ALLOWANCE_METERS,
                0,
                MAX_ALLOWANCE_METERS);
        return new ServiceAreaParameters(ServiceAreaRunKind.NAME, minutesByType, mode, speed, allowance);
    }

    private List<String> types(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.copyOf(catalog.facilityTypes().keySet());
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new BadParameterException("types", "types must be a non-empty array of facility type codes");
        }
        Set<String> types = new TreeSet<>();
        for (JsonNode type : node) {
            if (!type.isString() || !catalog.facilityTypes().containsKey(type.asString())) {
                throw new BadParameterException(
                        "types",
                        "Unknown facility type " + type + "; known: "
                                + String.join(", ", catalog.facilityTypes().keySet()));
            }
            types.add(type.asString());
        }
        return List.copyOf(types);
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
            if (!value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > MAX_MINUTES) {
                throw new BadParameterException(
                        "minutes",
                        "each of minutes must be a whole number from 1 to " + MAX_MINUTES + ", got " + value);
            }
            minutes.add(value.asInt());
        }
        return new ArrayList<>(minutes);
    }

    private static String text(JsonNode node, String name, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isString()) {
            throw new BadParameterException(name, name + " must be a string");
        }
        return node.asString();
    }

    private static double number(JsonNode node, String name, double fallback, double min, double max) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || !(node.asDouble() >= min && node.asDouble() <= max)) {
            throw new BadParameterException(
                    name, name + " must be a number from " + min + " to " + max + ", got " + node);
        }
        return node.asDouble();
    }
}
