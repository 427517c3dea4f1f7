package org.lifecircle.web.importer;

import org.lifecircle.datasets.importer.ImportReport;

/**
 * An import that stored nothing: the file cannot be read (empty, unsafe zip, missing Shapefile
 * part, no features) or the load failed. The database is as it was. The command line exits with 1;
 * the upload endpoint answers 422, or 503 when the server lacks what it needs ({@link #serverSide}).
 */
public class ImportFailedException extends RuntimeException {
    private final transient ImportReport report;
    private final boolean serverSide;

    ImportFailedException(String message, ImportReport report) {
        this(message, report, false, null);
    }

    ImportFailedException(String message, ImportReport report, boolean serverSide, Throwable cause) {
        super(message, cause);
        this.report = report;
        this.serverSide = serverSide;
    }

    /** What the import had found out when it stopped; {@code null} when it stopped before reading. */
    public ImportReport report() {
        return report;
    }

    /** The server, not the file, is at fault (GDAL missing, database unreachable). */
    public boolean serverSide() {
        return serverSide;
    }
}
