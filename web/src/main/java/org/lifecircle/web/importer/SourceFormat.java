package org.lifecircle.web.importer;

import java.util.Locale;

/** The file formats an import reads through GDAL, with their GDAL driver. */
enum SourceFormat {
    GEOJSON("GeoJSON", "geojson"),
    GEOPACKAGE("GPKG", "gpkg"),
    SHAPEFILE("ESRI Shapefile", "shp"),
    FILE_GEODATABASE("OpenFileGDB", "gdb"),
    CSV("CSV", "csv");

    private final String driver;
    private final String extension;

    SourceFormat(String driver, String extension) {
        this.driver = driver;
        this.extension = extension;
    }

    /** GDAL's short driver name, for messages. */
    String driver() {
        return driver;
    }

    /** The extension of the plain-named link GDAL reads. */
    String extension() {
        return extension;
    }

    /** The format a file name says, or {@code null}. */
    static SourceFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
            return GEOJSON;
        } else if (lower.endsWith(".gpkg")) {
            return GEOPACKAGE;
        } else if (lower.endsWith(".shp")) {
            return SHAPEFILE;
        } else if (lower.endsWith(".gdb")) {
            return FILE_GEODATABASE;
        } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return CSV;
        }
        return null;
    }
}
