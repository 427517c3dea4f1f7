package org.lifecircle.datasets.geojson;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.DatasetSink;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a dataset as GeoJSON (RFC 7946): one FeatureCollection per table in a directory —
 * {@value #COMMUNITIES}, {@value #FACILITIES}, {@value #POPULATION_CELLS}, {@value #ROAD_EDGES} and
 * {@value #BARRIERS} — UTF-8, streamed row by row, coordinates in EPSG:4326 with 7 decimals
 * (about 1 cm). Property names are the record components in snake_case; absent values are
 * {@code null}. Identical rows give byte-identical files.
 *
 * <p>All files go into a hidden temporary directory beside the target. {@link #commit()} writes an
 * empty collection for any table that was not handed over, then renames the temporary directory to
 * the target, or, when the target directory exists already, moves the five files into it (other
 * files there are left alone). A failure, or {@link #close()} without a commit, deletes the
 * temporary directory, so nothing half-written is left behind. Use it in try-with-resources.
 *
 * <p>Not thread-safe; one dataset per instance.
 */
public final class GeoJsonDatasetWriter implements DatasetSink, AutoCloseable {
    public static final String COMMUNITIES = "communities.geojson";
    public static final String FACILITIES = "facilities.geojson";
    public static final String POPULATION_CELLS = "population_cells.geojson";
    public static final String ROAD_EDGES = "road_edges.geojson";
    public static final String BARRIERS = "barriers.geojson";
    /** Every file a committed dataset holds, in the order the sink contract lists the tables. */
    public static final List<String> FILES = List.of(COMMUNITIES, FACILITIES, POPULATION_CELLS, ROAD_EDGES, BARRIERS);

    private static final JsonFactory JSON = new JsonFactory();
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path target;
    private final Set<String> written = new LinkedHashSet<>();
    private Path temporary;
    private boolean committed;

    /** @param directory where the files go; created on commit if missing */
    public GeoJsonDatasetWriter(Path directory) {
        this.target =
                Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    @Override
    public void begin(DatasetInfo info) {
        Objects.requireNonNull(info, "info");
        if (temporary != null || committed) {
            throw new IllegalStateException("begin() was already called on this writer");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("GeoJSON target is not a directory: " + target);
        }
        try {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            temporary = createHiddenSibling(parent, "." + target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory beside " + target, e);
        }
    }

    /**
     * A new directory with the default permissions ({@code Files.createTempDirectory} would make it
     * owner-only, and the rename would carry that over to the dataset).
     */
    private static Path createHiddenSibling(Path parent, String prefix) throws IOException {
        long suffix = System.nanoTime();
        while (true) {
            try {
                return Files.createDirectory(parent.resolve(prefix + Long.toHexString(suffix)));
            } catch (FileAlreadyExistsException e) {
                suffix++;
            }
        }
    }

    @Override
    public void communities(Iterable<Community> rows) {
        writeTable(COMMUNITIES, rows, Community::boundary, (g, c) -> {
            g.writeStringProperty("code", c.code());
            g.writeStringProperty("name", c.name());
            g.writeStringProperty("subdistrict_code", c.subdistrictCode());
            g.writeStringProperty("subdistrict_name", c.subdistrictName());
            g.writeBooleanProperty("urban", c.urban());
            writeNumber(g, "office_area_square_meters", c.officeAreaSquareMeters());
            writeNumber(g, "service_area_square_meters", c.serviceAreaSquareMeters());
            writeNumber(g, "staff_count", c.staffCount());
        });
    }

    @Override
    public void facilities(Iterable<Facility> rows) {
        writeTable(FACILITIES, rows, Facility::location, (g, f) -> {
            g.writeStringProperty("type_code", f.typeCode());
            g.writeStringProperty("name", f.name());
            writeNumber(g, "floor_area_square_meters", f.floorAreaSquareMeters());
            writeNumber(g, "capacity", f.capacity());
            g.writeStringProperty("source", f.source());
        });
    }

    @Override
    public void populationCells(Iterable<PopulationCell> rows) {
        writeTable(POPULATION_CELLS, rows, PopulationCell::cell, (g, p) -> {
            g.writeNumberProperty("population", p.population());
            g.writeNumberProperty("households", p.households());
            writeNumber(g, "elderly", p.elderly());
            writeNumber(g, "children", p.children());
            g.writeStringProperty("source", p.source());
        });
    }

    @Override
    public void roadEdges(Iterable<RoadEdge> rows) {
        writeTable(ROAD_EDGES, rows, RoadEdge::geometry, (g, e) -> {
            g.writeNumberProperty("source_node", e.sourceNode());
            g.writeNumberProperty("target_node", e.targetNode());
            g.writeNumberProperty("length_meters", e.lengthMeters());
            g.writeStringProperty("road_class", e.roadClass());
            g.writeBooleanProperty("arterial", e.arterial());
            g.writeBooleanProperty("bridge", e.bridge());
            g.writeBooleanProperty("rail_crossing", e.railCrossing());
        });
    }

    @Override
    public void barriers(Iterable<Barrier> rows) {
        writeTable(BARRIERS, rows, Barrier::geometry, (g, b) -> {
            g.writeStringProperty("kind", b.kind().code());
            g.writeStringProperty("name", b.name());
        });
    }

    @Override
    public void commit() {
        requireOpen();
        for (String file : FILES) {
            if (!written.contains(file)) {
                writeTable(file, List.of(), row -> null, (g, row) -> {});
            }
        }
        try {
            if (Files.isDirectory(target)) {
                for (String file : FILES) {
                    Files.move(
                            temporary.resolve(file),
                            target.resolve(file),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
                Files.delete(temporary);
            } else {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
            temporary = null;
        } catch (FileAlreadyExistsException e) {
            discard();
            throw new IllegalStateException("GeoJSON target appeared while writing: " + target, e);
        } catch (IOException e) {
            discard();
            throw new UncheckedIOException("Cannot move the GeoJSON files into " + target, e);
        }
    }

    /** Deletes the temporary directory unless the dataset was committed. Safe to call twice. */
    @Override
    public void close() {
        discard();
    }

    /** The directory the files are committed to. */
    public Path directory() {
        return target;
    }

    private void requireOpen() {
        if (temporary == null) {
            throw new IllegalStateException(committed ? "Dataset already committed" : "begin() has not been called");
        }
    }

    private <T> void writeTable(
            String file, Iterable<T> rows, Function<T, Geometry> geometry, BiConsumer<JsonGenerator, T> properties) {
        requireOpen();
        Objects.requireNonNull(rows, "rows");
        if (!written.add(file)) {
            throw new IllegalStateException(file + " was already written; each table is handed over once");
        }
        boolean done = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary.resolve(file)), BUFFER_BYTES);
                JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeStringProperty("name", file.substring(0, file.indexOf('.')));
            g.writeName("features");
            g.writeStartArray();
            for (T row : rows) {
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                g.writeName("geometry");
                GeoJsonGeometries.write(g, geometry.apply(row));
                g.writeName("properties");
                g.writeStartObject();
                properties.accept(g, row);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.write('\n');
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        } finally {
            if (!done) {
                discard();
            }
        }
    }

    private static void writeNumber(JsonGenerator g, String name, Double value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value.doubleValue());
        }
    }

    private static void writeNumber(JsonGenerator g, String name, Integer value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value.intValue());
        }
    }

    private void discard() {
        if (temporary == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(temporary)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete temporary directory " + temporary, e);
        } finally {
            temporary = null;
        }
    }
}
