package org.lifecircle.web.importer;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.crs.Srid;

/**
 * The {@code ogr2ogr} arguments that copy one layer into a new staging table: every attribute as
 * text ({@code -mapFieldType All=String}, so a bad number becomes a row-level rejection instead of
 * a failed copy), one generic 2D geometry column {@code geom} in EPSG:4326, rows numbered from 1 in
 * the source's order ({@code stage_row}), column names exactly as in the file ({@code LAUNDER=NO}),
 * no spatial index (the table is read once, in order).
 */
final class StagingCommand {
    private static final String TARGET_SRS = "EPSG:" + Srid.WGS84;

    private StagingCommand() {}

    /**
     * @param layer the layer to copy, {@code null} when the source holds only one
     */
    static List<String> arguments(
            SourceDataset source, String layer, List<String> crsArguments, String pgConnection, String table) {
        List<String> args = new ArrayList<>(List.of("-f", "PostgreSQL", pgConnection));
        for (String option : source.openOptions()) {
            args.addAll(List.of("-oo", option));
        }
        args.add(source.path().toString());
        if (layer != null) {
            args.add(layer);
        }
        args.addAll(List.of("-nln", table));
        for (String creation : List.of(
                "SCHEMA=" + StagingArea.SCHEMA,
                "GEOMETRY_NAME=geom",
                "FID=stage_row",
                "SPATIAL_INDEX=NONE",
                "LAUNDER=NO",
                "PRECISION=NO",
                "UNLOGGED=ON")) {
            args.addAll(List.of("-lco", creation));
        }
        args.addAll(List.of("-mapFieldType", "All=String", "-nlt", "GEOMETRY", "-dim", "XY"));
        args.addAll(crsArguments);
        args.addAll(List.of("-gt", "65536", "-progress"));
        return args;
    }

    /**
     * How GDAL should treat the coordinates: reproject what names its CRS to EPSG:4326, label what
     * names none as EPSG:4326 (its longitude/latitude, or a Chinese map's, are taken as they are).
     */
    static List<String> crsArguments(SourceCrs crs, boolean layerHasCrs) {
        return switch (crs.kind()) {
            case EPSG -> List.of("-s_srs", "EPSG:" + crs.epsg(), "-t_srs", TARGET_SRS);
            case FILE, CHINESE_MAP -> layerHasCrs ? List.of("-t_srs", TARGET_SRS) : List.of("-a_srs", TARGET_SRS);
        };
    }
}
