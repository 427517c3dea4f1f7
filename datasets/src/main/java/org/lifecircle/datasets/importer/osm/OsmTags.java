package org.lifecircle.datasets.importer.osm;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The tags of one OSM element as a flat key/value array; elements carry a handful of tags, so a
 * linear scan beats a hash map in both time and memory. Immutable.
 */
final class OsmTags {
    static final OsmTags NONE = new OsmTags(new String[0]);

    private final String[] keysAndValues;

    /** @param keysAndValues key, value, key, value, …; owned by the new instance */
    OsmTags(String[] keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come in key/value pairs");
        }
        this.keysAndValues = keysAndValues;
    }

    /** Tags from a map, in its iteration order (for tests and small fixtures). */
    static OsmTags of(Map<String, String> tags) {
        String[] flat = new String[tags.size() * 2];
        int i = 0;
        for (var entry : tags.entrySet()) {
            flat[i++] = entry.getKey();
            flat[i++] = entry.getValue();
        }
        return new OsmTags(flat);
    }

    /** The value of a key, {@code null} when absent. */
    String get(String key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i].equals(key)) {
                return keysAndValues[i + 1];
            }
        }
        return null;
    }

    boolean is(String key, String value) {
        return value.equals(get(key));
    }

    /** Whether the key is present with one of the values. */
    boolean isAnyOf(String key, Set<String> values) {
        String value = get(key);
        return value != null && values.contains(value);
    }

    /**
     * Whether a key is present with a value other than {@code no}: how OSM spells a yes/no property
     * that may carry a kind instead of {@code yes} ({@code bridge=viaduct}, {@code tunnel=culvert}).
     */
    boolean isSet(String key) {
        String value = get(key);
        return value != null && !value.equals("no");
    }

    boolean isEmpty() {
        return keysAndValues.length == 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(keysAndValues);
    }
}
