package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeUnzipTest {
    private static final ZipLimits GENEROUS = new ZipLimits(100, 10_000_000);

    @TempDir
    Path dir;

    private Path zip(Map<String, byte[]> entries, Charset names) throws IOException {
        Path zip = dir.resolve("test-" + entries.size() + "-" + System.nanoTime() + ".zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file, names)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private Path target() throws IOException {
        return Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
    }

    @Test
    void extractsNestedFilesAndSkipsMacMetadata() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data/a.csv", "x".getBytes(StandardCharsets.UTF_8));
        entries.put("__MACOSX/data/._a.csv", new byte[] {0});
        Path target = target();

        List<Path> files = SafeUnzip.extract(zip(entries, StandardCharsets.UTF_8), target, GENEROUS);

        assertThat(files).containsExactly(target.resolve("data/a.csv"));
        assertThat(target.resolve("__MACOSX")).doesNotExist();
    }

    @Test
    void refusesEntriesThatLeaveTheFolder() throws IOException {
        for (String name :
                List.of("../evil.csv", "a/../../evil.csv", "/etc/evil.csv", "C:\\evil.csv", "a\\..\\..\\e")) {
            Path zip = zip(Map.of(name, new byte[] {1}), StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SafeUnzip.extract(zip, target(), GENEROUS))
                    .as(name)
                    .isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("refused");
        }
        assertThat(dir.resolve("evil.csv")).doesNotExist();
    }

    @Test
    void refusesZipBombsByCountedBytesAndByEntries() throws IOException {
        Path bomb = zip(Map.of("zeros.csv", new byte[1_000_000]), StandardCharsets.UTF_8);
        assertThat(Files.size(bomb)).isLessThan(10_000);
        assertThatThrownBy(() -> SafeUnzip.extract(bomb, target(), new ZipLimits(10, 100_000)))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("zip bomb");

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            many.put("f" + i + ".csv", new byte[] {1});
        }
        Path crowded = zip(many, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SafeUnzip.extract(crowded, target(), new ZipLimits(10, 100_000)))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("20 entries");
    }

    @Test
    void readsNamesWrittenInTheChineseWindowsCodePage() throws IOException {
        Path zip = zip(Map.of("社区边界.geojson", new byte[] {1}), Charset.forName("GBK"));
        Path target = target();

        List<Path> files = SafeUnzip.extract(zip, target, GENEROUS);

        assertThat(files).containsExactly(target.resolve("社区边界.geojson"));
    }

    @Test
    void notAZipIsAClearError() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.zip"), "not a zip");
        assertThatThrownBy(() -> SafeUnzip.extract(fake, target(), GENEROUS))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("not a readable zip");
    }
}
