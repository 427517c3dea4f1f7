package org.lifecircle.web.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.importer.ImportReport;
import org.lifecircle.datasets.importer.osm.OsmFacilityMapping;
import org.lifecircle.datasets.importer.osm.OsmImportOptions;
import org.lifecircle.datasets.importer.osm.OsmPbfImporter;
import org.lifecircle.web.store.DatasetLoadException;
import org.lifecircle.web.store.PostgisDatasetLoad;
import org.lifecircle.web.store.PostgisDatasetStore;
import org.springframework.stereotype.Component;

/**
 * {@code osm}: an OpenStreetMap PBF extract becomes the walking network, facilities, estimated
 * population cells and barriers, in one transaction that replaces those tables and keeps the
 * communities (an extract has none; the report says so).
 */
@Component
class OsmImporter implements Importer {
    private final PostgisDatasetStore store;
    private final StandardsCatalog catalog;

    OsmImporter(PostgisDatasetStore store, StandardsCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public String kind() {
        return "osm";
    }

    @Override
    public ImportReport run(Path file, ImportOptions options, ProgressListener progress) {
        if (!Files.isRegularFile(file)) {
            throw new BadImportOptionException("file", "No such file: " + file);
        }
        OsmPbfImporter importer =
                new OsmPbfImporter(OsmImportOptions.defaults(catalog), OsmFacilityMapping.defaults(catalog));
        try (PostgisDatasetLoad load = store.open(!options.append())) {
            return importer.importInto(file, load, progress);
        } catch (IOException | IllegalArgumentException | DatasetLoadException e) {
            throw new ImportFailedException(
                    "Nothing was stored: " + e.getMessage(),
                    new ImportReport.Builder(kind(), file.getFileName().toString())
                            .warning(e.getMessage())
                            .build(false));
        }
    }
}
