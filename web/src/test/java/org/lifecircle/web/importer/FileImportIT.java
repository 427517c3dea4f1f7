package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lifecircle.web.importer.ImportFixtures.feature;
import static org.lifecircle.web.importer.ImportFixtures.geojson;
import static org.lifecircle.web.importer.ImportFixtures.ogr2ogr;
import static org.lifecircle.web.importer.ImportFixtures.point;
import static org.lifecircle.web.importer.ImportFixtures.square;
import static org.lifecircle.web.importer.ImportFixtures.write;
import static org.lifecircle.web.importer.ImportFixtures.zip;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifecircle.core.crs.Bd09;
import org.lifecircle.core.crs.Gcj02;
import org.lifecircle.core.crs.LonLat;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.importer.ImportReport;
import org.lifecircle.web.TestDatabase;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Real files through the real GDAL into the real PostGIS: formats, encodings and coordinate systems. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "lifecircle.demo.autoload=none")
class FileImportIT {
    private static final Charset GBK = Charset.forName("GBK");

    /** WGS 84 truth: three points around 新街口, Nanjing. */
    private static final double[][] TRUTH = {{118.7800, 32.0400}, {118.7850, 32.0450}, {118.7921, 32.0512}};

    @Autowired
    Importers importers;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        TestDatabase.requireThrowawayDatabase();
    }

    private ImportReport run(String kind, Path file, Map<String, String> options) {
        return importers.find(kind).run(file, ImportOptionParser.parse(options), ProgressListener.NONE);
    }

    /** Three 新街口街道 communities side by side. */
    private Path communitiesGeoJson(String name, double shiftDegrees) {
        return geojson(
                dir.resolve(name),
                List.of(
                        feature(
                                Map.of("name", "长江路社区", "code", "320102003001", "街道", "新街口街道"),
                                square(118.780 + shiftDegrees, 32.040, 0.005)),
                        feature(
                                Map.of("name", "香铺营社区", "code", "320102003002", "街道", "新街口街道"),
                                square(118.785 + shiftDegrees, 32.040, 0.005)),
                        feature(
                                Map.of("name", "汉口路社区", "code", "320102003003", "街道", "新街口街道"),
                                square(118.790 + shiftDegrees, 32.040, 0.005))));
    }

    /** A GBK Shapefile of the communities, with its parts renamed to 社区.* as Chinese users name them. */
    private Path gbkShapefileFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("shp"));
        ogr2ogr(
                "-f",
                "ESRI Shapefile",
                "-lco",
                "ENCODING=GBK",
                folder.resolve("communities.shp").toString(),
                communitiesGeoJson("source.geojson", 0).toString());
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path part : parts.toList()) {
                String extension = part.getFileName().toString().replaceFirst("^communities", "");
                Files.move(part, folder.resolve("社区" + extension));
            }
        }
        byte[] dbf = Files.readAllBytes(folder.resolve("社区.dbf"));
        assertThat(indexOf(dbf, "长江路社区".getBytes(GBK)))
                .as("the DBF really holds GBK text")
                .isPositive();
        return folder;
    }

    private List<String> currentCommunityNames() {
        return jdbc.queryForList("SELECT name FROM community WHERE valid_to IS NULL ORDER BY code", String.class);
    }

    @Test
    void gbkShapefileWithCpgKeepsChineseNames() throws IOException {
        Path folder = gbkShapefileFolder();
        assertThat(Files.readString(folder.resolve("社区.cpg")).trim()).isEqualToIgnoringCase("GBK");
        Path zip = zip(dir.resolve("社区.zip"), folder, folder);

        ImportReport report = run("communities", zip, Map.of("subdistrict-column", "街道"));

        assertThat(report.committed()).isTrue();
        assertThat(report.file()).isEqualTo("社区.zip");
        assertThat(report.rowsRead()).containsEntry("community", 3L);
        assertThat(report.rowsLoaded()).containsEntry("community", 3L);
        assertThat(currentCommunityNames()).containsExactly("长江路社区", "香铺营社区", "汉口路社区");
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT subdistrict_name || '/' || subdistrict_code || '/' || urban FROM community"
                                + " WHERE valid_to IS NULL",
                        String.class))
                .containsExactly("新街口街道/320102003/true");
    }

    @Test
    void gbkShapefileWithoutCpgNeedsTheEncodingOption() throws IOException {
        Path folder = gbkShapefileFolder();
        Files.delete(folder.resolve("社区.cpg"));
        Path zip = zip(dir.resolve("no-cpg.zip"), folder, folder);
        ImportFixtures.Counts before = ImportFixtures.Counts.of(jdbc);

        assertThatThrownBy(() -> run("communities", zip, Map.of()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("no .cpg")
                .hasMessageContaining("--encoding");
        assertThat(ImportFixtures.Counts.of(jdbc)).isEqualTo(before);

        ImportReport report = run("communities", zip, Map.of("encoding", "GBK"));
        assertThat(report.committed()).isTrue();
        assertThat(currentCommunityNames()).containsExactly("长江路社区", "香铺营社区", "汉口路社区");
    }

    @Test
    void geoPackageInGaussKrugerZoneLandsWithinOneMetreOfTheTruth() {
        CRSFactory crs = new CRSFactory();
        BasicCoordinateTransform toZone =
                new BasicCoordinateTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:4549"));
        List<String> features = new ArrayList<>();
        for (int i = 0; i < TRUTH.length; i++) {
            ProjCoordinate xy = toZone.transform(new ProjCoordinate(TRUTH[i][0], TRUTH[i][1]), new ProjCoordinate());
            assertThat(xy.x).as("easting in metres, central meridian 120°E").isBetween(300_000.0, 500_000.0);
            features.add(feature(Map.of("name", "幼儿园" + i), point(xy.x, xy.y)));
        }
        Path json = geojson(dir.resolve("projected.geojson"), features);
        Path gpkg = dir.resolve("kindergartens.gpkg");
        ogr2ogr("-f", "GPKG", "-a_srs", "EPSG:4549", gpkg.toString(), json.toString());

        ImportReport report = run("facilities", gpkg, Map.of("type", "kindergarten"));

        assertThat(report.committed()).isTrue();
        assertThat(report.warnings()).noneMatch(w -> w.contains("names no coordinate system"));
        assertWithinOneMetreOfTruth("幼儿园");
    }

    @Test
    void gcj02CsvLandsWithinOneMetreOfTheWgs84Truth() {
        StringBuilder csv = new StringBuilder("名称,经度,纬度,类型\n");
        String[] types = {"幼儿园", "小学", "菜市场或生鲜超市"};
        for (int i = 0; i < TRUTH.length; i++) {
            LonLat gcj = Gcj02.fromWgs84(TRUTH[i][0], TRUTH[i][1]);
            csv.append(String.format(Locale.ROOT, "高德点%d,%.9f,%.9f,%s%n", i, gcj.lon(), gcj.lat(), types[i]));
        }
        Path file = write(dir.resolve("amap.csv"), csv.toString(), StandardCharsets.UTF_8);

        ImportReport report = run("facilities", file, Map.of("source-crs", "gcj02", "name-column", "名称"));

        assertThat(report.committed()).isTrue();
        assertThat(report.rejections()).isEmpty();
        assertThat(jdbc.queryForList("SELECT type_code FROM facility ORDER BY name", String.class))
                .containsExactly("kindergarten", "primary_school", "market");
        assertWithinOneMetreOfTruth("高德点");
    }

    @Test
    void bd09CsvInGbkLandsWithinOneMetreOfTheWgs84Truth() {
        StringBuilder csv = new StringBuilder("name;lng;lat;kind\n");
        for (int i = 0; i < TRUTH.length; i++) {
            LonLat bd = Bd09.fromWgs84(TRUTH[i][0], TRUTH[i][1]);
            csv.append(String.format(Locale.ROOT, "百度点%d;%.9f;%.9f;学校%n", i, bd.lon(), bd.lat()));
        }
        Path file = write(dir.resolve("baidu.csv"), csv.toString(), GBK);

        ImportReport report = run(
                "facilities",
                file,
                Map.of(
                        "source-crs", "bd09",
                        "encoding", "GBK",
                        "type-column", "kind",
                        "type-map", "学校=primary_school"));

        assertThat(report.committed()).isTrue();
        assertThat(report.rowsLoaded()).containsEntry("facility", 3L);
        assertWithinOneMetreOfTruth("百度点");
    }

    @Test
    void fileGeodatabaseZippedOrAsFolderGivesPopulationCells() throws IOException {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cells.add(feature(
                    Map.of("population", 250 + i, "households", 100 + i, "elderly", 40),
                    square(118.78 + i * 0.002, 32.04, 0.002)));
        }
        Path json = geojson(dir.resolve("cells.geojson"), cells);
        Path gdb = Files.createDirectories(dir.resolve("gdb")).resolve("人口.gdb");
        ogr2ogr("-f", "OpenFileGDB", "-nln", "cells", gdb.toString(), json.toString());
        Path zip = zip(dir.resolve("人口.gdb.zip"), dir.resolve("gdb"), gdb);

        ImportReport report = run("population", zip, Map.of());

        assertThat(report.committed()).isTrue();
        assertThat(report.rowsLoaded()).containsEntry("population_cell", 4L);
        assertThat(jdbc.queryForObject("SELECT SUM(households) FROM population_cell", Long.class))
                .isEqualTo(406L);
        assertThat(jdbc.queryForObject("SELECT SUM(elderly) FROM population_cell", Long.class))
                .isEqualTo(160L);

        ImportReport folder = run("population", gdb, Map.of());
        assertThat(folder.committed()).isTrue();
        assertThat(folder.file()).isEqualTo("人口.gdb");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_cell", Long.class))
                .as("the folder replaced the zip's cells")
                .isEqualTo(4L);
    }

    @Test
    void reimportClosesTheOldCommunityVersionsAndKeepsThemAsHistory() {
        run("communities", communitiesGeoJson("first.geojson", 0), Map.of());
        long versionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM community", Long.class);

        ImportReport report = run("communities", communitiesGeoJson("second.geojson", 0.001), Map.of());

        assertThat(report.committed()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE valid_to IS NULL", Long.class))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM community", Long.class))
                .isEqualTo(versionsBefore + 3);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM community WHERE code = '320102003001' AND valid_to IS NOT NULL"
                                + " AND ST_XMin(geom) = 118.78",
                        Long.class))
                .as("the first boundary of 长江路社区, closed and kept")
                .isEqualTo(1);
    }

    private void assertWithinOneMetreOfTruth(String namePrefix) {
        for (int i = 0; i < TRUTH.length; i++) {
            double metres = jdbc.queryForObject(
                    "SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography)"
                            + " FROM facility WHERE name = ?",
                    Double.class,
                    TRUTH[i][0],
                    TRUTH[i][1],
                    namePrefix + i);
            assertThat(metres).as(namePrefix + i).isLessThan(1.0);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
