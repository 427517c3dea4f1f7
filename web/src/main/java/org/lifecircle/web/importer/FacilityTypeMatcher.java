package org.lifecircle.web.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the catalog facility type for a value in a file. Tried in order: the {@code --type-map}
 * pairs, the catalog's codes ({@code kindergarten}), its Chinese names ({@code 幼儿园}) and its
 * English names, all ignoring case and surrounding spaces. Not thread-safe (one per run).
 */
final class FacilityTypeMatcher {
    /** One catalog type as the {@code facility_type} table holds it. */
    record CatalogType(String code, String nameZh, String nameEn) {}

    private final Map<String, String> codeByValue = new HashMap<>();
    private final String fixedType;

    /**
     * @throws BadImportOptionException when {@code fixedType} or a {@code typeValues} target is no
     *     catalog code
     */
    FacilityTypeMatcher(List<CatalogType> catalog, Map<String, String> typeValues, String fixedType) {
        TreeSet<String> codes = new TreeSet<>();
        for (CatalogType type : catalog) {
            codes.add(type.code());
        }
        if (fixedType != null && !codes.contains(fixedType)) {
            throw new BadImportOptionException(
                    ImportOptionParser.TYPE,
                    "Unknown facility type '" + fixedType + "'; types: " + String.join(", ", codes));
        }
        this.fixedType = fixedType;
        for (CatalogType type : catalog) {
            codeByValue.putIfAbsent(key(type.nameEn()), type.code());
            codeByValue.putIfAbsent(key(type.nameZh()), type.code());
        }
        for (CatalogType type : catalog) {
            codeByValue.put(key(type.code()), type.code());
        }
        typeValues.forEach((value, code) -> {
            if (!codes.contains(code)) {
                throw new BadImportOptionException(
                        ImportOptionParser.TYPE_MAP,
                        "type-map maps '" + value + "' to unknown type '" + code + "'; types: "
                                + String.join(", ", codes));
            }
            codeByValue.put(key(value), code);
        });
    }

    /** The type code for a file value, or {@code null} when nothing matches. */
    String match(String value) {
        if (fixedType != null) {
            return fixedType;
        }
        return value == null ? null : codeByValue.get(key(value));
    }

    boolean fixed() {
        return fixedType != null;
    }

    private static String key(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }
}
