package org.lifecircle.web.importer;

import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to read one file. Built by {@link ImportOptionParser} from the command line or the upload
 * form; validated on construction.
 *
 * @param sourceCrs coordinate system of the file's coordinates
 * @param encoding text encoding of a Shapefile's DBF without {@code .cpg}, or of a CSV file; {@code
 *     null} to use the file's own ({@code .cpg}) or UTF-8
 * @param invalidGeometry what to do with invalid geometries
 * @param layer layer (or, in a zip, dataset base name) to read from a source that holds several;
 *     {@code null} when it holds one
 * @param columns columns named explicitly for fields; other fields use {@link
 *     ImportField#defaultColumns()}
 * @param lonColumn CSV longitude column, {@code null} for the usual names (lon, lng, longitude, x)
 * @param latColumn CSV latitude column, {@code null} for the usual names (lat, latitude, y)
 * @param geometryColumn CSV column holding WKT, {@code null} for the usual names (wkt, geometry)
 * @param facilityType one facility type code for every row (a file of one type), or {@code null}
 * @param typeValues file value → facility type code, tried before the catalog's codes and names
 * @param append keep the table's current rows and add; otherwise the import replaces them
 *     (communities: today's versions are closed and kept as history)
 * @param strict store nothing when any row is rejected
 */
public record ImportOptions(
        SourceCrs sourceCrs,
        Charset encoding,
        InvalidGeometryPolicy invalidGeometry,
        String layer,
        Map<ImportField, String> columns,
        String lonColumn,
        String latColumn,
        String geometryColumn,
        String facilityType,
        Map<String, String> typeValues,
        boolean append,
        boolean strict) {

    public ImportOptions {
        Objects.requireNonNull(sourceCrs, "sourceCrs");
        Objects.requireNonNull(invalidGeometry, "invalidGeometry");
        columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
        typeValues = Map.copyOf(typeValues);
        if ((lonColumn == null) != (latColumn == null)) {
            throw new IllegalArgumentException("lon-column and lat-column go together");
        }
        if (facilityType != null && columns.containsKey(ImportField.TYPE)) {
            throw new IllegalArgumentException("give either type (one type for every row) or type-column, not both");
        }
    }

    /** Everything from the file: its CRS, its encoding, default column names, repair, replace. */
    public static ImportOptions defaults() {
        return new ImportOptions(
                SourceCrs.FILE,
                null,
                InvalidGeometryPolicy.REPAIR,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                Map.of(),
                false,
                false);
    }
}
