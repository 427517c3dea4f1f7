package org.lifecircle.core.standards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The planning standards as data: life-circle levels, facility types and numeric rules, each with
 * its source. The national catalog ships as {@code catalog.yaml} beside this class; a locality
 * overrides it with files of the same shape holding only what differs. Maps merge key by key, so
 * {@code rules: {community.households.max: {value: 4000}}} changes one number and keeps its unit,
 * meaning and source.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public record StandardsCatalog(
        String name,
        Map<String, String> sources,
        Map<String, LifeCircleLevel> lifeCircles,
        Map<String, FacilityTypeSpec> facilityTypes,
        Map<String, Rule> rules) {

    public static final String HOUSEHOLDS_MIN = "community.households.min";
    public static final String HOUSEHOLDS_TARGET = "community.households.target";
    public static final String HOUSEHOLDS_MAX = "community.households.max";
    public static final String SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS = "community.serviceArea.perHundredHouseholds";
    public static final String OFFICE_AREA_URBAN_MIN = "community.officeArea.urbanMin";
    public static final String STAFF_MIN = "community.staff.min";
    public static final String STAFF_MAX = "community.staff.max";
    /**
     * Share of a community's households, in percent, that every facility type of the catalog should
     * reach within its service radius. No binding clause gives this number; it is practice, and the
     * catalog says so.
     */
    public static final String COVERAGE_MIN_PERCENT = "community.coverage.minPercent";

    public static final String WALKING_SPEED = "walking.speedMetersPerSecond";
    public static final String PERSONS_PER_HOUSEHOLD = "population.personsPerHousehold";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public StandardsCatalog {
        Objects.requireNonNull(name, "name");
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        lifeCircles = Collections.unmodifiableMap(new LinkedHashMap<>(lifeCircles));
        facilityTypes = Collections.unmodifiableMap(new LinkedHashMap<>(facilityTypes));
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        for (var type : facilityTypes.entrySet()) {
            if (!lifeCircles.containsKey(type.getValue().lifeCircle())) {
                throw new IllegalArgumentException("Facility type " + type.getKey() + " names unknown life circle "
                        + type.getValue().lifeCircle());
            }
        }
        double min = valueIn(rules, HOUSEHOLDS_MIN);
        double target = valueIn(rules, HOUSEHOLDS_TARGET);
        double max = valueIn(rules, HOUSEHOLDS_MAX);
        if (!(0 <= min && min <= target && target <= max)) {
            throw new IllegalArgumentException("Community households must satisfy 0 <= min <= target <= max, got " + min
                    + ", " + target + ", " + max);
        }
        if (valueIn(rules, STAFF_MIN) > valueIn(rules, STAFF_MAX)) {
            throw new IllegalArgumentException("community.staff.min exceeds community.staff.max");
        }
        if (!(valueIn(rules, WALKING_SPEED) > 0)) {
            throw new IllegalArgumentException("walking.speedMetersPerSecond must be positive");
        }
        double coverage = valueIn(rules, COVERAGE_MIN_PERCENT);
        if (!(0 <= coverage && coverage <= 100)) {
            throw new IllegalArgumentException(COVERAGE_MIN_PERCENT + " must be in [0, 100], got " + coverage);
        }
    }

    /** The national catalog shipped with lifecircle. */
    public static StandardsCatalog national() {
        return load();
    }

    /**
     * The national catalog with locality overrides applied in order.
     *
     * @throws IllegalArgumentException when an override names an unknown field or breaks a rule
     */
    public static StandardsCatalog load(InputStream... overrides) {
        try (InputStream base = StandardsCatalog.class.getResourceAsStream("catalog.yaml")) {
            ObjectNode merged = (ObjectNode) YAML.readTree(base);
            for (InputStream override : overrides) {
                JsonNode tree = YAML.readTree(override);
                if (tree == null || tree.isMissingNode() || tree.isNull()) {
                    continue;
                }
                if (!tree.isObject()) {
                    throw new IllegalArgumentException("A standards override must be a YAML mapping");
                }
                mergeInto(merged, (ObjectNode) tree);
            }
            return YAML.treeToValue(merged, StandardsCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("Invalid standards catalog: " + e.getOriginalMessage(), e);
        }
    }

    /** The value of a rule. */
    public double value(String ruleId) {
        return valueIn(rules, ruleId);
    }

    /** A facility type by code. */
    public FacilityTypeSpec facilityType(String code) {
        FacilityTypeSpec spec = facilityTypes.get(code);
        if (spec == null) {
            throw new IllegalArgumentException("Unknown facility type: " + code);
        }
        return spec;
    }

    /**
     * A source string with its leading key spelled out: {@code "JUMIN 第八条 (…)"} becomes {@code
     * "《中华人民共和国城市居民委员会组织法》(2018 修正) 第八条 (…)"}. A source whose first word is not a key of
     * {@link #sources()} (e.g. a census cited in full) comes back unchanged.
     */
    public String citation(String source) {
        Objects.requireNonNull(source, "source");
        String trimmed = source.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        String document = sources.get(trimmed.substring(0, end));
        return document == null ? trimmed : document + trimmed.substring(end);
    }

    private static double valueIn(Map<String, Rule> rules, String ruleId) {
        Rule rule = rules.get(ruleId);
        if (rule == null) {
            throw new IllegalArgumentException("Standards catalog lacks rule " + ruleId);
        }
        return rule.value();
    }

    /** Deep merge: objects merge key by key, anything else replaces. */
    private static void mergeInto(ObjectNode target, ObjectNode override) {
        for (var entry : override.properties()) {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject
                    && entry.getValue() instanceof ObjectNode overrideObject) {
                mergeInto(existingObject, overrideObject);
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }
}
