package org.lifecircle.web.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test files made on the spot: GeoJSON written here, other formats converted from it with the real
 * {@code ogr2ogr}, zips written entry by entry (including hostile ones). Nothing binary is kept in
 * the repository.
 */
final class ImportFixtures {
    private ImportFixtures() {}

    /** A feature with properties (text values become JSON strings, numbers stay numbers) and a geometry. */
    static String feature(Map<String, Object> properties, String geometryJson) {
        String props = properties.entrySet().stream()
                .map(e -> json(e.getKey()) + ":" + (e.getValue() instanceof String s ? json(s) : e.getValue()))
                .collect(Collectors.joining(","));
        return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + geometryJson + "}";
    }

    /** A JSON string literal. */
    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String square(double lon, double lat, double sizeDegrees) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon,
                lat,
                lon + sizeDegrees,
                lat,
                lon + sizeDegrees,
                lat + sizeDegrees,
                lon,
                lat + sizeDegrees,
                lon,
                lat);
    }

    /** A self-intersecting "bow tie" polygon over the square. */
    static String bowTie(double lon, double lat, double sizeDegrees) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon,
                lat,
                lon + sizeDegrees,
                lat + sizeDegrees,
                lon + sizeDegrees,
                lat,
                lon,
                lat + sizeDegrees,
                lon,
                lat);
    }

    static String point(double x, double y) {
        return String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%s,%s]}", x, y);
    }

    static Path geojson(Path file, List<String> features) {
        return write(
                file,
                "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",\n", features) + "]}",
                StandardCharsets.UTF_8);
    }

    static Path write(Path file, String text, Charset charset) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, charset);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the real ogr2ogr; fails the test when it fails. */
    static void ogr2ogr(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ogr2ogr"));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ogr2ogr " + command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every file under {@code folder}, zipped with paths relative to {@code base}. */
    static Path zip(Path zip, Path base, Path folderOrFile) {
        try (Stream<Path> files = Files.walk(folderOrFile);
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(base.relativize(file).toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with the given entry names and contents, written as they are (hostile names included). */
    static Path zipEntries(Path zip, Map<String, byte[]> entries) {
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of every table an import may touch, to prove a failed import changed nothing. */
    record Counts(long communityVersions, long currentCommunities, long facilities, long cells, long loads) {
        static Counts of(JdbcTemplate jdbc) {
            return jdbc.queryForObject(
                    """
                    SELECT (SELECT COUNT(*) FROM community), (SELECT COUNT(*) FROM community WHERE valid_to IS NULL),
                           (SELECT COUNT(*) FROM facility), (SELECT COUNT(*) FROM population_cell),
                           (SELECT COUNT(*) FROM dataset_load)
                    """,
                    (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }
    }
}
