package org.lifecircle.web.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.RunsClient;
import org.lifecircle.web.TestDatabase;
import org.lifecircle.web.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code scripts/backup.sh} and {@code scripts/restore.sh} as an operator runs them, on the demo
 * town with community history and run results in the throwaway PostGIS: the restored copy equals
 * the original table by table, and every way a restore can go wrong leaves the target as it was.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {
    private static final String COPY = "lifecircle_backup_it_copy";
    private static final String FORCED = "lifecircle_backup_it_forced";
    private static final String FROM_TRUNCATED = "lifecircle_backup_it_truncated";
    private static final String UNVERIFIED = "lifecircle_backup_it_unverified";
    private static final List<String> SCRATCH = List.of(COPY, FORCED, FROM_TRUNCATED, UNVERIFIED);

    /** Tables with geometries and the key that identifies a row, for a row-by-row comparison. */
    private static final List<String[]> GEOMETRY_TABLES = List.of(
            new String[] {"community", "id"},
            new String[] {"population_cell", "id"},
            new String[] {"facility", "id"},
            new String[] {"road_edge", "id"},
            new String[] {"barrier", "id"},
            new String[] {"service_area", "id"},
            new String[] {"result_cell", "run_id, cell_id"},
            new String[] {"coverage_gap", "run_id, type_code, rank"});

    @LocalServerPort
    int port;

    @Autowired
    DemoLoader demoLoader;

    Path folder;
    Path dump;
    String project;
    TableManifest original;

    @BeforeAll
    void backUpTheTownWithHistoryAndResultsAndRestoreACopy() throws IOException {
        TestDatabase.requireThrowawayDatabase();
        SCRATCH.forEach(Databases::dropScratch);
        project = Databases.projectDatabase();
        // Two loads: the second closes the first one's communities, which stay as history.
        demoLoader.load(DemoCitySize.TOWN, 7, true, ProgressListener.NONE);
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        RunsClient runs = new RunsClient(new HttpJson(port));
        runs.finishedRun("""
                {"kind": "coverage", "types": ["kindergarten", "market", "elderly_day_care"]}""");
        runs.finishedRun("""
                {"kind": "service-areas", "types": ["kindergarten"], "minutes": [5, 10]}""");
        original = TableManifest.of(project);

        folder = Files.createTempDirectory("lifecircle-backup-it");
        dump = folder.resolve("town.dump");
        BackupScripts.Result backup = BackupScripts.backup(dump.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        BackupScripts.Result restore = BackupScripts.restore(dump.toString(), "--into", COPY);
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        System.out.printf(
                "backup of the town: %d bytes in %d ms; restore into a new database in %d ms%n",
                Files.size(dump), backup.elapsedMillis(), restore.elapsedMillis());
    }

    @AfterAll
    void dropScratchDatabasesAndTheDumps() throws IOException {
        SCRATCH.forEach(Databases::dropScratch);
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void theTownHasHistoryAndResultsToLose() {
        assertThat(original.rows("public.community"))
                .isGreaterThan(Databases.queryLong(project, "SELECT count(*) FROM community WHERE valid_to IS NULL"));
        assertThat(original.rows("public.coverage_cell")).isPositive();
        assertThat(original.rows("public.coverage_gap")).isPositive();
        assertThat(original.rows("public.standards_check")).isPositive();
        assertThat(original.rows("public.service_area")).isPositive();
    }

    @Test
    void restoredCopyHoldsEveryTableWithTheSameRowCountsAndChecksums() {
        TableManifest copy = TableManifest.of(COPY);
        assertThat(copy.tables().keySet()).isEqualTo(original.tables().keySet());
        assertThat(copy.tables()).isEqualTo(original.tables());
    }

    @Test
    void manifestBesideTheDumpIsWhatJdbcCountsInTheOriginal() {
        assertThat(TableManifest.read(Path.of(dump + ".manifest")).tables()).isEqualTo(original.tables());
    }

    @Test
    void geometriesAreTheSameBytesRowByRow() {
        for (String[] table : GEOMETRY_TABLES) {
            String sql = "SELECT concat_ws(' ', " + table[1] + ", encode(ST_AsEWKB(geom), 'hex')) FROM " + table[0]
                    + " ORDER BY " + table[1];
            List<String> before = Databases.queryStrings(project, sql);
            assertThat(before).as(table[0]).isNotEmpty();
            assertThat(Databases.queryStrings(COPY, sql)).as(table[0]).isEqualTo(before);
        }
    }

    @Test
    void communityHistoryKeepsItsClosedVersionsAndTheirRules() {
        String versions = "SELECT concat_ws(' ', id, code, valid_from, valid_to, md5(ST_AsEWKB(geom)))"
                + " FROM community ORDER BY id";
        assertThat(Databases.queryStrings(COPY, versions)).isEqualTo(Databases.queryStrings(project, versions));
        assertThat(Databases.queryLong(COPY, "SELECT count(*) FROM community WHERE valid_to IS NOT NULL"))
                .isPositive();
        // The restored history is as append-only as the original: a closed version cannot change.
        assertThat(Databases.queryStrings(COPY, """
                        SELECT count(*) FROM pg_trigger WHERE tgname = 'community_versions_are_immutable'
                        UNION ALL
                        SELECT count(*) FROM pg_constraint WHERE conname = 'community_one_version_at_a_time'
                        """)).containsExactly("1", "1");
        assertThatThrownBy(() -> Databases.execute(
                        COPY,
                        "UPDATE community SET name = 'x'"
                                + " WHERE id = (SELECT min(id) FROM community WHERE valid_to IS NOT NULL)"))
                .hasMessageContaining("is closed and cannot change");
    }

    @Test
    void restoreIntoADatabaseThatHoldsTablesIsRefusedWithoutForce() {
        BackupScripts.Result intoCopy = BackupScripts.restore(dump.toString(), "--into", COPY);
        assertThat(intoCopy.exitCode()).as(intoCopy.output()).isEqualTo(1);
        assertThat(intoCopy.output()).contains("already holds").contains("--force");
        // Without --into the target is the project database itself: refused just the same.
        BackupScripts.Result intoProject = BackupScripts.restore(dump.toString());
        assertThat(intoProject.exitCode()).as(intoProject.output()).isEqualTo(1);
        assertThat(intoProject.output()).contains("database " + project + " already holds");
        assertThat(TableManifest.of(COPY)).isEqualTo(original);
        assertThat(TableManifest.of(project)).isEqualTo(original);
    }

    @Test
    void truncatedDumpFailsAndLeavesNoDatabaseBehind() throws IOException {
        Path truncated = damagedCopy("truncated.dump", bytes -> Arrays.copyOf(bytes, bytes.length / 2));
        BackupScripts.Result restore = BackupScripts.restore(truncated.toString(), "--into", FROM_TRUNCATED);
        assertThat(restore.exitCode()).as(restore.output()).isEqualTo(1);
        assertThat(restore.output()).contains("pg_restore failed").contains("dropped");
        assertThat(Databases.exists(FROM_TRUNCATED)).isFalse();
    }

    @Test
    void corruptDumpOverAnExistingDatabaseChangesNothingEvenWithForce() throws IOException {
        Path corrupt = damagedCopy("corrupt.dump", bytes -> {
            // Garbage in the middle of the compressed table data, past the table of contents.
            byte[] damaged = bytes.clone();
            Arrays.fill(damaged, damaged.length * 2 / 3, damaged.length * 2 / 3 + 256, (byte) 0x5a);
            return damaged;
        });
        for (Path bad : List.of(corrupt, damagedCopy("truncated-force.dump", b -> Arrays.copyOf(b, b.length - 100)))) {
            BackupScripts.Result restore = BackupScripts.restore(bad.toString(), "--into", COPY, "--force");
            assertThat(restore.exitCode()).as(restore.output()).isEqualTo(1);
            assertThat(restore.output()).contains("rolled back: " + COPY + " is as it was");
            assertThat(TableManifest.of(COPY)).isEqualTo(original);
        }
    }

    @Test
    void forceReplacesWhatTheTargetHeldWithTheBackup() {
        BackupScripts.Result first = BackupScripts.restore(dump.toString(), "--into", FORCED);
        assertThat(first.exitCode()).as(first.output()).isZero();
        Databases.execute(FORCED, "DELETE FROM facility WHERE type_code = 'market'");
        Databases.execute(FORCED, "CREATE TABLE notes (line text)");
        assertThat(TableManifest.of(FORCED)).isNotEqualTo(original);

        BackupScripts.Result forced = BackupScripts.restore(dump.toString(), "--into", FORCED, "--force");
        // The backup's tables are back as they were; the extra table is reported, not silently kept.
        assertThat(forced.exitCode()).as(forced.output()).isEqualTo(3);
        assertThat(forced.output()).contains("target:  public.notes");
        TableManifest replaced = TableManifest.of(FORCED);
        assertThat(replaced.tables()).containsAllEntriesOf(original.tables());
        assertThat(replaced.tables().keySet()).hasSize(original.tables().size() + 1);
    }

    @Test
    void restoreWithoutAManifestSaysItCannotVerify() throws IOException {
        Path alone = Files.createDirectory(folder.resolve("alone")).resolve("town.dump");
        Files.copy(dump, alone);
        BackupScripts.Result restore = BackupScripts.restore(alone.toString(), "--into", UNVERIFIED);
        assertThat(restore.exitCode()).as(restore.output()).isEqualTo(3);
        assertThat(restore.output()).contains("cannot be verified");
        assertThat(TableManifest.of(UNVERIFIED)).isEqualTo(original);
    }

    @Test
    void backupFindsThePrivateClusterThroughTheRunFolderAsDbShDoes() {
        String runFolder = System.getenv("LIFECIRCLE_TEST_RUN_DIR");
        String socketFolder = System.getenv("LIFECIRCLE_TEST_PGHOST");
        if (runFolder == null && socketFolder != null) {
            runFolder = Path.of(socketFolder).getParent().toString();
        }
        assumeTrue(
                runFolder != null && Files.isRegularFile(Path.of(runFolder, "pg", "port")),
                "scripts/test.sh names the cluster's folder in LIFECIRCLE_TEST_RUN_DIR");
        String runDir = runFolder;
        Path viaRunFolder = folder.resolve("run-folder.dump");
        BackupScripts.Result backup = BackupScripts.run(
                "backup.sh",
                env -> {
                    env.keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE_"));
                    env.put(
                            "LIFECIRCLE_RUN_DIR",
                            Path.of(socketFolder).getParent().toString());
                },
                viaRunFolder.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("in the private cluster");
        assertThat(TableManifest.read(Path.of(viaRunFolder + ".manifest"))).isEqualTo(original);
    }

    @Test
    void backupNeverOverwritesAFile() throws IOException {
        Path taken = folder.resolve("taken.dump");
        Files.writeString(taken, "keep me");
        BackupScripts.Result backup = BackupScripts.backup(taken.toString());
        assertThat(backup.exitCode()).as(backup.output()).isEqualTo(1);
        assertThat(backup.output()).contains("never overwrites");
        assertThat(Files.readString(taken)).isEqualTo("keep me");
        assertThat(Path.of(taken + ".manifest")).doesNotExist();
    }

    @Test
    void backupOfAnUnreachableDatabaseFailsWithAClearMessageAndNoFile() {
        Path nowhere = folder.resolve("nowhere.dump");
        BackupScripts.Result backup = BackupScripts.run(
                "backup.sh",
                env -> env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/lifecircle"),
                nowhere.toString());
        assertThat(backup.exitCode()).as(backup.output()).isEqualTo(1);
        assertThat(backup.output()).contains("cannot reach lifecircle on 127.0.0.1:1");
        assertThat(nowhere).doesNotExist();
    }

    private Path damagedCopy(String name, UnaryOperator<byte[]> damage) throws IOException {
        Path copy = folder.resolve(name);
        Files.write(copy, damage.apply(Files.readAllBytes(dump)));
        // The intact manifest beside it: only pg_restore can notice the damage.
        Files.copy(Path.of(dump + ".manifest"), Path.of(copy + ".manifest"));
        return copy;
    }
}
