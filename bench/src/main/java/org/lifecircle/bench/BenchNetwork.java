package org.lifecircle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCityGenerator;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.locationtech.jts.geom.Geometry;

/**
 * The walking network, facilities and barriers of one demo city, generated in memory with the same
 * size and seed that {@code lifecircle.jar demo --size=…} loads into PostGIS, so every benchmark and
 * every peer works on the same rows: the road_edge node ids here are the pgRouting vertex ids there.
 *
 * <p>Communities and population cells are not kept. Immutable after {@link #generate}.
 */
final class DemoNetwork {
    /** The seed of the demo data the web app loads by default. */
    static final long SEED = 42;

    /** Facilities per 15-minute area measurement: the brief's sample size. */
    static final int SAMPLE_FACILITY_COUNT = 200;

    /** Facility type dissolved and used as multi-source search sources. */
    static final String TYPE_CODE = "kindergarten";

    /** Walking distance of the 15-minute area: 15 min × 60 s × 1.0 m/s. */
    static final double FIFTEEN_MINUTE_LIMIT_METERS = 900;

    final DemoCitySize size;
    final List<RoadEdge> roadEdges;
    final List<Facility> facilities;
    final List<Barrier> barriers;

    private DemoNetwork(
            DemoCitySize size, List<RoadEdge> roadEdges, List<Facility> facilities, List<Barrier> barriers) {
        this.size = size;
        this.roadEdges = List.copyOf(roadEdges);
        this.facilities = List.copyOf(facilities);
        this.barriers = List.copyOf(barriers);
    }

    /** Generates a demo city ({@code town}, {@code district} or {@code city}) with seed {@link #SEED}. */
    static DemoNetwork generate(String sizeCode) {
        DemoCitySize size = DemoCitySize.valueOf(sizeCode.toUpperCase(Locale.ROOT));
        CollectingSink sink = new CollectingSink();
        new DemoCityGenerator(size, SEED).generate(sink, ProgressListener.NONE);
        return new DemoNetwork(size, sink.roadEdges, sink.facilities, sink.barriers);
    }

    /**
     * Up to {@link #SAMPLE_FACILITY_COUNT} facilities spread evenly over the generation order (which
     * walks the city community by community), all of them when there are fewer.
     */
    List<Facility> sampleFacilities() {
        int n = facilities.size();
        int k = Math.min(n, SAMPLE_FACILITY_COUNT);
        List<Facility> sample = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            sample.add(facilities.get((int) ((long) i * n / k)));
        }
        return sample;
    }

    /** Every facility of {@link #TYPE_CODE}. */
    List<Facility> typeFacilities() {
        List<Facility> ofType = new ArrayList<>();
        for (Facility facility : facilities) {
            if (facility.typeCode().equals(TYPE_CODE)) {
                ofType.add(facility);
            }
        }
        return ofType;
    }

    /** The river polygon(s), EPSG:4326. */
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
