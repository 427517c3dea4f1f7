package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.web.TestDatabase;

/** The {@code import} command as a user runs it: exit codes 0, 1 and 2. */
class ImportCommandLineIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        TestDatabase.requireThrowawayDatabase();
    }

    @Test
    void storedImportExitsWithZeroAndFailedWithOne() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("f.csv"), "name,lon,lat,type\n甲,118.78,32.04,kindergarten\n", StandardCharsets.UTF_8);
        assertThat(ImportCommandLine.run(new String[] {"facilities", csv.toString(), "--json"}))
                .isZero();

        Path empty = Files.createFile(dir.resolve("empty.geojson"));
        assertThat(ImportCommandLine.run(new String[] {"facilities", empty.toString()}))
                .isEqualTo(1);
    }

    @Test
    void badArgumentsExitWithTwo() throws Exception {
        Path csv = Files.writeString(dir.resolve("f.csv"), "name,lon,lat\n", StandardCharsets.UTF_8);
        assertThat(ImportCommandLine.run(new String[] {"buildings", csv.toString()}))
                .isEqualTo(2);
        assertThat(ImportCommandLine.run(
                        new String[] {"facilities", dir.resolve("missing.csv").toString()}))
                .isEqualTo(2);
        assertThat(ImportCommandLine.run(new String[] {"facilities", csv.toString(), "--source-crs", "mars"}))
                .isEqualTo(2);
        assertThat(ImportCommandLine.run(new String[] {"facilities", csv.toString(), "--colour=red"}))
                .isEqualTo(2);
        assertThat(ImportCommandLine.run(new String[] {"facilities"})).isEqualTo(2);
    }

    @Test
    void corruptOsmExtractExitsOneAndStoresNothing() throws Exception {
        Path pbf = Files.write(dir.resolve("city.osm.pbf"), new byte[] {1, 2, 3});
        assertThat(ImportCommandLine.run(new String[] {"osm", pbf.toString()})).isEqualTo(1);
    }

    @Test
    void osmExtractThatDoesNotExistIsABadArgument() {
        assertThat(ImportCommandLine.run(
                        new String[] {"osm", dir.resolve("missing.osm.pbf").toString()}))
                .isEqualTo(2);
    }
}
