package org.lifecircle.web.importer;

import org.lifecircle.datasets.importer.ImportReport;

/**
 * The report of one import while it runs. Lists at most {@link #MAX_LISTED} rejections and
 * warnings each, so a file of a million bad rows gives a report a person can read; the counts stay
 * exact and a closing warning says how many were not listed. Not thread-safe.
 */
final class RunNotes {
    static final int MAX_LISTED = 1000;

    private final ImportReport.Builder report;
    private long rejections;
    private long warnings;

    RunNotes(String kind, String file) {
        this.report = new ImportReport.Builder(kind, file);
    }

    void read(String table, long rows) {
        report.read(table, rows);
    }

    void loaded(String table, long rows) {
        report.loaded(table, rows);
    }

    void warning(String text) {
        warnings++;
        if (warnings <= MAX_LISTED) {
            report.warning(text);
        }
    }

    void rejected(String table, long row, String reason) {
        rejections++;
        if (rejections <= MAX_LISTED) {
            report.rejected(table, row, reason);
        }
    }

    /** A row whose geometry was repaired: counted, and a warning that names it and what was wrong. */
    void repaired(String table, long row, String invalidReason) {
        report.repaired(table, 1);
        warning("row " + row + ": invalid geometry (" + invalidReason + ") repaired with ST_MakeValid");
    }

    void unmapped(String value) {
        report.unmapped(value);
    }

    long rejectedCount() {
        return rejections;
    }

    ImportReport build(boolean committed) {
        if (rejections > MAX_LISTED) {
            report.warning((rejections - MAX_LISTED) + " more rejected rows are not listed");
        }
        if (warnings > MAX_LISTED) {
            report.warning((warnings - MAX_LISTED) + " more warnings are not listed");
        }
        return report.build(committed);
    }
}
