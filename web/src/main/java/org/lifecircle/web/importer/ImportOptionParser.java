package org.lifecircle.web.importer;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Turns option names and values, the same for the command line ({@code --source-crs=gcj02}) and the
 * upload form (field {@code source-crs}), into {@link ImportOptions}. Every problem is a {@link
 * BadImportOptionException} naming the option.
 */
final class ImportOptionParser {
    static final String SOURCE_CRS = "source-crs";
    static final String ENCODING = "encoding";
    static final String INVALID = "invalid";
    static final String LAYER = "layer";
    static final String LON_COLUMN = "lon-column";
    static final String LAT_COLUMN = "lat-column";
    static final String GEOMETRY_COLUMN = "geometry-column";
    static final String TYPE = "type";
    static final String TYPE_MAP = "type-map";
    static final String APPEND = "append";
    static final String STRICT = "strict";

    /** Options that are flags: present means on ({@code true}, {@code yes}, {@code 1} or empty). */
    static final List<String> FLAGS = List.of(APPEND, STRICT);

    private ImportOptionParser() {}

    /** Every option name, for usage texts and error messages. */
    static List<String> names() {
        List<String> names = new ArrayList<>(
                List.of(SOURCE_CRS, ENCODING, INVALID, LAYER, LON_COLUMN, LAT_COLUMN, GEOMETRY_COLUMN, TYPE, TYPE_MAP));
        for (ImportField field : ImportField.values()) {
            names.add(field.option());
        }
        names.addAll(FLAGS);
        return List.copyOf(names);
    }

    /**
     * @param values option name (no dashes) → value; blank values count as absent, except for flags
     */
    static ImportOptions parse(Map<String, String> values) {
        Map<String, String> rest = new LinkedHashMap<>(values);
        for (String name : values.keySet()) {
            if (!names().contains(name)) {
                throw new BadImportOptionException(
                        name, "unknown option '" + name + "'; options: " + String.join(", ", new TreeSet<>(names())));
            }
        }
        SourceCrs crs = SourceCrs.FILE;
        String crsText = take(rest, SOURCE_CRS);
        if (crsText != null) {
            crs = guard(SOURCE_CRS, () -> SourceCrs.parse(crsText));
        }
        Charset encoding = encoding(take(rest, ENCODING));
        InvalidGeometryPolicy invalid = InvalidGeometryPolicy.REPAIR;
        String invalidText = take(rest, INVALID);
        if (invalidText != null) {
            invalid = switch (invalidText.trim().toLowerCase(Locale.ROOT)) {
                case "repair" -> InvalidGeometryPolicy.REPAIR;
                case "reject" -> InvalidGeometryPolicy.REJECT;
                default ->
                    throw new BadImportOptionException(
                            INVALID, "invalid must be repair or reject, got '" + invalidText + "'");
            };
        }
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            String column = take(rest, field.option());
            if (column != null) {
                columns.put(field, column);
            }
        }
        String type = take(rest, TYPE);
        Map<String, String> typeValues = typeMap(take(rest, TYPE_MAP));
        String layer = take(rest, LAYER);
        String lon = take(rest, LON_COLUMN);
        String lat = take(rest, LAT_COLUMN);
        String geometry = take(rest, GEOMETRY_COLUMN);
        boolean append = flag(values, APPEND);
        boolean strict = flag(values, STRICT);
        if ((lon == null) != (lat == null)) {
            throw new BadImportOptionException(
                    lon == null ? LON_COLUMN : LAT_COLUMN, "lon-column and lat-column go together");
        }
        if (type != null && columns.containsKey(ImportField.TYPE)) {
            throw new BadImportOptionException(
                    TYPE, "give either type (one type for every row) or type-column, not both");
        }
        return new ImportOptions(
                crs,
                encoding,
                invalid,
                layer,
                columns,
                lon,
                lat,
                geometry,
                type == null ? null : type.toLowerCase(Locale.ROOT),
                typeValues,
                append,
                strict);
    }

    private static String take(Map<String, String> values, String name) {
        String value = values.remove(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean flag(Map<String, String> values, String name) {
        if (!values.containsKey(name)) {
            return false;
        }
        String value = values.get(name) == null ? "" : values.get(name).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default ->
                throw new BadImportOptionException(name, name + " is a flag: true or false, got '" + value + "'");
        };
    }

    private static Charset encoding(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadImportOptionException(
                    ENCODING, "unknown encoding '" + name + "'; for Chinese files usually GBK, GB18030 or UTF-8");
        }
    }

    /** {@code 幼儿园=kindergarten,菜市场=market}: file value → facility type code. */
    private static Map<String, String> typeMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        for (String pair : text.split("[,;，；]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new BadImportOptionException(
                        TYPE_MAP, "type-map takes value=code pairs separated by commas, got '" + pair.trim() + "'");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
        }
        return map;
    }

    private static <T> T guard(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new BadImportOptionException(option, e.getMessage());
        }
    }
}
