package org.lifecircle.web.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.lifecircle.web.fuzz.ByteMutator;
import org.lifecircle.web.fuzz.JsonMutator;
import org.lifecircle.web.fuzz.OddValues;
import tools.jackson.databind.json.JsonMapper;

/**
 * Damaged uploads drawn from valid {@link ImportSamples}: CSV with odd cells, broken quotes, wrong
 * column counts, another encoding or a byte-order mark; GeoJSON with odd values where coordinates,
 * types and properties belong; any file with damaged bytes; zips with entries that climb out of
 * their folder ({@code ../../x}), nested zips, more entries than allowed, false sizes in their
 * headers; random bytes under a plausible name. Now and then odd import options come along. Not
 * thread-safe: one per property, like its {@link Random}.
 */
final class CorruptImports {
    /** An upload: which import, the file as sent, the form fields. */
    record Upload(String kind, String fileName, byte[] content, Map<String, String> options) {
        boolean append() {
            String value = options.get(ImportOptionParser.APPEND);
            return value != null && List.of("", "true", "yes", "1", "on").contains(value.trim());
        }

        @Override
        public String toString() {
            String text = new String(content, 0, Math.min(content.length, 300), StandardCharsets.UTF_8);
            return kind + " " + fileName + " (" + content.length + " bytes) " + options + ": " + text;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> NAMES = List.of(
            "x.csv", "x.geojson", "x.json", "x.zip", "x.gpkg", "x.shp", "x.txt", "noextension", "社区.csv", "../x.csv");
    private static final List<String> CSV_CELLS =
            List.of("\"", "\"\"", "a\"b", "1e999999999", "1E+2147483647", "-5", "1,5", "9".repeat(400), "", "\u0000");
    private static final List<String> HOSTILE_NAMES = List.of(
            "x\nFeature Count: oops",
            "x\nFeature Count: 99999999999999999999",
            "x\nLayer name: other",
            "x\nGeometry: Point",
            "",
            " ",
            "geom",
            "stage_row",
            "\"; DROP TABLE facility; --",
            "名称\u0000",
            "a".repeat(200));
    private static final Map<String, List<String>> OPTION_VALUES = Map.of(
            "source-crs", List.of("gcj02", "bd09", "EPSG:4326", "EPSG:999999", "4490", "mars", ""),
            "encoding", List.of("GBK", "UTF-16", "ISO-8859-1", "x-unknown", ""),
            "invalid", List.of("repair", "reject", "fix"),
            "strict", List.of("true", "", "maybe"),
            "append", List.of("true", "false", "sometimes"),
            "layer", List.of("x", "population", "../x", ""),
            "households-column", List.of("name", "x", "户数"),
            "type", List.of("kindergarten", "no-such-type"),
            "type-map", List.of("幼儿园=kindergarten", "=", "a=b", "x=kindergarten,,y="),
            "lon-column", List.of("lat", "name", "x"));

    private final Random random;
    private final ByteMutator bytes;
    private final JsonMutator json;

    CorruptImports(Random random) {
        this.random = random;
        this.bytes = new ByteMutator(random);
        this.json = new JsonMutator(random);
    }

    /** A damaged upload of {@code kind} made from one of its {@code samples}. */
    Upload next(String kind, List<ImportSamples.Sample> samples) {
        ImportSamples.Sample sample = samples.get(random.nextInt(samples.size()));
        String name = sample.fileName();
        byte[] content = sample.content();
        int pick = random.nextInt(100);
        if (pick < 25 && name.endsWith(".csv")) {
            content = csv(new String(content, StandardCharsets.UTF_8));
        } else if (pick < 18 && name.endsWith(".geojson")) {
            content =
                    json.mutated(JSON.readTree(content), 1 + random.nextInt(3)).getBytes(StandardCharsets.UTF_8);
        } else if (pick < 25 && name.endsWith(".geojson")) {
            content = hostileColumnName(new String(content, StandardCharsets.UTF_8));
        } else if (pick < 40) {
            content = hostileZip(sample);
            name = "x.zip";
        } else if (pick < 50) {
            content = bytes.randomBytes(4096);
            name = NAMES.get(random.nextInt(NAMES.size()));
        } else if (pick < 90) {
            content = name.endsWith(".zip") && random.nextBoolean() ? damagedEntries(content) : bytes.mutate(content);
        }
        return new Upload(kind, name, content, options());
    }

    /** A CSV with one odd cell, broken row or other encoding. */
    private byte[] csv(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int row = random.nextInt(lines.size());
        String line = lines.get(row);
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                String[] cells = line.split(",", -1);
                cells[random.nextInt(cells.length)] = random.nextBoolean()
                        ? CSV_CELLS.get(random.nextInt(CSV_CELLS.size()))
                        : random.nextBoolean() ? OddValues.number(random) : OddValues.text(random);
                lines.set(row, String.join(",", cells));
            }
            case 2 -> lines.set(row, line + ",extra");
            case 3 -> lines.set(row, line.contains(",") ? line.substring(0, line.lastIndexOf(',')) : line);
            case 4 -> lines.remove(0);
            case 5 -> {
                // Reordered columns: still a valid file.
                lines.replaceAll(l -> reversedColumns(l));
            }
            case 6 -> {
                return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                Charset other = List.of(Charset.forName("GBK"), StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1)
                        .get(random.nextInt(3));
                return text.getBytes(other);
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A property renamed to a name that lands in other tools' output or in SQL: GDAL prints field
     * names as they are, one per line, so a name with a line break can pose as a line of its own.
     */
    private byte[] hostileColumnName(String geojson) {
        String hostile = HOSTILE_NAMES.get(random.nextInt(HOSTILE_NAMES.size()));
        String renamed = geojson;
        for (String key : List.of("name", "type", "households", "code")) {
            if (random.nextBoolean()) {
                renamed = renamed.replace("\"" + key + "\":", JsonMutator.quote(hostile) + ":");
            }
        }
        return renamed.getBytes(StandardCharsets.UTF_8);
    }

    /** Columns of a line without quoted commas, in reverse order; lines with quotes stay. */
    private static String reversedColumns(String line) {
        if (line.contains("\"")) {
            return line;
        }
        List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
        java.util.Collections.reverse(cells);
        return String.join(",", cells);
    }

    /** The sample in a zip made to hurt: climbing names, nesting, too many entries, false sizes. */
    byte[] hostileZip(ImportSamples.Sample sample) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        switch (random.nextInt(6)) {
            case 0 ->
                entries.put(
                        List.of(
                                        "../../" + sample.fileName(),
                                        "/tmp/" + sample.fileName(),
                                        "C:\\" + sample.fileName(),
                                        "a/../../" + sample.fileName(),
                                        "a\\..\\..\\" + sample.fileName())
                                .get(random.nextInt(5)),
                        sample.content());
            case 1 -> entries.put("inner.zip", zip(Map.of(sample.fileName(), sample.content())));
            case 2 -> {
                for (int i = 0; i <= 10_000; i++) {
                    entries.put("f" + i + ".txt", new byte[0]);
                }
            }
            case 3 -> {
                entries.put(sample.fileName(), sample.content());
                entries.put("__MACOSX/._" + sample.fileName(), new byte[] {0, 5, 22, 7});
                entries.put("dir/" + sample.fileName(), sample.content());
            }
            case 4 -> {
                entries.put("a", sample.content());
                entries.put("a/" + sample.fileName(), sample.content());
            }
            default -> {
                entries.put(sample.fileName(), sample.content());
                return falseSizes(zip(entries));
            }
        }
        return zip(entries);
    }

    /** The zip with a size field of its headers overwritten by a huge or wrong value. */
    private byte[] falseSizes(byte[] zip) {
        byte[] patched = zip.clone();
        int[][] signatureAndOffsets = {{0x04034b50, 18, 22}, {0x02014b50, 20, 24}};
        int[] header = signatureAndOffsets[random.nextInt(2)];
        for (int i = 0; i + 30 < patched.length; i++) {
            if (littleEndianInt(patched, i) == header[0]) {
                int field = i + header[1 + random.nextInt(2)];
                int value = List.of(0xFFFFFFFF, 0x7FFFFFFF, 0, 1).get(random.nextInt(4));
                for (int b = 0; b < 4; b++) {
                    patched[field + b] = (byte) (value >>> (8 * b));
                }
                break;
            }
        }
        return patched;
    }

    /** The zip's entries rewritten, each with its bytes damaged. */
    byte[] damagedEntries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), bytes.mutate(in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip(entries);
    }

    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            List<String> names = new ArrayList<>(OPTION_VALUES.keySet());
            java.util.Collections.sort(names);
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                String name = names.get(random.nextInt(names.size()));
                List<String> values = OPTION_VALUES.get(name);
                options.put(name, values.get(random.nextInt(values.size())));
            }
        }
        return options;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static int littleEndianInt(byte[] data, int at) {
        return (data[at] & 0xff)
                | (data[at + 1] & 0xff) << 8
                | (data[at + 2] & 0xff) << 16
                | (data[at + 3] & 0xff) << 24;
    }
}
