package org.lifecircle.web.importer;

import java.util.List;
import java.util.Set;
import org.lifecircle.datasets.DatasetSink;
import org.locationtech.jts.geom.Geometry;

/**
 * What one kind of file import writes: its table, the fields it reads and how a checked row
 * becomes a domain record.
 *
 * @param <T> the domain record ({@code Community}, {@code Facility}, {@code PopulationCell})
 */
interface ImportTarget<T> {
    /** {@code communities}, {@code facilities} or {@code population}. */
    String kind();

    /** The table written, as the store and the report name it. */
    String table();

    Set<ImportField> fields();

    Set<ImportField> required(ImportOptions options);

    /** A mapper for one run; it may keep state (codes seen, counts for closing warnings). */
    RowMapper<T> mapper(ImportOptions options, RunNotes notes, String source);

    void write(DatasetSink sink, List<T> rows);

    /** Turns checked rows into records. Not thread-safe. */
    interface RowMapper<T> {
        /**
         * @param geometry the row's geometry, in China, valid or repaired
         */
        T map(StagedRow row, Geometry geometry) throws RowRejectedException;

        /** Called after the last row: closing warnings. */
        default void finish() {}
    }
}
