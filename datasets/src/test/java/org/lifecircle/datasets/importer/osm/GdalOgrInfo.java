package org.lifecircle.datasets.importer.osm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs GDAL's {@code ogrinfo} (Debian package gdal-bin, OSM driver, SQLite dialect with SpatiaLite)
 * as an independent reading of an OSM file. Fails, never skips, when GDAL is missing.
 */
final class GdalOgrInfo {
    private static final Pattern FIELD = Pattern.compile("^\\s+(\\w+) \\((?:Integer|Integer64|Real|String)\\) = (.*)$");
    private static final long TIMEOUT_SECONDS = 120;

    private GdalOgrInfo() {}

    /** The fields of the single row a SQLite-dialect query returns, by name. */
    static Map<String, String> queryOneRow(Path file, String sql) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("ogrinfo", "-ro", "-q", "-dialect", "SQLite", "-sql", sql, file.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "GDAL's ogrinfo is needed as the independent check of the OSM import:"
                            + " install Debian's gdal-bin (scripts/test.sh does)",
                    e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ogrinfo did not finish in " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("ogrinfo failed (exit " + process.exitValue() + "):\n" + output);
        }
        Map<String, String> fields = new TreeMap<>();
        for (String line : output.split("\n")) {
            Matcher matcher = FIELD.matcher(line);
            if (matcher.matches()) {
                fields.put(matcher.group(1), matcher.group(2).trim());
            }
        }
        if (fields.isEmpty()) {
            throw new AssertionError("ogrinfo returned no fields for " + sql + ":\n" + output);
        }
        return fields;
    }
}
