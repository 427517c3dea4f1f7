package org.lifecircle.web.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.web.fuzz.ByteMutator;
import org.lifecircle.web.fuzz.Fuzzing;
import org.lifecircle.web.fuzz.OddValues;

/**
 * The importer's own parsers fed damaged input without a server: each either reads it or refuses it
 * with its documented exception ({@link ImportFailedException}, {@link BadImportOptionException},
 * {@link RowRejectedException}), never a {@code NullPointerException}, an index out of bounds or
 * minutes of work. Seeds and tries are fixed ({@link Fuzzing}).
 */
class ImportParsersFuzzTest {
    private static final long SEED = 20_260_724L;
    private static final String CSV =
            "name,lon,lat,type,households\n甲,118.78,32.04,幼儿园,120\n\"乙, 二\",118.79,32.05,小学,80\n";
    private static final String GEOJSON = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"name\":\"甲\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[118.78,32.04]}}]}";
    private static final String OGRINFO = """
            INFO: Open of `source.geojson'
                  using driver `GeoJSON' successful.

            Layer name: source
            Geometry: Point
            Feature Count: 2
            Extent: (118.780000, 32.040000) - (118.790000, 32.050000)
            Layer SRS WKT:
            GEOGCRS["WGS 84",
                ID["EPSG",4326]]
            Data axis to CRS axis mapping: 2,1
            name: String (0.0)
            households: Integer (0.0)
            """;
    /**
     * Longest a single number may take to read, with room for a busy CI machine: rounding 1e-9999999
     * as it was took eleven seconds, a cell of 100,000 digits half a second.
     */
    private static final long MAX_NUMBER_NANOS = 300_000_000L;

    @TempDir
    Path dir;

    @Test
    void csvFilesOfAnyBytesAreReadOrRefusedWithAReason() throws IOException {
        Fuzzing fuzzing = Fuzzing.of("ImportParsersFuzzTest.csv", SEED, 300);
        Random random = fuzzing.random();
        ByteMutator bytes = new ByteMutator(random);
        for (int attempt = 0; attempt < fuzzing.tries(); attempt++) {
            byte[] content = random.nextInt(4) == 0
                    ? bytes.randomBytes(300)
                    : bytes.mutate(CSV.getBytes(StandardCharsets.UTF_8));
            Path folder = Files.createDirectories(dir.resolve("csv-" + attempt));
            Path csv = Files.write(folder.resolve("x.csv"), content);
            Path gdal = Files.createDirectories(folder.resolve("gdal"));
            ImportOptions options = options(random);
            try {
                CsvSource.prepare(csv, options, gdal);
                fuzzing.outcome("read");
            } catch (ImportFailedException | BadImportOptionException e) {
                fuzzing.outcome(e.getClass().getSimpleName());
            } catch (RuntimeException e) {
                fuzzing.finding(attempt, new String(content, StandardCharsets.UTF_8) + " " + options, e.toString());
            }
        }
        fuzzing.assertNone();
    }

    @Test
    void zipsOfAnyShapeExtractInsideTheirFolderOrAreRefused() throws IOException {
        Fuzzing fuzzing = Fuzzing.of("ImportParsersFuzzTest.zip", SEED, 120);
        Random random = fuzzing.random();
        CorruptImports corrupt = new CorruptImports(random);
        ByteMutator bytes = new ByteMutator(random);
        ImportSamples.Sample csv = new ImportSamples.Sample("x.csv", CSV.getBytes(StandardCharsets.UTF_8));
        byte[] valid = CorruptImports.zip(
                Map.of("x.csv", csv.content(), "y.geojson", GEOJSON.getBytes(StandardCharsets.UTF_8)));
        for (int attempt = 0; attempt < fuzzing.tries(); attempt++) {
            byte[] content = switch (random.nextInt(3)) {
                case 0 -> corrupt.hostileZip(csv);
                case 1 -> corrupt.damagedEntries(valid);
                default -> bytes.mutate(valid);
            };
            Path folder = Files.createDirectories(dir.resolve("zip-" + attempt));
            Path zip = Files.write(folder.resolve("x.zip"), content);
            Path target = Files.createDirectories(folder.resolve("unzipped"));
            try {
                List<Path> files = SafeUnzip.extract(zip, target, new ZipLimits(10_000, 10_000_000));
                fuzzing.outcome("extracted");
                if (!files.stream().allMatch(f -> f.toAbsolutePath().normalize().startsWith(target))) {
                    fuzzing.finding(attempt, files.toString(), "extracted outside its folder");
                }
            } catch (ImportFailedException e) {
                fuzzing.outcome("refused");
            } catch (RuntimeException e) {
                fuzzing.finding(attempt, new String(content, StandardCharsets.ISO_8859_1), e.toString());
            }
            try (Stream<Path> beside = Files.list(folder)) {
                List<Path> written =
                        beside.filter(p -> !p.equals(zip) && !p.equals(target)).toList();
                if (!written.isEmpty()) {
                    fuzzing.finding(attempt, "zip", "wrote beside its folder: " + written);
                }
            }
        }
        fuzzing.assertNone();
    }

    @Test
    void importOptionsOfAnyValueParseOrNameTheBadOption() {
        Fuzzing fuzzing = Fuzzing.of("ImportParsersFuzzTest.options", SEED, 2000);
        Random random = fuzzing.random();
        for (int attempt = 0; attempt < fuzzing.tries(); attempt++) {
            Map<String, String> values = randomOptions(random);
            try {
                ImportOptionParser.parse(values);
                fuzzing.outcome("parsed");
            } catch (BadImportOptionException e) {
                fuzzing.outcome("refused");
            } catch (RuntimeException e) {
                fuzzing.finding(attempt, values.toString(), e.toString());
            }
        }
        fuzzing.assertNone();
    }

    /** Timed out in a thread of its own: rounding 1e-99999999 as it was took hours and ignored interrupts. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void countsAndAreasOfAnyTextAreReadOrRejectedAtOnce() {
        Fuzzing fuzzing = Fuzzing.of("ImportParsersFuzzTest.numbers", SEED, 3000);
        Random random = fuzzing.random();
        for (int attempt = 0; attempt < fuzzing.tries(); attempt++) {
            String text = number(random);
            StagedRow row = new StagedRow(1, null, null, null, Map.of(ImportField.HOUSEHOLDS, text));
            long started = System.nanoTime();
            try {
                if (random.nextBoolean()) {
                    CellValues.count(row, ImportField.HOUSEHOLDS, true);
                } else {
                    CellValues.area(row, ImportField.HOUSEHOLDS, true);
                }
                fuzzing.outcome("read");
            } catch (RowRejectedException e) {
                fuzzing.outcome("rejected");
            } catch (RuntimeException e) {
                fuzzing.finding(attempt, text, e.toString());
            }
            long took = System.nanoTime() - started;
            if (took > MAX_NUMBER_NANOS) {
                fuzzing.finding(attempt, text, "took " + took / 1_000_000 + " ms");
            }
        }
        fuzzing.assertNone();
    }

    @Test
    void ogrinfoOutputWithAnyFieldNamesIsRead() {
        Fuzzing fuzzing = Fuzzing.of("ImportParsersFuzzTest.ogrinfo", SEED, 2000);
        Random random = fuzzing.random();
        List<String> hostile = List.of(
                "x\nFeature Count: oops",
                "x\nFeature Count: 99999999999999999999",
                "x\nLayer name: other",
                "x\nLayer SRS WKT:",
                "x\nGeometry: ",
                "Feature Count: ",
                "");
        for (int attempt = 0; attempt < fuzzing.tries(); attempt++) {
            String field = random.nextBoolean()
                    ? hostile.get(random.nextInt(hostile.size()))
                    : OddValues.text(random).replace('\r', '\n');
            String output = OGRINFO + field + ": String (0.0)\n";
            if (random.nextInt(3) == 0) {
                output = new String(
                        new ByteMutator(random).mutate(output.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            }
            try {
                fuzzing.outcome(OgrInfoParser.parse(output).size() + " layer(s)");
            } catch (RuntimeException e) {
                fuzzing.finding(attempt, output, e.toString());
            }
        }
        fuzzing.assertNone();
    }

    /** Defaults most often; else options that steer the CSV reading, some of them naming no column. */
    private static ImportOptions options(Random random) {
        Map<String, String> values = new LinkedHashMap<>();
        switch (random.nextInt(5)) {
            case 0 -> values.put("encoding", random.nextBoolean() ? "GBK" : "UTF-16");
            case 1 -> {
                values.put("lon-column", random.nextBoolean() ? "lon" : OddValues.text(random));
                values.put("lat-column", random.nextBoolean() ? "lat" : OddValues.text(random));
            }
            case 2 -> values.put("geometry-column", random.nextBoolean() ? "name" : OddValues.text(random));
            default -> {}
        }
        try {
            return ImportOptionParser.parse(values);
        } catch (BadImportOptionException e) {
            return ImportOptions.defaults();
        }
    }

    private static Map<String, String> randomOptions(Random random) {
        List<String> names = new ArrayList<>(ImportOptionParser.names());
        names.add(OddValues.text(random));
        Map<String, String> values = new LinkedHashMap<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            String value = switch (random.nextInt(4)) {
                case 0 -> OddValues.number(random);
                case 1 ->
                    List.of("gcj02", "EPSG:4326", "epsg:99999999", "GBK", "repair", "a=b,c=", "true")
                            .get(random.nextInt(7));
                default -> OddValues.text(random);
            };
            values.put(names.get(random.nextInt(names.size())), value);
        }
        return values;
    }

    /** Number texts: odd ones, and plain ones with exponents from tiny to beyond {@code int}. */
    private static String number(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> OddValues.number(random);
            case 1 -> OddValues.text(random);
            default ->
                random.nextInt(1000) + "." + random.nextInt(1000) + "e"
                        + (random.nextBoolean() ? "-" : "")
                        + (long) Math.pow(10, random.nextInt(11)) * (1 + random.nextInt(9));
        };
    }
}
