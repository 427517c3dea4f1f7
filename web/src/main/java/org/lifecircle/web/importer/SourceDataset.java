package org.lifecircle.web.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset ready for GDAL.
 *
 * @param path what GDAL opens: a link or file with a plain ASCII name in the workspace
 * @param format its format
 * @param openOptions GDAL open options ({@code -oo NAME=VALUE} without the {@code -oo})
 * @param name the dataset's own name, for messages (e.g. {@code 社区.shp} inside the zip)
 */
record SourceDataset(Path path, SourceFormat format, List<String> openOptions, String name) {
    SourceDataset {
        openOptions = List.copyOf(openOptions);
    }
}
