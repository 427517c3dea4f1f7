package org.lifecircle.datasets.importer.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crosby.binary.Fileformat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.RecordingSink;

/** A damaged file fails with a message naming the damage, before the sink is opened. */
class DamagedPbfImportTest {
    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    private final List<String> stages = new ArrayList<>();

    private Path nanjingCopy(byte[] bytes) throws IOException {
        return Files.write(dir.resolve(SharedData.NANJING_PBF), bytes);
    }

    private Throwable importing(Path file) {
        try {
            new OsmPbfImporter().importInto(file, sink, (stage, done, total) -> stages.add(stage));
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void truncatedFileFailsClearlyAndCommitsNothing() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file(SharedData.NANJING_PBF));
        Path half = nanjingCopy(Arrays.copyOf(whole, whole.length / 2));

        Throwable error = importing(half);

        assertThat(error)
                .isInstanceOf(OsmPbfFormatException.class)
                .hasMessageContaining(SharedData.NANJING_PBF + " is truncated")
                .hasMessageContaining("nothing was imported");
        assertThat(sink.calls).isEmpty();
        assertThat(stages).noneMatch(stage -> stage.startsWith("writing"));
    }

    @Test
    void fileCutInsideABlockLengthIsTruncatedToo() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file(SharedData.NANJING_PBF));
        // The first block ends where its 4-byte length, header and data end; keep two bytes more.
        int headerLength =
                ((whole[0] & 0xff) << 24) | ((whole[1] & 0xff) << 16) | ((whole[2] & 0xff) << 8) | (whole[3] & 0xff);
        Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(Arrays.copyOfRange(whole, 4, 4 + headerLength));
        int firstBlockEnd = 4 + headerLength + header.getDatasize();
        Path cut = nanjingCopy(Arrays.copyOf(whole, firstBlockEnd + 2));

        assertThat(importing(cut)).isInstanceOf(OsmPbfFormatException.class).hasMessageContaining("is truncated");
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void damagedCompressedDataIsReportedAsCorrupt() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.file(SharedData.NANJING_PBF));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Throwable error = importing(nanjingCopy(bytes));

        assertThat(error).isInstanceOf(OsmPbfFormatException.class).hasMessageContaining("is corrupt");
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void otherFilesAreNotTakenForPbf() throws IOException {
        Path text =
                Files.writeString(dir.resolve("notes.osm.pbf"), "<osm version=\"0.6\"></osm>", StandardCharsets.UTF_8);
        assertThat(importing(text))
                .isInstanceOf(OsmPbfFormatException.class)
                .hasMessageContaining("not an OSM PBF file");

        Path empty = Files.write(dir.resolve("empty.osm.pbf"), new byte[0]);
        assertThat(importing(empty)).isInstanceOf(OsmPbfFormatException.class).hasMessageContaining("is empty");
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void failingSinkIsNeverCommitted() {
        RecordingSink failing = new RecordingSink() {
            @Override
            public void roadEdges(Iterable<RoadEdge> rows) {
                super.roadEdges(rows);
                throw new IllegalStateException("disk full");
            }
        };
        assertThatThrownBy(() -> new OsmPbfImporter()
                        .importInto(SharedData.file(SharedData.NANJING_PBF), failing, (s, d, t) -> {}))
                .hasMessage("disk full");
        assertThat(failing.calls).contains("begin").doesNotContain("commit");
    }
}
