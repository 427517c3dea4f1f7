package org.lifecircle.web.common;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lifecircle.core.standards.StandardsCatalog;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON request body with one rule for all: an absent or null field takes its
 * default, a present one must have the right shape and range or the request is a 400 naming it.
 */
public final class JsonParameters {
    private JsonParameters() {}

    /** Rejects any field not in {@code fields}: a misspelt option must not be silently ignored. */
    public static void rejectUnknown(JsonNode request, List<String> fields) {
        for (String field : request.propertyNames()) {
            if (!fields.contains(field)) {
                throw new UnknownParameterException(field, fields);
            }
        }
    }

    /** A number in {@code [min, max]}. */
    public static double number(JsonNode request, String name, double fallback, double min, double max) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || !(node.asDouble() >= min && node.asDouble() <= max)) {
            throw new BadParameterException(
                    name, name + " must be a number from " + min + " to " + max + ", got " + node);
        }
        return node.asDouble();
    }

    /** A whole number in {@code [min, max]}. */
    public static int integer(JsonNode request, String name, int fallback, int min, int max) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!isLong(node) || node.asLong() < min || node.asLong() > max) {
            throw new BadParameterException(
                    name, name + " must be a whole number from " + min + " to " + max + ", got " + node);
        }
        return node.asInt();
    }

    /** Whether {@code node} is a whole number within {@code int}: Jackson's {@code asInt()} throws beyond. */
    public static boolean isInt(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt();
    }

    /** Whether {@code node} is a whole number within {@code long}: Jackson's {@code asLong()} throws beyond. */
    public static boolean isLong(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong();
    }

    /** A number in {@code [min, max]}, or null when absent. */
    public static Double optionalNumber(JsonNode request, String name, double min, double max) {
        JsonNode node = request.get(name);
        return node == null || node.isNull() ? null : number(request, name, Double.NaN, min, max);
    }

    /** One of the allowed strings. */
    public static String choice(JsonNode request, String name, String fallback, List<String> allowed) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isString() || !allowed.contains(node.asString())) {
            throw new BadParameterException(
                    name, name + " must be one of " + String.join(", ", allowed) + ", got " + node);
        }
        return node.asString();
    }

    /** A string, or null when absent. */
    public static String optionalText(JsonNode request, String name) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new BadParameterException(name, name + " must be a string, got " + node.getNodeType());
        }
        return node.asString();
    }

    /** A boolean, or null when absent. */
    public static Boolean optionalBool(JsonNode request, String name) {
        JsonNode node = request.get(name);
        return node == null || node.isNull() ? null : bool(request, name, false);
    }

    /** A boolean. */
    public static boolean bool(JsonNode request, String name, boolean fallback) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new BadParameterException(name, name + " must be true or false, got " + node);
        }
        return node.asBoolean();
    }

    /** One catalog facility type code. */
    public static String facilityType(JsonNode request, String name, StandardsCatalog catalog) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            throw new BadParameterException(
                    name,
                    name + " is required: one of "
                            + String.join(", ", catalog.facilityTypes().keySet()));
        }
        return knownType(node, name, catalog);
    }

    /** Catalog facility type codes, sorted and without repeats; every catalog type when absent. */
    public static List<String> facilityTypes(JsonNode request, String name, StandardsCatalog catalog) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return List.copyOf(catalog.facilityTypes().keySet());
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new BadParameterException(name, name + " must be a non-empty array of facility type codes");
        }
        Set<String> types = new TreeSet<>();
        for (JsonNode type : node) {
            types.add(knownType(type, name, catalog));
        }
        return List.copyOf(types);
    }

    private static String knownType(JsonNode node, String name, StandardsCatalog catalog) {
        if (!node.isString() || !catalog.facilityTypes().containsKey(node.asString())) {
            throw new BadParameterException(
                    name,
                    "Unknown facility type " + node + "; known: "
                            + String.join(", ", catalog.facilityTypes().keySet()));
        }
        return node.asString();
    }
}
