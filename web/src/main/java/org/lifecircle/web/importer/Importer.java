package org.lifecircle.web.importer;

import java.nio.file.Path;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.importer.ImportReport;

/**
 * Imports one kind of data from a file into the database, all or nothing. Every Spring bean of
 * this type is offered by {@code lifecircle import KIND FILE}, by {@code scripts/import.sh} and by
 * {@code POST /api/imports/{kind}}; an OpenStreetMap importer plugs in by being one more bean.
 */
public interface Importer {

    /** {@code communities}, {@code facilities}, {@code population}, {@code osm}. */
    String kind();

    /**
     * @param file the file as the user gave it; its name goes into the report
     * @return the report; {@link ImportReport#committed()} {@code false} when no row could be stored
     *     (all rejected, or rejections under {@code --strict}), the database then being unchanged
     * @throws BadImportOptionException an option cannot be used (nothing stored)
     * @throws ImportFailedException the file cannot be imported (nothing stored)
     */
    ImportReport run(Path file, ImportOptions options, ProgressListener progress);
}
