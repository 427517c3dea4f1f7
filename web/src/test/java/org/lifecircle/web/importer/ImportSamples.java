package org.lifecircle.web.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Valid files of each import kind around a point of the demo town, the seeds the import fuzzing
 * damages: CSV (coordinates or WKT), GeoJSON, a zipped CSV, a zipped Shapefile and a GeoPackage
 * (both written by the real {@code ogr2ogr}).
 */
final class ImportSamples {
    /** A sample file as it is uploaded. */
    record Sample(String fileName, byte[] content) {}

    private static final double STEP_DEGREES = 0.002;
    private static final List<String> TYPES =
            List.of("kindergarten", "幼儿园", "primary_school", "market", "elderly_day_care");

    private ImportSamples() {}

    /** The samples of {@code kind} ({@code population}, {@code communities} or {@code facilities}). */
    static List<Sample> of(String kind, double lon, double lat, Path folder) {
        List<String> features = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            double x = lon + STEP_DEGREES * (i % 2);
            double y = lat + STEP_DEGREES * (i / 2);
            switch (kind) {
                case "facilities" -> {
                    if (i == 0) {
                        csv.append("name,lon,lat,type,floor_area,capacity\n");
                    }
                    String type = TYPES.get(i % TYPES.size());
                    csv.append(String.format(Locale.ROOT, "设施%d,%s,%s,%s,%d,%d%n", i, x, y, type, 300 + i, 40 + i));
                    features.add(ImportFixtures.feature(
                            Map.of("name", "设施" + i, "type", type, "capacity", 40 + i), ImportFixtures.point(x, y)));
                }
                case "population" -> {
                    if (i == 0) {
                        csv.append("wkt,population,households,elderly,children\n");
                    }
                    csv.append(String.format(
                            Locale.ROOT, "\"%s\",%d,%d,%d,%d%n", squareWkt(x, y), 300 + i, 100 + i, 40, 30));
                    features.add(ImportFixtures.feature(
                            Map.of("population", 300 + i, "households", 100 + i, "elderly", 40),
                            ImportFixtures.square(x, y, STEP_DEGREES)));
                }
                default -> {
                    if (i == 0) {
                        csv.append("name,code,subdistrict,wkt\n");
                    }
                    String code = String.format(Locale.ROOT, "32010200300%d", i);
                    csv.append(String.format(Locale.ROOT, "社区%d,%s,街道,\"%s\"%n", i, code, squareWkt(x, y)));
                    features.add(ImportFixtures.feature(
                            Map.of("name", "社区" + i, "code", code, "subdistrict", "街道"),
                            ImportFixtures.square(x, y, STEP_DEGREES)));
                }
            }
        }
        Path geojson = ImportFixtures.geojson(folder.resolve(kind + ".geojson"), features);
        Path csvFile = ImportFixtures.write(folder.resolve(kind + ".csv"), csv.toString(), StandardCharsets.UTF_8);
        Path shapefiles = folder.resolve(kind + "-shp");
        ImportFixtures.ogr2ogr(
                "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shapefiles.toString(), geojson.toString());
        Path gpkg = folder.resolve(kind + ".gpkg");
        ImportFixtures.ogr2ogr("-f", "GPKG", gpkg.toString(), geojson.toString());
        return List.of(
                sample(csvFile),
                sample(geojson),
                sample(ImportFixtures.zip(folder.resolve(kind + "-csv.zip"), folder, csvFile)),
                sample(ImportFixtures.zip(folder.resolve(kind + "-shp.zip"), shapefiles, shapefiles)),
                sample(gpkg));
    }

    private static String squareWkt(double x, double y) {
        double e = STEP_DEGREES;
        return String.format(
                Locale.ROOT, "POLYGON((%s %s,%s %s,%s %s,%s %s,%s %s))", x, y, x + e, y, x + e, y + e, x, y + e, x, y);
    }

    private static Sample sample(Path file) {
        try {
            return new Sample(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
