package org.lifecircle.web.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for one import: the unpacked zip, links with plain ASCII names for GDAL,
 * transcoded CSV. Deleted with everything in it on {@link #close}; links are deleted, never what
 * they point to.
 */
final class Workspace implements AutoCloseable {
    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    static Workspace create() {
        try {
            return new Workspace(Files.createTempDirectory("lifecircle-import-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the import", e);
        }
    }

    /** A new empty folder inside the workspace. */
    Path folder(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder is untidy, not harmful; the import's outcome stands.
        }
    }
}
