package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lifecircle.web.importer.ImportFixtures.bowTie;
import static org.lifecircle.web.importer.ImportFixtures.feature;
import static org.lifecircle.web.importer.ImportFixtures.geojson;
import static org.lifecircle.web.importer.ImportFixtures.ogr2ogr;
import static org.lifecircle.web.importer.ImportFixtures.square;
import static org.lifecircle.web.importer.ImportFixtures.write;
import static org.lifecircle.web.importer.ImportFixtures.zip;
import static org.lifecircle.web.importer.ImportFixtures.zipEntries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.importer.ImportReport;
import org.lifecircle.datasets.importer.ImportReport.Rejection;
import org.lifecircle.web.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile and broken input: each is a clear error or a row-level rejection with its reason, and an
 * import that stores nothing leaves every table's row count as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "lifecircle.demo.autoload=none")
class BadInputImportIT {
    private static final String GOOD_FACILITY = "正常幼儿园,118.78,32.04,kindergarten\n";

    @Autowired
    Importers importers;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private ImportFixtures.Counts before;

    @BeforeAll
    static void database() {
        TestDatabase.requireThrowawayDatabase();
    }

    /** One known facility, so "unchanged" is visible. */
    @BeforeEach
    void knownFacility() {
        run("facilities", csv("known.csv", GOOD_FACILITY), Map.of());
        before = ImportFixtures.Counts.of(jdbc);
    }

    private ImportReport run(String kind, Path file, Map<String, String> options) {
        return importers.find(kind).run(file, ImportOptionParser.parse(options), ProgressListener.NONE);
    }

    private Path csv(String name, String rows) {
        return write(dir.resolve(name), "name,lon,lat,type\n" + rows, StandardCharsets.UTF_8);
    }

    private void assertUnchanged() {
        assertThat(ImportFixtures.Counts.of(jdbc)).isEqualTo(before);
    }

    private static List<String> reasons(ImportReport report) {
        return report.rejections().stream().map(Rejection::reason).toList();
    }

    @Test
    void zipWithPathTraversalEntriesIsRefused() {
        byte[] json = "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ok.geojson", json);
        entries.put("../../escaped.geojson", json);
        Path zip = zipEntries(dir.resolve("traversal.zip"), entries);

        assertThatThrownBy(() -> run("facilities", zip, Map.of()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("points outside")
                .hasMessageContaining("../../escaped.geojson");
        assertThat(dir.getParent().resolve("escaped.geojson")).doesNotExist();
        assertThat(dir.getParent().getParent().resolve("escaped.geojson")).doesNotExist();

        Path absolute = zipEntries(dir.resolve("absolute.zip"), Map.of("/tmp/lifecircle-absolute.geojson", json));
        assertThatThrownBy(() -> run("facilities", absolute, Map.of()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("absolute path");
        assertThat(Path.of("/tmp/lifecircle-absolute.geojson")).doesNotExist();
        assertUnchanged();
    }

    @Test
    void shapefileZipWithoutItsDbfIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("shp"));
        ogr2ogr(
                "-f",
                "ESRI Shapefile",
                folder.resolve("cells.shp").toString(),
                geojson(
                                dir.resolve("c.geojson"),
                                List.of(feature(Map.of("population", 5), square(118.78, 32.04, 0.01))))
                        .toString());
        Files.delete(folder.resolve("cells.dbf"));
        Path zip = zip(dir.resolve("cells.zip"), folder, folder);

        assertThatThrownBy(() -> run("population", zip, Map.of()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("has no cells.dbf");
        assertUnchanged();
    }

    @Test
    void csvRowsWithSwappedOrOutOfRangeCoordinatesAreRejectedWithReasons() {
        Path file = csv(
                "mixed.csv",
                GOOD_FACILITY
                        + "纬经颠倒,32.041,118.781,kindergarten\n"
                        + "巴黎,2.3522,48.8566,kindergarten\n"
                        + "纬度越界,118.78,95,kindergarten\n"
                        + "无坐标,,,kindergarten\n");

        ImportReport report = run("facilities", file, Map.of());

        assertThat(report.committed()).isTrue();
        assertThat(report.rowsRead()).containsEntry("facility", 5L);
        assertThat(report.rowsLoaded()).containsEntry("facility", 1L);
        assertThat(report.rejections()).extracting(Rejection::row).containsExactly(2L, 3L, 4L, 5L);
        assertThat(reasons(report).get(0)).isEqualTo("latitude 118.781 outside ±90°: lat/lon swapped?");
        assertThat(reasons(report).get(1)).startsWith("outside China").contains("lat/lon swapped");
        assertThat(reasons(report).get(2)).contains("latitude 95 outside ±90°");
        assertThat(reasons(report).get(3)).startsWith("no geometry");
        assertThat(report.warnings())
                .anyMatch(w -> w.startsWith(
                        "mixed.csv names no coordinate system: its coordinates were taken as" + " EPSG:4326"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class))
                .as("replaced by the one good row")
                .isEqualTo(1);
    }

    private Path communitiesWithBowTie() {
        return geojson(
                dir.resolve("bowtie.geojson"),
                List.of(
                        feature(Map.of("name", "好社区", "code", "C1"), square(118.78, 32.04, 0.005)),
                        feature(Map.of("name", "蝴蝶结社区", "code", "C2"), bowTie(118.79, 32.04, 0.005))));
    }

    @Test
    void selfIntersectingPolygonIsRepairedWithAWarning() {
        ImportReport report = run("communities", communitiesWithBowTie(), Map.of());

        assertThat(report.committed()).isTrue();
        assertThat(report.rowsLoaded()).containsEntry("community", 2L);
        assertThat(report.rowsRepaired()).containsEntry("community", 1L);
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("row 2: invalid geometry (Self-intersection"));
        assertThat(jdbc.queryForObject(
                        "SELECT ST_NumGeometries(geom) FROM community WHERE code = 'C2' AND valid_to IS NULL",
                        Integer.class))
                .as("the bow tie's two triangles")
                .isEqualTo(2);
    }

    @Test
    void selfIntersectingPolygonIsRejectedWhenAskedTo() {
        ImportReport report = run("communities", communitiesWithBowTie(), Map.of("invalid", "reject"));

        assertThat(report.rowsLoaded()).containsEntry("community", 1L);
        assertThat(report.rowsRepaired()).isEmpty();
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.reason()).startsWith("invalid geometry: Self-intersection");
        });
    }

    @Test
    void emptyOrFeaturelessFileIsAClearError() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.geojson"));
        assertThatThrownBy(() -> run("facilities", empty, Map.of()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessage("The file empty.geojson is empty");

        Path featureless = geojson(dir.resolve("none.geojson"), List.of());
        assertThatThrownBy(() -> run("facilities", featureless, Map.of()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("holds no features");

        Path headerOnly = csv("header.csv", "");
        assertThatThrownBy(() -> run("facilities", headerOnly, Map.of()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("holds no features");
        assertUnchanged();
    }

    @Test
    void unknownFacilityTypeIsRejectedAndCountedAsUnmapped() {
        Path file = csv("types.csv", "甲,118.78,32.04,幼儿园\n乙,118.781,32.04,体育馆\n丙,118.782,32.04,体育馆\n");

        ImportReport report = run("facilities", file, Map.of());

        assertThat(report.rowsLoaded()).containsEntry("facility", 1L);
        assertThat(report.unmappedValues()).containsExactly(Map.entry("体育馆", 2L));
        assertThat(reasons(report)).allMatch(r -> r.startsWith("unknown facility type '体育馆'"));
    }

    @Test
    void importWhereEveryRowIsRejectedStoresNothing() {
        Path file = csv("bad.csv", "乙,118.781,32.04,体育馆\n丙,32.04,118.782,kindergarten\n");

        ImportReport report = run("facilities", file, Map.of());

        assertThat(report.committed()).isFalse();
        assertThat(report.rejections()).hasSize(2);
        assertUnchanged();
    }

    @Test
    void strictImportStoresNothingWhenAnyRowIsRejected() {
        Path file = csv("strict.csv", "甲,118.783,32.04,kindergarten\n乙,118.781,32.04,体育馆\n");

        ImportReport report = run("facilities", file, Map.of("strict", "true"));

        assertThat(report.committed()).isFalse();
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("--strict"));
        assertUnchanged();
    }

    @Test
    void populationRowsWithMissingNegativeOrInconsistentNumbersAreRejected() {
        Path file = geojson(
                dir.resolve("cells.geojson"),
                List.of(
                        feature(Map.of("population", 300, "households", 120), square(118.78, 32.04, 0.002)),
                        feature(Map.of("population", 300), square(118.782, 32.04, 0.002)),
                        feature(Map.of("population", -3, "households", 1), square(118.784, 32.04, 0.002)),
                        feature(
                                Map.of("population", 10, "households", 4, "elderly", 11),
                                square(118.786, 32.04, 0.002)),
                        feature(Map.of("population", "很多", "households", 4), square(118.788, 32.04, 0.002))));

        ImportReport report = run("population", file, Map.of());

        assertThat(report.rowsLoaded()).containsEntry("population_cell", 1L);
        assertThat(reasons(report))
                .containsExactly(
                        "missing households",
                        "negative population -3",
                        "elderly 11 exceeds population 10",
                        "population '很多' is not a number");
    }

    @Test
    void columnOptionNamingNoColumnIsABadOption() {
        Path file = csv("named.csv", GOOD_FACILITY);

        assertThatThrownBy(() -> run("facilities", file, Map.of("name-column", "设施名称")))
                .isInstanceOf(BadImportOptionException.class)
                .hasMessageContaining("no column '设施名称'")
                .hasMessageContaining("name, type");
        assertUnchanged();
    }
}
