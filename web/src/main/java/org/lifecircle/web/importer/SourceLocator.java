package org.lifecircle.web.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the dataset in what the user gave: a file, a {@code .gdb} folder, or a zip holding one of
 * them (unpacked by {@link SafeUnzip}). Checks what GDAL would silently accept: an empty file, a
 * Shapefile without its {@code .dbf} or {@code .shx}, text in an unknown encoding. Links the
 * dataset under a plain ASCII name ({@code source.shp} …) so GDAL's arguments never carry Chinese
 * file names.
 */
final class SourceLocator {
    private static final String SUPPORTED =
            ".geojson/.json, .gpkg, .shp (with .shx and .dbf), .gdb (folder) or .csv, alone or zipped";

    private final ZipLimits zipLimits;

    SourceLocator(ZipLimits zipLimits) {
        this.zipLimits = zipLimits;
    }

    SourceDataset locate(Path file, ImportOptions options, Workspace workspace, RunNotes notes) {
        if (!Files.exists(file)) {
            throw new BadImportOptionException("file", "No such file: " + file);
        }
        Path dataset = file;
        if (!Files.isDirectory(file)) {
            if (size(file) == 0) {
                throw new ImportFailedException("The file " + file.getFileName() + " is empty", null);
            }
            if (isZip(file)) {
                Path unzipped = workspace.folder("unzipped");
                List<Path> files = SafeUnzip.extract(file, unzipped, zipLimits);
                dataset = choose(unzipped, files, options.layer());
            }
        }
        SourceFormat format = SourceFormat.ofFileName(dataset.getFileName().toString());
        if (format == null || (format == SourceFormat.FILE_GEODATABASE) != Files.isDirectory(dataset)) {
            throw new ImportFailedException(
                    "Cannot import " + dataset.getFileName() + ": lifecircle reads " + SUPPORTED, null);
        }
        String name = dataset.getFileName().toString();
        Path gdal = workspace.folder("gdal");
        return switch (format) {
            case SHAPEFILE -> ShapefileParts.prepare(dataset, options, gdal, notes);
            case CSV -> CsvSource.prepare(dataset, options, gdal);
            default -> {
                if (options.encoding() != null) {
                    notes.warning("--encoding applies to Shapefile DBFs and CSV files; " + format.driver()
                            + " text is always UTF-8, so it was ignored");
                }
                yield new SourceDataset(link(gdal, dataset, "source." + format.extension()), format, List.of(), name);
            }
        };
    }

    /** The one dataset among the unzipped files, or the one whose base name {@code layer} names. */
    private static Path choose(Path unzipped, List<Path> files, String layer) {
        List<Path> candidates = new ArrayList<>();
        for (Path f : files) {
            Path gdb = enclosingGdb(unzipped, f);
            if (gdb != null) {
                if (!candidates.contains(gdb)) {
                    candidates.add(gdb);
                }
            } else if (SourceFormat.ofFileName(f.getFileName().toString()) != null) {
                candidates.add(f);
            }
        }
        if (candidates.isEmpty()) {
            String held = files.stream()
                    .map(f -> unzipped.relativize(f).toString())
                    .sorted()
                    .limit(12)
                    .collect(Collectors.joining(", "));
            throw new ImportFailedException(
                    "The zip holds no dataset lifecircle reads (" + SUPPORTED + "); it holds: "
                            + (held.isEmpty() ? "nothing" : held),
                    null);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (layer != null) {
            for (Path c : candidates) {
                if (baseName(c).equalsIgnoreCase(layer)) {
                    return c;
                }
            }
        }
        throw new BadImportOptionException(
                ImportOptionParser.LAYER,
                "The zip holds several datasets ("
                        + candidates.stream()
                                .map(c -> unzipped.relativize(c).toString())
                                .sorted()
                                .collect(Collectors.joining(", "))
                        + "); choose one with --layer NAME (its name without extension)");
    }

    /** The {@code .gdb} folder a file sits in, or {@code null}. */
    private static Path enclosingGdb(Path root, Path file) {
        for (Path p = file.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gdb")) {
                return p;
            }
        }
        return null;
    }

    static String baseName(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A symbolic link named {@code linkName} in {@code folder} to {@code target} (a copy where links fail). */
    static Path link(Path folder, Path target, String linkName) {
        Path link = folder.resolve(linkName);
        try {
            Files.createSymbolicLink(link, target.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            try {
                copyTree(target, link);
            } catch (IOException copyFailed) {
                throw new UncheckedIOException("Cannot prepare " + target + " for GDAL", copyFailed);
            }
        }
        return link;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(p, target.resolve(source.relativize(p).toString()));
            }
        }
    }

    private static boolean isZip(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            throw new ImportFailedException("Cannot read " + file.getFileName() + ": " + e.getMessage(), null);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportFailedException("Cannot read " + file.getFileName() + ": " + e.getMessage(), null);
        }
    }
}
