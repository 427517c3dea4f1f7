package org.lifecircle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.graph.MetricProjection;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCityGenerator;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.datasets.importer.osm.OsmExtract;
import org.lifecircle.datasets.importer.osm.OsmPbfImporter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The walking network, facilities and barriers of one graph-benchmark size, the same rows that the
 * pgRouting peer finds in PostGIS, so every benchmark and every peer works on one graph: the
 * road_edge node ids here are the pgRouting vertex ids there.
 *
 * <ul>
 *   <li>{@code town}, {@code district}, {@code city}: the demo city generated in memory with the size
 *       and seed ({@link #SEED}) that {@code lifecircle.jar demo --size=… } loads;
 *   <li>{@code nanjing}: the OpenStreetMap extract of central Nanjing read by {@link OsmPbfImporter}
 *       with its default options, the code path and options {@code lifecircle.jar import osm FILE}
 *       writes to PostGIS. The file is {@code $BENCH_NANJING_PBF}, else {@link #NANJING_PBF} from the
 *       working folder (the checkout's root); it is read, never committed.
 * </ul>
 *
 * <p>Communities and population cells are not kept. Immutable after {@link #load}.
 */
final class BenchNetwork {
    /** The seed of the demo data the web app loads by default. */
    static final long SEED = 42;

    /** The sizes in the order the script and the report take them. */
    static final List<String> SIZES = List.of("town", "district", "city", "nanjing");

    /** The size read from the OpenStreetMap extract rather than generated. */
    static final String NANJING = "nanjing";

    /** The extract beside the checkout (see ../shared/data/SOURCES.md). */
    static final String NANJING_PBF = "../shared/data/nanjing_xinjiekou_2021-06.osm.pbf";

    /** Environment variable naming another path of the extract. */
    static final String NANJING_PBF_VARIABLE = "BENCH_NANJING_PBF";

    /** Starting points per 15-minute area measurement: the brief's sample size. */
    static final int SAMPLE_COUNT = 200;

    /** Facility type dissolved and used as multi-source search sources in the demo cities. */
    static final String DEMO_TYPE_CODE = "kindergarten";

    /**
     * The same for the Nanjing extract: its most numerous type (23 of its 57 facilities, from
     * {@code leisure=pitch}). It maps a single kindergarten, and 9 primary schools.
     */
    static final String NANJING_TYPE_CODE = "fitness_ground";

    /** Walking distance of the 15-minute area: 15 min × 60 s × 1.0 m/s. */
    static final double FIFTEEN_MINUTE_LIMIT_METERS = 900;

    final String size;
    final String typeCode;
    final List<RoadEdge> roadEdges;
    final List<Facility> facilities;
    final List<Barrier> barriers;

    private BenchNetwork(
            String size, String typeCode, List<RoadEdge> roadEdges, List<Facility> facilities, List<Barrier> barriers) {
        this.size = size;
        this.typeCode = typeCode;
        this.roadEdges = List.copyOf(roadEdges);
        this.facilities = List.copyOf(facilities);
        this.barriers = List.copyOf(barriers);
    }

    /** The network of a size: {@code town}, {@code district}, {@code city} or {@code nanjing}. */
    static BenchNetwork load(String size) {
        if (NANJING.equals(size)) {
            Path pbf = nanjingPbf();
            try {
                OsmExtract extract = new OsmPbfImporter().extract(pbf, ProgressListener.NONE);
                return new BenchNetwork(
                        size, NANJING_TYPE_CODE, extract.roadEdges(), extract.facilities(), extract.barriers());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + pbf, e);
            }
        }
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("Unknown size '" + size + "': one of " + SIZES);
        }
        DemoCitySize demoSize = DemoCitySize.valueOf(size.toUpperCase(Locale.ROOT));
        CollectingSink sink = new CollectingSink();
        new DemoCityGenerator(demoSize, SEED).generate(sink, ProgressListener.NONE);
        return new BenchNetwork(size, DEMO_TYPE_CODE, sink.roadEdges, sink.facilities, sink.barriers);
    }

    /** The Nanjing extract's path; fails at once when it is missing. */
    static Path nanjingPbf() {
        String named = System.getenv(NANJING_PBF_VARIABLE);
        Path pbf = Path.of(named == null || named.isBlank() ? NANJING_PBF : named);
        if (!Files.isRegularFile(pbf)) {
            throw new IllegalStateException(
                    "No Nanjing extract at " + pbf.toAbsolutePath() + "; set " + NANJING_PBF_VARIABLE);
        }
        return pbf;
    }

    /**
     * True when the 15-minute areas start from facilities: always in a demo city (the town from all
     * of its 111), in the extract only when it holds {@link #SAMPLE_COUNT} of them.
     */
    boolean samplesFacilities() {
        return !NANJING.equals(size) || facilities.size() >= SAMPLE_COUNT;
    }

    /**
     * The starting points of the 15-minute area measurements, EPSG:4326. From facilities ({@link
     * #samplesFacilities}): up to {@link #SAMPLE_COUNT} spread evenly over the input order (which walks
     * a demo city community by community), all of them when there are fewer. Otherwise (the Nanjing
     * extract, 57 facilities) {@link #SAMPLE_COUNT} network nodes spread evenly over the largest
     * connected component in ascending node id: 57 starts would make the p95 the third slowest call,
     * and a start on a fragment of a few footways measures nothing.
     */
    List<Point> sampleLocations() {
        if (!samplesFacilities()) {
            return sampleNodeLocations();
        }
        int n = facilities.size();
        int k = Math.min(n, SAMPLE_COUNT);
        List<Point> sample = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            sample.add(facilities.get((int) ((long) i * n / k)).location());
        }
        return sample;
    }

    private List<Point> sampleNodeLocations() {
        WalkingGraph graph = WalkingGraph.fromEdges(roadEdges);
        int component = graph.largestComponent();
        int[] nodes = new int[graph.componentNodeCount(component)];
        int count = 0;
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (graph.componentOf(node) == component) {
                nodes[count++] = node;
            }
        }
        int k = Math.min(count, SAMPLE_COUNT);
        GeometryFactory lonLat = MetricProjection.lonLatFactory();
        List<Point> sample = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int node = nodes[(int) ((long) i * count / k)];
            sample.add(lonLat.createPoint(new Coordinate(graph.nodeLon(node), graph.nodeLat(node))));
        }
        return sample;
    }

    /** What the area measurements start from, for the report: {@code facilities} or {@code nodes}. */
    String sampleKind() {
        return samplesFacilities() ? "facilities" : "nodes";
    }

    /** Every facility of {@link #typeCode}. */
    List<Facility> typeFacilities() {
        List<Facility> ofType = new ArrayList<>();
        for (Facility facility : facilities) {
            if (facility.typeCode().equals(typeCode)) {
                ofType.add(facility);
            }
        }
        return ofType;
    }

    /** The river and water barriers (lines and areas), EPSG:4326. */
    List<Geometry> riverGeometries() {
        List<Geometry> rivers = new ArrayList<>();
        for (Barrier barrier : barriers) {
            if (barrier.kind() == BarrierKind.RIVER) {
                rivers.add(barrier.geometry());
            }
        }
        return rivers;
    }
}
