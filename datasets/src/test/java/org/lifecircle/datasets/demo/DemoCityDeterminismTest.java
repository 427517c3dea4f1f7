package org.lifecircle.datasets.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.RecordingSink;
import org.lifecircle.datasets.geojson.GeoJsonDatasetWriter;

class DemoCityDeterminismTest {
    @TempDir
    Path directory;

    private DemoCitySummary writeTown(long seed, String name) {
        try (GeoJsonDatasetWriter writer = new GeoJsonDatasetWriter(directory.resolve(name))) {
            return new DemoCityGenerator(DemoCitySize.TOWN, seed).generate(writer, ProgressListener.NONE);
        }
    }

    @Test
    void sameSeedWritesByteIdenticalGeoJson() throws IOException {
        DemoCitySummary first = writeTown(42, "first");
        DemoCitySummary second = writeTown(42, "second");
        assertThat(second).isEqualTo(first);
        for (String file : GeoJsonDatasetWriter.FILES) {
            byte[] a = Files.readAllBytes(directory.resolve("first").resolve(file));
            byte[] b = Files.readAllBytes(directory.resolve("second").resolve(file));
            assertThat(a).as(file).isNotEmpty().isEqualTo(b);
        }
    }

    @Test
    void differentSeedWritesDifferentGeoJson() throws IOException {
        writeTown(42, "first");
        writeTown(43, "other");
        for (String file : GeoJsonDatasetWriter.FILES) {
            byte[] a = Files.readAllBytes(directory.resolve("first").resolve(file));
            byte[] b = Files.readAllBytes(directory.resolve("other").resolve(file));
            assertThat(a).as(file).isNotEqualTo(b);
        }
    }

    @Test
    void progressIsReportedInOrderWithoutExceedingTheTotal() {
        StringBuilder stages = new StringBuilder();
        long[] last = {0};
        new DemoCityGenerator(DemoCitySize.TOWN, 1).generate(new RecordingSink(), (stage, done, total) -> {
            assertThat(done).isBetween(last[0], total);
            last[0] = done;
            stages.append(stage).append(", ");
        });
        assertThat(stages.toString())
                .isEqualTo("layout, population, streets, communities, outlines, facilities, writing communities,"
                        + " writing facilities, writing population cells, writing road edges, writing barriers,"
                        + " committing, written, ");
        assertThat(last[0]).isEqualTo(12);
    }
}
