package org.lifecircle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.graph.SnapOptions;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.Snapper;
import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.core.servicearea.ServiceAreaOptions;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCityGenerator;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The whole demo city of one size — communities, facilities, population cells and walking network —
 * prepared the way a coverage, accessibility or siting run starts after the graph is loaded: the
 * graph built, every cell's representative point snapped once and assigned to its community. Same
 * size and seed ({@link BenchNetwork#SEED}) as {@code lifecircle.jar demo --size=…}, so the pgRouting
 * peer's road_edge rows are these edges.
 *
 * <p>Facilities and cells snap with the service areas' default limit ({@link
 * ServiceAreaOptions#DEFAULT_MAX_SNAP_DISTANCE_METERS}): one graph and one snapping for every
 * analysis. Immutable after {@link #generate}; the {@link #snapper} is read-only and may be shared.
 */
final class DemoCity {
    /**
     * The type of the single-type measures (pgRouting comparison, E2SFCA, siting): a 5-minute type
     * whose every facility has a capacity, the type the graph benchmarks use too.
     */
    static final String TYPE_CODE = BenchNetwork.DEMO_TYPE_CODE;

    final DemoCitySize size;
    final StandardsCatalog catalog;
    final List<Community> communities;
    final List<PopulationCell> populationCells;
    final List<Polygon> cellPolygons;
    final List<Facility> facilities;
    final WalkingGraph graph;
    final Snapper snapper;
    /** Snapped cells with households and community indices (positions in {@link #communities}). */
    final PopulationCells cells;
    /** Cells whose representative point lies in no community (community index -1). */
    final int cellsOutsideCommunities;

    private DemoCity(DemoCitySize size, CollectingSink sink) {
        this.size = size;
        this.catalog = StandardsCatalog.national();
        this.communities = List.copyOf(sink.communities);
        this.populationCells = List.copyOf(sink.populationCells);
        List<Polygon> polygons = new ArrayList<>(populationCells.size());
        for (PopulationCell cell : populationCells) {
            polygons.add(cell.cell());
        }
        this.cellPolygons = List.copyOf(polygons);
        this.facilities = List.copyOf(sink.facilities);
        this.graph = WalkingGraph.fromEdges(sink.roadEdges);
        this.snapper = new Snapper(graph, SnapOptions.within(ServiceAreaOptions.DEFAULT_MAX_SNAP_DISTANCE_METERS));
        int[] communityOfCell = communityOfCell(communities, populationCells);
        int outside = 0;
        for (int c : communityOfCell) {
            outside += c < 0 ? 1 : 0;
        }
        this.cellsOutsideCommunities = outside;
        this.cells = PopulationCells.snap(snapper, populationCells, communityOfCell, communities.size());
    }

    /** Generates a demo city ({@code town}, {@code district} or {@code city}) and prepares it. */
    static DemoCity generate(String sizeCode) {
        DemoCitySize size = DemoCitySize.valueOf(sizeCode.toUpperCase(Locale.ROOT));
        CollectingSink sink = new CollectingSink();
        new DemoCityGenerator(size, BenchNetwork.SEED).generate(sink, ProgressListener.NONE);
        return new DemoCity(size, sink);
    }

    /** The catalog's facility types, in catalog order. */
    List<String> typeCodes() {
        return List.copyOf(catalog.facilityTypes().keySet());
    }

    /** Every facility of a type, in generation order. */
    List<Facility> facilitiesOf(String typeCode) {
        List<Facility> ofType = new ArrayList<>();
        for (Facility facility : facilities) {
            if (facility.typeCode().equals(typeCode)) {
                ofType.add(facility);
            }
        }
        return ofType;
    }

    /** The facilities snapped with {@link #snapper}, in input order. */
    List<SnappedPoint> snap(List<Facility> ofType) {
        List<SnappedPoint> snapped = new ArrayList<>(ofType.size());
        for (Facility facility : ofType) {
            snapped.add(
                    snapper.snap(facility.location().getX(), facility.location().getY()));
        }
        return snapped;
    }

    /** Residents per cell, as doubles (the demand of a floating-catchment analysis). */
    double[] population() {
        double[] population = new double[populationCells.size()];
        for (int i = 0; i < population.length; i++) {
            population[i] = populationCells.get(i).population();
        }
        return population;
    }

    /**
     * The community whose boundary holds each cell's representative point (the point the cell snaps
     * from, {@link PopulationCells#representativePoint}), -1 for none. An STRtree over the
     * boundaries' envelopes, then a prepared point-in-polygon test; a point on a shared border goes
     * to the lowest community index so the answer does not depend on the tree's order.
     */
    static int[] communityOfCell(List<Community> communities, List<PopulationCell> cells) {
        STRtree index = new STRtree();
        PreparedGeometry[] prepared = new PreparedGeometry[communities.size()];
        for (int c = 0; c < prepared.length; c++) {
            prepared[c] = PreparedGeometryFactory.prepare(communities.get(c).boundary());
            index.insert(communities.get(c).boundary().getEnvelopeInternal(), c);
        }
        index.build();
        int[] communityOfCell = new int[cells.size()];
        for (int i = 0; i < communityOfCell.length; i++) {
            Point at = PopulationCells.representativePoint(cells.get(i).cell());
            int found = -1;
            for (Object item : index.query(new Envelope(at.getCoordinate()))) {
                int c = (Integer) item;
                if ((found < 0 || c < found) && prepared[c].covers(at)) {
                    found = c;
                }
            }
            communityOfCell[i] = found;
        }
        return communityOfCell;
    }
}
