package org.lifecircle.web.importer;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of the file holds which field: the column an option names, else the first of the
 * field's {@link ImportField#defaultColumns() usual names} the file has (case-insensitive). A named
 * column that does not exist, or a required field without a column, is a {@link
 * BadImportOptionException} that lists the file's columns.
 */
final class ColumnMapping {
    private ColumnMapping() {}

    /**
     * @param available the file's columns
     * @param explicit columns named by options
     * @param fields the fields this kind of import reads
     * @param required those it cannot do without
     */
    static Map<ImportField, String> resolve(
            List<String> available,
            Map<ImportField, String> explicit,
            Set<ImportField> fields,
            Set<ImportField> required,
            String kind) {
        for (ImportField field : explicit.keySet()) {
            if (!fields.contains(field)) {
                throw new BadImportOptionException(field.option(), field.option() + " does not apply to " + kind);
            }
        }
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        for (ImportField field : fields) {
            String named = explicit.get(field);
            String column = named != null ? find(available, List.of(named)) : find(available, field.defaultColumns());
            if (named != null && column == null) {
                throw new BadImportOptionException(
                        field.option(),
                        "The file has no column '" + named + "'; its columns: " + String.join(", ", available));
            }
            if (column == null && required.contains(field)) {
                throw new BadImportOptionException(
                        field.option(),
                        "No " + field.label() + " column found (looked for " + String.join(", ", field.defaultColumns())
                                + "); name it with --" + field.option() + "; the file's columns: "
                                + String.join(", ", available));
            }
            if (column != null) {
                mapping.put(field, column);
            }
        }
        return mapping;
    }

    /** Exact name first, then ignoring case. */
    private static String find(List<String> available, List<String> names) {
        for (String name : names) {
            if (available.contains(name)) {
                return name;
            }
        }
        for (String name : names) {
            for (String column : available) {
                if (column.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return column;
                }
            }
        }
        return null;
    }
}
