package org.lifecircle.web.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file prepared for GDAL's CSV driver: converted to UTF-8 when {@code --encoding} names
 * another encoding (GDAL reads CSV as UTF-8 only), its columns read from the header (GDAL itself
 * detects comma, semicolon or tab as separator), and its geometry
 * taken either from a WKT column or from a longitude and a latitude column, named by option or
 * found among the usual names. The columns are checked here because GDAL would silently read a CSV
 * without coordinates as rows without geometry.
 */
final class CsvSource {
    static final List<String> LON_NAMES = List.of("lon", "lng", "longitude", "long", "x", "经度");
    static final List<String> LAT_NAMES = List.of("lat", "latitude", "y", "纬度");
    static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "the_geom", "shape");

    private CsvSource() {}

    static SourceDataset prepare(Path csv, ImportOptions options, Path gdalFolder) {
        Path utf8;
        if (options.encoding() != null && !options.encoding().equals(StandardCharsets.UTF_8)) {
            utf8 = gdalFolder.resolve("source.csv");
            TextEncoding.transcodeToUtf8(csv, options.encoding(), utf8);
        } else {
            try (InputStream in = Files.newInputStream(csv)) {
                if (!TextEncoding.isUtf8(in)) {
                    throw new ImportFailedException(
                            csv.getFileName() + " is not UTF-8 text: give its encoding with --encoding (GBK for"
                                    + " most Chinese CSV files saved by Excel)",
                            null);
                }
            } catch (IOException e) {
                throw new ImportFailedException("Cannot read " + csv.getFileName() + ": " + e.getMessage(), null);
            }
            utf8 = SourceLocator.link(gdalFolder, csv, "source.csv");
        }
        String header = headerLine(utf8, csv);
        char separator = separator(header);
        List<String> columns = split(header, separator);
        List<String> openOptions = new ArrayList<>();
        openOptions.add("KEEP_GEOM_COLUMNS=NO");
        String wkt = options.geometryColumn() != null
                ? require(columns, options.geometryColumn(), ImportOptionParser.GEOMETRY_COLUMN)
                : options.lonColumn() != null ? null : find(columns, WKT_NAMES);
        if (wkt != null) {
            openOptions.add("GEOM_POSSIBLE_NAMES=" + wkt);
        } else {
            String lon = options.lonColumn() != null
                    ? require(columns, options.lonColumn(), ImportOptionParser.LON_COLUMN)
                    : find(columns, LON_NAMES);
            String lat = options.latColumn() != null
                    ? require(columns, options.latColumn(), ImportOptionParser.LAT_COLUMN)
                    : find(columns, LAT_NAMES);
            if (lon == null || lat == null) {
                throw new BadImportOptionException(
                        ImportOptionParser.LON_COLUMN,
                        "The CSV has no coordinate columns (looked for " + String.join("/", LON_NAMES) + " and "
                                + String.join("/", LAT_NAMES) + ", or WKT in " + String.join("/", WKT_NAMES)
                                + "); name them with --lon-column and --lat-column or --geometry-column; columns: "
                                + String.join(", ", columns));
            }
            openOptions.add("X_POSSIBLE_NAMES=" + lon);
            openOptions.add("Y_POSSIBLE_NAMES=" + lat);
        }
        return new SourceDataset(
                utf8, SourceFormat.CSV, openOptions, csv.getFileName().toString());
    }

    private static String headerLine(Path utf8, Path original) {
        try (BufferedReader reader = Files.newBufferedReader(utf8, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                throw new ImportFailedException(original.getFileName() + " has no header line", null);
            }
            return line.startsWith("\uFEFF") ? line.substring(1) : line;
        } catch (IOException e) {
            throw new ImportFailedException("Cannot read " + original.getFileName() + ": " + e.getMessage(), null);
        }
    }

    /** The most frequent of comma, semicolon and tab in the header. */
    static char separator(String header) {
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long count = header.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    /** Header fields, with double quotes removed ({@code "a,b"} is one field). */
    static List<String> split(String header, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < header.length() && header.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }

    private static String find(List<String> columns, List<String> names) {
        for (String name : names) {
            for (String column : columns) {
                if (column.equalsIgnoreCase(name)) {
                    return column;
                }
            }
        }
        return null;
    }

    private static String require(List<String> columns, String name, String option) {
        for (String column : columns) {
            if (column.equals(name)) {
                return column;
            }
        }
        for (String column : columns) {
            if (column.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return column;
            }
        }
        throw new BadImportOptionException(
                option, "The CSV has no column '" + name + "'; columns: " + String.join(", ", columns));
    }
}
