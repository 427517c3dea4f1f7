package org.lifecircle.web.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.importer.ImportReport;
import org.lifecircle.web.store.DatasetLoadException;
import org.lifecircle.web.store.PostgisDatasetLoad;
import org.lifecircle.web.store.PostgisDatasetStore;
import org.locationtech.jts.geom.Geometry;

/**
 * Imports communities, facilities or population cells from a GeoJSON, GeoPackage, Shapefile, File
 * Geodatabase or CSV file. Stages:
 *
 * <ol>
 *   <li>find the dataset ({@link SourceLocator}: safe unzip, Shapefile parts, text encoding);
 *   <li>describe it ({@code ogrinfo}): the layer, its CRS, its feature count;
 *   <li>copy it with {@code ogr2ogr} into a new table of the staging schema, reprojected to
 *       EPSG:4326 ({@link StagingCommand});
 *   <li>convert GCJ-02/BD-09 coordinates to WGS 84 (Chinese web maps' data);
 *   <li>map columns to fields ({@link ColumnMapping});
 *   <li>check each row: geometry present, in China, valid or repaired, the right shape, numbers and
 *       codes sound; a failing row is rejected with its reason;
 *   <li>store the accepted rows through {@link PostgisDatasetStore} in one transaction, replacing
 *       the table (communities: today's versions closed, kept as history) unless appending.
 * </ol>
 *
 * The staging table is dropped whatever happens; the real tables change only in the last stage's
 * transaction, so a failure anywhere leaves the database as it was. Thread-safe: each run has its
 * own workspace and staging table; loads are serialised by the store.
 */
final class FileImporter<T> implements Importer {
    private static final Duration STALE_STAGING = Duration.ofDays(1);

    private final ImportTarget<T> target;
    private final ImportProperties properties;
    private final Gdal gdal;
    private final StagingArea staging;
    private final PostgisDatasetStore store;
    private final Supplier<PgConnectionInfo> database;

    FileImporter(
            ImportTarget<T> target,
            ImportProperties properties,
            Gdal gdal,
            StagingArea staging,
            PostgisDatasetStore store,
            Supplier<PgConnectionInfo> database) {
        this.target = target;
        this.properties = properties;
        this.gdal = gdal;
        this.staging = staging;
        this.store = store;
        this.database = database;
    }

    @Override
    public String kind() {
        return target.kind();
    }

    @Override
    public ImportReport run(Path file, ImportOptions options, ProgressListener progress) {
        String fileName = file.getFileName().toString();
        RunNotes notes = new RunNotes(kind(), fileName);
        try (Workspace workspace = Workspace.create()) {
            progress.progress("reading " + fileName, 0, 100);
            SourceDataset source = new SourceLocator(properties.zipLimits()).locate(file, options, workspace, notes);
            OgrLayer layer = chooseLayer(gdal.layers(source), options.layer(), source);
            staging.sweep(STALE_STAGING);
            String table = staging.newTable();
            try {
                long rows = stage(source, layer, options, table, notes, progress);
                if (options.sourceCrs().kind() == SourceCrs.Kind.CHINESE_MAP) {
                    staging.convertToWgs84(table, options.sourceCrs().chineseSystem(), rows, progress);
                }
                Map<ImportField, String> columns = ColumnMapping.resolve(
                        staging.attributeColumns(table),
                        options.columns(),
                        target.fields(),
                        target.required(options),
                        kind());
                List<T> accepted = check(table, columns, options, notes, rows, "import:" + fileName, progress);
                return store(accepted, options, notes, fileName, progress);
            } finally {
                staging.drop(table);
            }
        } catch (ImportFailedException e) {
            if (e.report() != null) {
                throw e;
            }
            throw new ImportFailedException(e.getMessage(), notes.build(false), e.serverSide(), e);
        }
    }

    private static OgrLayer chooseLayer(List<OgrLayer> layers, String wanted, SourceDataset source) {
        OgrLayer layer;
        if (layers.isEmpty()) {
            throw new ImportFailedException(source.name() + " holds no layer GDAL can read", null);
        } else if (layers.size() == 1) {
            layer = layers.get(0);
        } else {
            String names = layers.stream().map(OgrLayer::name).collect(Collectors.joining(", "));
            if (wanted == null) {
                throw new BadImportOptionException(
                        ImportOptionParser.LAYER,
                        source.name() + " holds " + layers.size() + " layers (" + names
                                + "); choose one with --layer NAME");
            }
            layer = layers.stream()
                    .filter(l -> l.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new BadImportOptionException(
                            ImportOptionParser.LAYER,
                            source.name() + " has no layer '" + wanted + "'; its layers: " + names));
        }
        if (!layer.hasGeometry()) {
            throw new ImportFailedException(
                    "Layer " + layer.name() + " of " + source.name() + " has no geometry; its columns: "
                            + String.join(", ", layer.fields()),
                    null);
        }
        if (layer.featureCount() == 0) {
            throw new ImportFailedException(source.name() + " holds no features", null);
        }
        return layer;
    }

    /** Stage 3: {@code ogr2ogr} into the staging table; returns the rows staged. */
    private long stage(
            SourceDataset source,
            OgrLayer layer,
            ImportOptions options,
            String table,
            RunNotes notes,
            ProgressListener progress) {
        if (options.sourceCrs().kind() == SourceCrs.Kind.FILE && !layer.hasCrs()) {
            notes.warning(source.name() + " names no coordinate system: its coordinates were taken as EPSG:4326"
                    + " longitude/latitude (give --source-crs if they are not)");
        }
        PgConnectionInfo db = database.get();
        List<String> arguments = StagingCommand.arguments(
                source,
                options.layer() == null ? null : layer.name(),
                StagingCommand.crsArguments(options.sourceCrs(), layer.hasCrs()),
                db.connectionString(),
                table);
        String stage = "reading " + source.name() + " with GDAL";
        Gdal.Run run = gdal.ogr2ogr(arguments, db.environment(), Gdal.percent(progress, stage));
        if (run.exitCode() != 0) {
            throw stagingFailure(source, options, run.errors());
        }
        run.warnings().forEach(w -> notes.warning("GDAL: " + w));
        if (!staging.hasGeometryColumn(table)) {
            throw new ImportFailedException(source.name() + " has no geometry", null);
        }
        long rows = staging.rowCount(table);
        if (rows == 0) {
            throw new ImportFailedException(source.name() + " holds no features", null);
        }
        notes.read(target.table(), rows);
        return rows;
    }

    private static RuntimeException stagingFailure(SourceDataset source, ImportOptions options, String errors) {
        if (options.sourceCrs().kind() == SourceCrs.Kind.EPSG
                && (errors.contains("SRS") || errors.contains("crs") || errors.contains("PROJ"))) {
            return new BadImportOptionException(
                    ImportOptionParser.SOURCE_CRS, "GDAL cannot use " + options.sourceCrs() + ": " + errors);
        }
        String hint = errors.contains("invalid byte sequence")
                ? " (the file's text is not UTF-8: give its encoding with --encoding)"
                : "";
        return new ImportFailedException("GDAL could not read " + source.name() + hint + ": " + errors, null);
    }

    /** Stage 6: every staged row checked; the accepted ones as records, the others in the notes. */
    private List<T> check(
            String table,
            Map<ImportField, String> columns,
            ImportOptions options,
            RunNotes notes,
            long rows,
            String source,
            ProgressListener progress) {
        boolean repair = options.invalidGeometry() == InvalidGeometryPolicy.REPAIR;
        ImportTarget.RowMapper<T> mapper = target.mapper(options, notes, source);
        List<T> accepted = new ArrayList<>();
        String stage = "checking " + target.kind();
        long[] seen = {0};
        staging.readChecked(table, columns, repair, row -> {
            try {
                Geometry geometry = checkedGeometry(row, repair);
                accepted.add(mapper.map(row, geometry));
                if (row.invalidReason() != null) {
                    notes.repaired(target.table(), row.row(), row.invalidReason());
                }
            } catch (RowRejectedException e) {
                notes.rejected(target.table(), row.row(), e.getMessage());
            }
            progress.progress(stage, Math.min(++seen[0], rows), rows);
        });
        mapper.finish();
        return accepted;
    }

    private static Geometry checkedGeometry(StagedRow row, boolean repair) throws RowRejectedException {
        if (row.bounds() == null) {
            throw new RowRejectedException("no geometry (empty, or coordinates missing or not numbers)");
        }
        String problem = CoordinateCheck.problem(row.bounds());
        if (problem != null) {
            throw new RowRejectedException(problem);
        }
        if (row.invalidReason() != null && !repair) {
            throw new RowRejectedException("invalid geometry: " + row.invalidReason());
        }
        if (row.geometry() == null || row.geometry().isEmpty()) {
            throw new RowRejectedException("geometry empty after repair");
        }
        return row.geometry();
    }

    /** Stage 7: one transaction, or nothing when no row (or, strict, not every row) passed. */
    private ImportReport store(
            List<T> accepted, ImportOptions options, RunNotes notes, String fileName, ProgressListener progress) {
        if (accepted.isEmpty()) {
            notes.warning("No row passed the checks, so nothing was stored");
            return notes.build(false);
        }
        if (options.strict() && notes.rejectedCount() > 0) {
            notes.warning("--strict: " + notes.rejectedCount() + " rows were rejected, so nothing was stored");
            return notes.build(false);
        }
        String stage = "storing " + target.kind();
        try (PostgisDatasetLoad load = store.open(!options.append())) {
            load.begin(new DatasetInfo(
                    "import-" + kind(),
                    "import:" + kind() + ":" + fileName,
                    (options.append() ? "added " : "replaced ") + kind() + " from " + fileName));
            target.write(load, withProgress(accepted, progress, stage));
            load.commit();
            notes.loaded(target.table(), load.rowCounts().getOrDefault(target.table(), 0L));
        } catch (DatasetLoadException e) {
            throw new ImportFailedException("Nothing was stored: " + e.getMessage(), notes.build(false));
        }
        return notes.build(true);
    }

    /** The rows, telling {@code progress} as the store reads them. */
    private static <R> List<R> withProgress(List<R> rows, ProgressListener progress, String stage) {
        int total = rows.size();
        return new AbstractList<>() {
            @Override
            public R get(int index) {
                if (index % 1000 == 0 || index == total - 1) {
                    progress.progress(stage, index + 1L, total);
                }
                return rows.get(index);
            }

            @Override
            public int size() {
                return total;
            }
        };
    }
}
