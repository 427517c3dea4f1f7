package org.lifecircle.datasets.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an import did, table by table: rows read, loaded, repaired and rejected (each rejection with
 * its reason), values no mapping knew, and warnings a planner should read (for example: a network
 * and population but no community boundaries). The same report goes to the command line and, as
 * JSON, to the upload endpoint.
 *
 * @param kind {@code osm}, {@code communities}, {@code facilities} or {@code population}
 * @param file the file imported, as the user named it
 * @param committed whether the rows were stored; {@code false} means the database is unchanged
 * @param elapsedMillis wall time of the import
 */
public record ImportReport(
        String kind,
        String file,
        boolean committed,
        Map<String, Long> rowsRead,
        Map<String, Long> rowsLoaded,
        Map<String, Long> rowsRepaired,
        List<Rejection> rejections,
        Map<String, Long> unmappedValues,
        List<String> warnings,
        long elapsedMillis) {

    /** A row left out, with why. {@code row} counts from 1 in the source's own order. */
    public record Rejection(String table, long row, String reason) {}

    public ImportReport {
        Objects.requireNonNull(kind, "kind");
        rowsRead = Map.copyOf(rowsRead);
        rowsLoaded = Map.copyOf(rowsLoaded);
        rowsRepaired = Map.copyOf(rowsRepaired);
        rejections = List.copyOf(rejections);
        unmappedValues = Map.copyOf(unmappedValues);
        warnings = List.copyOf(warnings);
    }

    /** Collects a report while an import runs. Not thread-safe. */
    public static final class Builder {
        private final String kind;
        private final String file;
        private final long startedNanos = System.nanoTime();
        private final Map<String, Long> read = new TreeMap<>();
        private final Map<String, Long> loaded = new TreeMap<>();
        private final Map<String, Long> repaired = new TreeMap<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final Map<String, Long> unmapped = new TreeMap<>();
        private final List<String> warnings = new ArrayList<>();

        public Builder(String kind, String file) {
            this.kind = kind;
            this.file = file;
        }

        public Builder read(String table, long rows) {
            read.merge(table, rows, Long::sum);
            return this;
        }

        public Builder loaded(String table, long rows) {
            loaded.merge(table, rows, Long::sum);
            return this;
        }

        public Builder repaired(String table, long rows) {
            repaired.merge(table, rows, Long::sum);
            return this;
        }

        public Builder rejected(String table, long row, String reason) {
            rejections.add(new Rejection(table, row, reason));
            return this;
        }

        public Builder unmapped(String value) {
            unmapped.merge(value, 1L, Long::sum);
            return this;
        }

        public Builder warning(String text) {
            warnings.add(text);
            return this;
        }

        public ImportReport build(boolean committed) {
            return new ImportReport(
                    kind,
                    file,
                    committed,
                    read,
                    loaded,
                    repaired,
                    rejections,
                    unmapped,
                    warnings,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }
}
