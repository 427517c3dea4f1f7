package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
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

        // Both are in the audit log, under the operating-system account that ran them.
        String actor = "cli:" + System.getProperty("user.name");
        try (Connection db = DriverManager.getConnection(
                        System.getenv("SPRING_DATASOURCE_URL"),
                        System.getenv("SPRING_DATASOURCE_USERNAME"),
                        System.getenv("SPRING_DATASOURCE_PASSWORD"));
                PreparedStatement query = db.prepareStatement(
                        "SELECT action FROM audit_event WHERE actor = ? AND detail ->> 'file' IN (?, ?) ORDER BY id")) {
            query.setString(1, actor);
            query.setString(2, csv.toAbsolutePath().toString());
            query.setString(3, empty.toAbsolutePath().toString());
            List<String> actions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
            assertThat(actions).hasSize(2).startsWith("import.succeeded");
            assertThat(actions.get(1)).isIn("import.failed", "import.refused");
        }
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
