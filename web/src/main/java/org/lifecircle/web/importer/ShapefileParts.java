package org.lifecircle.web.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A Shapefile's parts checked and linked for GDAL. GDAL opens a {@code .shp} without its {@code
 * .dbf} and imports shapes with no attributes; here that is an error. The DBF's text encoding comes
 * from, in order: {@code --encoding}, the {@code .cpg} file, the code page in the DBF header; a DBF
 * that names none and holds non-UTF-8 text (GBK from Chinese ArcGIS installs) is refused with a hint
 * rather than imported garbled.
 */
final class ShapefileParts {
    private ShapefileParts() {}

    static SourceDataset prepare(Path shp, ImportOptions options, Path gdalFolder, RunNotes notes) {
        String base = SourceLocator.baseName(shp);
        Map<String, Path> parts = siblings(shp.getParent(), base);
        for (String required : List.of("shx", "dbf")) {
            if (!parts.containsKey(required)) {
                throw new ImportFailedException(
                        "The Shapefile " + shp.getFileName() + " has no " + base + "." + required + " ("
                                + (required.equals("dbf") ? "its attribute table" : "its shape index")
                                + "): a Shapefile needs its .shp, .shx and .dbf together; zip them all",
                        null);
            }
        }
        Path link = null;
        for (Map.Entry<String, Path> part : parts.entrySet()) {
            Path l = SourceLocator.link(gdalFolder, part.getValue(), "source." + part.getKey());
            if (part.getKey().equals("shp")) {
                link = l;
            }
        }
        List<String> openOptions = new ArrayList<>();
        String cpg = parts.containsKey("cpg") ? read(parts.get("cpg")) : null;
        if (options.encoding() != null) {
            openOptions.add("ENCODING=" + options.encoding().name());
            if (cpg != null && !cpg.equalsIgnoreCase(options.encoding().name())) {
                notes.warning("The .cpg says the DBF is " + cpg + "; --encoding "
                        + options.encoding().name() + " was used instead");
            }
        } else if (cpg == null) {
            checkUnlabelledDbf(parts.get("dbf"), openOptions, notes);
        }
        return new SourceDataset(
                link, SourceFormat.SHAPEFILE, openOptions, shp.getFileName().toString());
    }

    /** A DBF without {@code .cpg}: fine if its header names a code page or its text is UTF-8. */
    private static void checkUnlabelledDbf(Path dbf, List<String> openOptions, RunNotes notes) {
        try {
            if (TextEncoding.dbfLanguageDriver(dbf) != 0) {
                return;
            }
            if (!TextEncoding.dbfTextIsUtf8(dbf)) {
                throw new ImportFailedException(
                        dbf.getFileName() + " has no .cpg and its text is not UTF-8: give its encoding with"
                                + " --encoding (GBK for most Chinese Shapefiles)",
                        null);
            }
            openOptions.add("ENCODING=UTF-8");
            notes.warning("The Shapefile has no .cpg; its text was read as UTF-8 (give --encoding if it is not)");
        } catch (IOException e) {
            throw new ImportFailedException("Cannot read " + dbf.getFileName() + ": " + e.getMessage(), null);
        }
    }

    /** The files {@code base.*} in a folder, by lower-case extension ({@code shp}, {@code dbf} …). */
    private static Map<String, Path> siblings(Path folder, String base) {
        Map<String, Path> parts = new TreeMap<>();
        String prefix = base.toLowerCase(Locale.ROOT) + ".";
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix) && Files.isRegularFile(f)) {
                    String extension = name.substring(prefix.length()).toLowerCase(Locale.ROOT);
                    if (extension.matches("[a-z0-9.]{1,12}")) {
                        parts.put(extension, f);
                    }
                }
            }
        } catch (IOException e) {
            throw new ImportFailedException("Cannot list " + folder + ": " + e.getMessage(), null);
        }
        return parts;
    }

    private static String read(Path cpg) {
        try {
            return Files.readString(cpg, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
