package org.lifecircle.web.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.graph.SnapOptions;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.Snapper;
import org.lifecircle.core.servicearea.ServiceAreaOptions;
import org.lifecircle.web.network.WalkingNetwork;
import org.locationtech.jts.geom.Polygon;

/**
 * Everything the coverage, accessibility, siting and centre analyses read, snapped once onto the
 * shared walking network with the snapping the service areas use, so every number and polygon of
 * one data version agrees. Immutable; shared by concurrent requests.
 *
 * @param network the walking graph of the current dataset load
 * @param version what the inputs were read at: the dataset load and the latest community version;
 *     a change of either rebuilds them
 * @param communities current communities; a cell's community index is a position here
 * @param cells population cells in the order of {@link #snappedCells()}
 * @param snappedCells the cells' representative points snapped, households and communities
 * @param facilitiesByType facilities of every catalog type (empty list for none), ordered by id
 * @param snappedFacilitiesByType the same facilities snapped, position for position
 */
public record AnalysisInputs(
        WalkingNetwork network,
        String version,
        List<CommunityRecord> communities,
        List<CellRecord> cells,
        PopulationCells snappedCells,
        Map<String, List<FacilityRecord>> facilitiesByType,
        Map<String, List<SnappedPoint>> snappedFacilitiesByType) {

    /**
     * The snapping every analysis uses: the service areas' limit, so a facility that draws no
     * service area covers nobody either.
     */
    public static final SnapOptions SNAP_OPTIONS =
            SnapOptions.within(ServiceAreaOptions.DEFAULT_MAX_SNAP_DISTANCE_METERS);

    public AnalysisInputs {
        Objects.requireNonNull(network, "network");
        communities = List.copyOf(communities);
        cells = List.copyOf(cells);
        facilitiesByType = Map.copyOf(facilitiesByType);
        snappedFacilitiesByType = Map.copyOf(snappedFacilitiesByType);
    }

    /** A new snapper on the network (snappers are not thread-safe; they are cheap). */
    public Snapper newSnapper() {
        return new Snapper(network.graph(), SNAP_OPTIONS);
    }

    /** The cells' polygons (EPSG:4326) in cell order, as the gap analysis takes them. */
    public List<Polygon> cellPolygons() {
        return cells.stream().map(c -> c.cell().cell()).toList();
    }

    public List<FacilityRecord> facilities(String type) {
        return facilitiesByType.getOrDefault(type, List.of());
    }

    public List<SnappedPoint> snappedFacilities(String type) {
        return snappedFacilitiesByType.getOrDefault(type, List.of());
    }

    /** The id of a facility of a type by its position, null for -1. */
    public Long facilityId(String type, int index) {
        return index < 0 ? null : facilities(type).get(index).id();
    }

    /** The id of a cell's community, null for none. */
    public Long communityId(int communityIndex) {
        return communityIndex < 0 ? null : communities.get(communityIndex).id();
    }
}
