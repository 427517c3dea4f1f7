package org.lifecircle.web.importer;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.lifecircle.datasets.importer.ImportReport;

/** An import report for people on a terminal: per table counts, then rejections and warnings. */
final class ReportText {
    /** Rejections and warnings shown on a terminal; the JSON report lists them all. */
    private static final int SHOWN = 20;

    private ReportText() {}

    static void print(ImportReport report, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%s from %s: %s (%.1f s)%n",
                report.kind(),
                report.file(),
                report.committed() ? "stored" : "nothing stored, the database is unchanged",
                report.elapsedMillis() / 1000.0);
        TreeSet<String> tables = new TreeSet<>(report.rowsRead().keySet());
        tables.addAll(report.rowsLoaded().keySet());
        for (String table : tables) {
            long rejected = report.rejections().stream()
                    .filter(r -> r.table().equals(table))
                    .count();
            out.printf(
                    Locale.ROOT,
                    "  %-16s read %,d  loaded %,d  repaired %,d  rejected %,d%n",
                    table,
                    report.rowsRead().getOrDefault(table, 0L),
                    report.rowsLoaded().getOrDefault(table, 0L),
                    report.rowsRepaired().getOrDefault(table, 0L),
                    rejected);
        }
        if (!report.rejections().isEmpty()) {
            out.println("  rejected rows:");
            report.rejections().stream()
                    .limit(SHOWN)
                    .forEach(r -> out.printf(Locale.ROOT, "    %s row %d: %s%n", r.table(), r.row(), r.reason()));
            more(out, report.rejections().size());
        }
        if (!report.unmappedValues().isEmpty()) {
            out.println("  values without a mapping:");
            for (Map.Entry<String, Long> e : report.unmappedValues().entrySet()) {
                out.printf(Locale.ROOT, "    %s (%d rows)%n", e.getKey(), e.getValue());
            }
        }
        if (!report.warnings().isEmpty()) {
            out.println("  warnings:");
            report.warnings().stream().limit(SHOWN).forEach(w -> out.println("    " + w));
            more(out, report.warnings().size());
        }
    }

    private static void more(PrintStream out, int listed) {
        if (listed > SHOWN) {
            out.printf(Locale.ROOT, "    … %d more (--json lists them all)%n", listed - SHOWN);
        }
    }
}
