package org.lifecircle.datasets.importer.osm;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real data kept beside the checkout ({@code ../shared/data/}), never inside it. Walks up
 * from the working directory (the module when Maven runs the tests) until a {@code shared/data}
 * folder appears, and fails with a clear message when there is none, so a missing file is a failure
 * rather than a silent skip.
 */
public final class SharedData {
    public static final String NANJING_PBF = "nanjing_xinjiekou_2021-06.osm.pbf";

    private SharedData() {}

    public static Path file(String name) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("Test data " + name + " not found in a shared/data folder above " + start
                + ": it lives beside the checkout (../shared/data/" + name + "), see shared/data/SOURCES.md");
    }
}
