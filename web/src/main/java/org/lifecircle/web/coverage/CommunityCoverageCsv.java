package org.lifecircle.web.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the per-community coverage table as CSV that Excel opens with the Chinese names intact:
 * UTF-8 with a byte-order mark (without it Excel on a Chinese Windows reads the file as GBK) and
 * CRLF line ends (RFC 4180). Headers are bilingual, e.g. {@code 幼儿园 覆盖率% (kindergarten)}.
 */
final class CommunityCoverageCsv {
    static final String BYTE_ORDER_MARK = "\uFEFF";

    private CommunityCoverageCsv() {}

    static void write(CommunityCoverageTable table, Writer out) {
        List<String> header = new ArrayList<>(List.of("社区代码 code", "社区名称 name", "街道 subdistrict", "户数 households"));
        for (CommunityCoverageTable.TypeColumn type : table.types()) {
            header.add(type.nameZh() + " 覆盖户数 (" + type.code() + " covered households)");
            header.add(type.nameZh() + " 覆盖率% (" + type.code() + " covered %)");
        }
        header.add("不达标项 failed checks");
        header.add("缺数据项 checks without data");
        try {
            out.write(BYTE_ORDER_MARK);
            CSVPrinter printer = CSVFormat.RFC4180.builder().get().print(out);
            printer.printRecord(header);
            for (CommunityCoverageTable.Row row : table.rows()) {
                List<Object> record = new ArrayList<>(
                        List.of(row.code(), row.name(), nullToEmpty(row.subdistrictName()), row.households()));
                for (CommunityCoverageTable.TypeColumn type : table.types()) {
                    CommunityCoverageTable.TypeCell cell = row.coverage().get(type.code());
                    record.add(cell == null ? "" : cell.coveredHouseholds());
                    record.add(cell == null ? "" : String.format(Locale.ROOT, "%.2f", cell.coveredPercent()));
                }
                record.add(String.join("; ", row.failedChecks()));
                record.add(row.unknownChecks());
                printer.printRecord(record);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
