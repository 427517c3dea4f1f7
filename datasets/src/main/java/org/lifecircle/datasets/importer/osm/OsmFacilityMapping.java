package org.lifecircle.datasets.importer.osm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lifecircle.core.standards.StandardsCatalog;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rules from OSM tags to catalog facility types, loaded from a data file ({@value #DEFAULT_RESOURCE}
 * beside this class documents the format and each mapping choice). The first rule whose tags match
 * wins. Loading checks every rule: unknown fields, empty tag lists, bad regular expressions and type
 * codes the standards catalog lacks are errors naming the rule.
 *
 * <p>Immutable and thread-safe.
 */
public final class OsmFacilityMapping {
    /** The mapping shipped with lifecircle. */
    public static final String DEFAULT_RESOURCE = "osm-facility-mapping.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final String ANY_VALUE = "*";
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("nameKeys", "countUnmappedKeys", "skipWhen", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("tags", "nameMatches", "type");

    /**
     * One rule.
     *
     * @param number position in the file, from 1
     * @param tags key → accepted values ({@value #ANY_VALUE} for any), all keys must match
     * @param nameMatches found in one of the name keys' values, {@code null} for any name
     * @param typeCode the catalog facility type
     */
    public record Rule(int number, Map<String, Set<String>> tags, Pattern nameMatches, String typeCode) {
        public Rule {
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        /** The rule's first tag as written, e.g. {@code amenity=school} or {@code shop=[supermarket, …]}. */
        public String label() {
            var first = tags.entrySet().iterator().next();
            Set<String> values = first.getValue();
            return first.getKey() + "="
                    + (values.size() == 1 ? values.iterator().next() : values.toString());
        }
    }

    /**
     * A feature's match.
     *
     * @param rule the rule that matched
     * @param osmTag the feature's own value of the rule's first key, e.g. {@code shop=greengrocer}
     */
    record Match(Rule rule, String osmTag) {}

    private final List<Rule> rules;
    private final List<String> nameKeys;
    private final Set<String> countUnmappedKeys;
    private final Map<String, Set<String>> skipWhen;

    private OsmFacilityMapping(
            List<Rule> rules, List<String> nameKeys, Set<String> countUnmappedKeys, Map<String, Set<String>> skipWhen) {
        this.rules = List.copyOf(rules);
        this.nameKeys = List.copyOf(nameKeys);
        this.countUnmappedKeys = Collections.unmodifiableSet(new LinkedHashSet<>(countUnmappedKeys));
        this.skipWhen = Map.copyOf(skipWhen);
    }

    /** The shipped mapping, checked against a catalog. */
    public static OsmFacilityMapping defaults(StandardsCatalog catalog) {
        try (InputStream in = OsmFacilityMapping.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return load(in, DEFAULT_RESOURCE, catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A mapping read from YAML and checked against a catalog.
     *
     * @param sourceName named in error messages
     * @throws IllegalArgumentException naming the file and rule when the mapping is malformed or
     *     names a facility type the catalog lacks
     */
    public static OsmFacilityMapping load(InputStream yaml, String sourceName, StandardsCatalog catalog) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(catalog, "catalog");
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "Facility mapping " + sourceName + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Facility mapping " + sourceName + " must be a YAML mapping");
        }
        for (String field : root.propertyNames()) {
            if (!TOP_LEVEL_FIELDS.contains(field)) {
                throw new IllegalArgumentException("Facility mapping " + sourceName + " has unknown field '" + field
                        + "'; known: " + TOP_LEVEL_FIELDS);
            }
        }
        List<String> nameKeys = new ArrayList<>(strings(root.get("nameKeys"), sourceName + " nameKeys"));
        if (nameKeys.isEmpty()) {
            nameKeys.add("name");
        }
        Set<String> countUnmapped = strings(root.get("countUnmappedKeys"), sourceName + " countUnmappedKeys");
        Map<String, Set<String>> skipWhen = tagMap(root.get("skipWhen"), sourceName + " skipWhen", true);
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            throw new IllegalArgumentException("Facility mapping " + sourceName + " needs a non-empty list 'rules'");
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode ruleNode : rulesNode) {
            rules.add(rule(ruleNode, rules.size() + 1, sourceName, catalog));
        }
        return new OsmFacilityMapping(rules, nameKeys, countUnmapped, skipWhen);
    }

    private static Rule rule(JsonNode node, int number, String sourceName, StandardsCatalog catalog) {
        String where = "Facility mapping " + sourceName + " rule " + number;
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping with tags and type");
        }
        for (String field : node.propertyNames()) {
            if (!RULE_FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + " has unknown field '" + field + "'; known: " + RULE_FIELDS);
            }
        }
        Map<String, Set<String>> tags = tagMap(node.get("tags"), where + " tags", false);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException(where + " needs at least one tag");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isString() || typeNode.asString().isBlank()) {
            throw new IllegalArgumentException(where + " needs a facility type code in 'type'");
        }
        String type = typeNode.asString();
        if (!catalog.facilityTypes().containsKey(type)) {
            throw new IllegalArgumentException(where + " (" + tags + ") maps to facility type '" + type
                    + "', which the standards catalog '" + catalog.name() + "' lacks; known types: "
                    + catalog.facilityTypes().keySet());
        }
        Pattern nameMatches = null;
        JsonNode nameNode = node.get("nameMatches");
        if (nameNode != null) {
            try {
                nameMatches = Pattern.compile(nameNode.asString());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + " has an invalid nameMatches pattern: " + e.getMessage(), e);
            }
        }
        return new Rule(number, tags, nameMatches, type);
    }

    private static Map<String, Set<String>> tagMap(JsonNode node, String where, boolean optional) {
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            if (optional) {
                return tags;
            }
            throw new IllegalArgumentException(where + " are missing");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must map OSM keys to a value or a list of values");
        }
        for (var entry : node.properties()) {
            Set<String> values = strings(entry.getValue(), where + " " + entry.getKey());
            if (values.isEmpty()) {
                throw new IllegalArgumentException(where + " give no value for key " + entry.getKey());
            }
            tags.put(entry.getKey(), values);
        }
        return tags;
    }

    private static Set<String> strings(JsonNode node, String where) {
        Set<String> values = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                values.add(scalar(item, where));
            }
        } else {
            values.add(scalar(node, where));
        }
        return values;
    }

    private static String scalar(JsonNode node, String where) {
        // YAML reads an unquoted no as a string but 1 or true as numbers and booleans; take their text.
        if (!node.isValueNode()) {
            throw new IllegalArgumentException(where + ": expected a value or a list of values, got " + node);
        }
        return node.asString();
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Keys whose unmatched values are counted, e.g. {@code amenity}. */
    public Set<String> countUnmappedKeys() {
        return countUnmappedKeys;
    }

    /** The catalog type of a feature with these tags, {@code null} when no rule matches. */
    public String typeFor(Map<String, String> tags) {
        Match match = match(OsmTags.of(tags));
        return match == null ? null : match.rule().typeCode();
    }

    /** The first matching rule, {@code null} when none matches. */
    Match match(OsmTags tags) {
        for (Rule rule : rules) {
            if (matches(rule, tags)) {
                String key = rule.tags().keySet().iterator().next();
                return new Match(rule, key + "=" + tags.get(key));
            }
        }
        return null;
    }

    private boolean matches(Rule rule, OsmTags tags) {
        for (var tag : rule.tags().entrySet()) {
            String value = tags.get(tag.getKey());
            if (value == null
                    || !(tag.getValue().contains(ANY_VALUE) || tag.getValue().contains(value))) {
                return false;
            }
        }
        if (rule.nameMatches() == null) {
            return true;
        }
        for (String key : nameKeys) {
            String name = tags.get(key);
            if (name != null && rule.nameMatches().matcher(name).find()) {
                return true;
            }
        }
        return false;
    }

    /** {@code key=value} of the first counted key an unmatched feature carries, {@code null} when none. */
    String unmappedValue(OsmTags tags) {
        for (String key : countUnmappedKeys) {
            String value = tags.get(key);
            if (value != null) {
                return key + "=" + value;
            }
        }
        return null;
    }

    /** Why a matched feature is left out ({@code access=private}), {@code null} when it is kept. */
    String skipReason(OsmTags tags) {
        for (var tag : skipWhen.entrySet()) {
            String value = tags.get(tag.getKey());
            if (value != null
                    && (tag.getValue().contains(ANY_VALUE) || tag.getValue().contains(value))) {
                return tag.getKey() + "=" + value;
            }
        }
        return null;
    }

    /** The feature's name from the first name key present, {@code null} when unnamed. */
    String nameOf(OsmTags tags) {
        for (String key : nameKeys) {
            String name = tags.get(key);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }
}
