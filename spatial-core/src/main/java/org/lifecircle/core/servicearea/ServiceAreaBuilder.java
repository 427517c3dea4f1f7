package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.MetricProjection;
import org.lifecircle.core.graph.ReachedEdgeParts;
import org.lifecircle.core.graph.SnapOptions;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.Snapper;
import org.lifecircle.core.graph.WalkingGraph;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Service areas (生活圈 / 便民服务圈) of facilities: per facility, and dissolved per facility type.
 *
 * <p><b>Network mode</b>, in numbered stages:
 *
 * <ol>
 *   <li>snap each facility onto the nearest edge ({@link Snapper}; beyond {@link
 *       ServiceAreaOptions#maxSnapDistanceMeters()} it is reported unsnapped with empty areas);
 *   <li>one bounded Dijkstra at the largest threshold distance ({@link DistanceSearch}; for a type,
 *       one multi-source search from all its facilities, whose reach is exactly the union of the
 *       single-facility reaches);
 *   <li>per threshold, the reached edge parts including partial frontier edges and the facility's
 *       access walk ({@link ReachedEdgeParts}, {@code ReachedLines});
 *   <li>widen by the off-network allowance without crossing rivers or rail lines away from
 *       bridges and crossings, drawn as one contour within the simplification tolerance of the exact
 *       area ({@code NetworkAreaShaper}, {@code AllowanceContour}); a type's dissolve is the contour
 *       of the multi-source reach, one polygon for the whole city instead of a union of per-facility
 *       polygons, and equal to that union (exactly for the exact areas, within the tolerance drawn);
 *   <li>transform to EPSG:4326.
 * </ol>
 *
 * <p><b>Circle mode</b>: a geodesic circle of radius speed × time around each facility ({@code
 * CircleArea}), unioned per type; facilities are still snapped so unsnapped ones can be reported,
 * but all get circles.
 *
 * <p>The walking distance of a threshold is speed × minutes × 60 (GB 50180-2018 §2.0.2–2.0.4 define
 * the 5/10/15-minute life circles by walking time; TD/T 1062-2021 uses the same levels). The
 * facility's own off-network walk counts against the budget.
 *
 * <p>Immutable and thread-safe: each call works with its own snapper and search. Per call, memory
 * is O(graph nodes) for the search plus the geometry of the areas.
 */
public final class ServiceAreaBuilder {
    private final WalkingGraph graph;
    private final ServiceAreaOptions options;
    private final NetworkAreaShaper shaper;

    /**
     * @param graph the walking graph, shared
     * @param barriers rivers, rail lines and other barriers in EPSG:4326; may be empty
     * @param options thresholds, speed, mode and geometry parameters
     */
    public ServiceAreaBuilder(WalkingGraph graph, List<Barrier> barriers, ServiceAreaOptions options) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
        this.shaper = new NetworkAreaShaper(
                new BarrierMask(List.copyOf(barriers), graph.projection()),
                graph.projection().metricFactory());
    }

    public ServiceAreaOptions options() {
        return options;
    }

    /** The areas of a single point (facility index 0). */
    public FacilityServiceAreas forPoint(double lon, double lat) {
        Snapper snapper = newSnapper();
        DistanceSearch search = options.mode() == ServiceAreaMode.NETWORK ? new DistanceSearch(graph) : null;
        return areasOf(0, snapper.snap(lon, lat), search);
    }

    /** The areas of each facility, in input order. */
    public List<FacilityServiceAreas> perFacility(List<Facility> facilities) {
        return perFacility(facilities, done -> {});
    }

    /**
     * The areas of each facility, in input order, telling {@code facilitiesDone} the count after
     * each one. One snapper and one search serve every facility: a search holds graph-sized arrays,
     * so building one per facility would allocate O(nodes) each time.
     */
    public List<FacilityServiceAreas> perFacility(List<Facility> facilities, IntConsumer facilitiesDone) {
        Snapper snapper = newSnapper();
        DistanceSearch search = options.mode() == ServiceAreaMode.NETWORK ? new DistanceSearch(graph) : null;
        List<FacilityServiceAreas> result = new ArrayList<>(facilities.size());
        for (int i = 0; i < facilities.size(); i++) {
            Facility facility = facilities.get(i);
            SnappedPoint snap =
                    snapper.snap(facility.location().getX(), facility.location().getY());
            result.add(areasOf(i, snap, search));
            facilitiesDone.accept(i + 1);
        }
        return result;
    }

    /** The dissolved areas of each facility type present, ordered by type code. */
    public List<TypeServiceAreas> perType(List<Facility> facilities) {
        Map<String, List<Facility>> byType = new TreeMap<>();
        for (Facility facility : facilities) {
            byType.computeIfAbsent(facility.typeCode(), k -> new ArrayList<>()).add(facility);
        }
        Snapper snapper = newSnapper();
        DistanceSearch search = options.mode() == ServiceAreaMode.NETWORK ? new DistanceSearch(graph) : null;
        List<TypeServiceAreas> result = new ArrayList<>(byType.size());
        for (Map.Entry<String, List<Facility>> type : byType.entrySet()) {
            List<SnappedPoint> snaps = new ArrayList<>(type.getValue().size());
            int unsnapped = 0;
            for (Facility facility : type.getValue()) {
                SnappedPoint snap = snapper.snap(
                        facility.location().getX(), facility.location().getY());
                snaps.add(snap);
                unsnapped += snap.isSnapped() ? 0 : 1;
            }
            List<ServiceArea> areas =
                    options.mode() == ServiceAreaMode.NETWORK ? networkAreas(snaps, search) : circleAreas(snaps);
            result.add(new TypeServiceAreas(type.getKey(), snaps.size(), unsnapped, areas));
        }
        return result;
    }

    private Snapper newSnapper() {
        return new Snapper(graph, SnapOptions.within(options.maxSnapDistanceMeters()));
    }

    private FacilityServiceAreas areasOf(int index, SnappedPoint snap, DistanceSearch search) {
        List<ServiceArea> areas = options.mode() == ServiceAreaMode.NETWORK
                ? networkAreas(List.of(snap), search)
                : circleAreas(List.of(snap));
        return new FacilityServiceAreas(index, snap, areas);
    }

    private List<ServiceArea> networkAreas(List<SnappedPoint> sources, DistanceSearch search) {
        search.run(sources, options.maxLimitMeters());
        List<Integer> thresholds = options.thresholdsMinutes();
        List<List<LineString>> linesPerThreshold = new ArrayList<>(thresholds.size());
        for (int minutes : thresholds) {
            ReachedEdgeParts parts = search.reachedEdgeParts(options.limitMetersFor(minutes));
            linesPerThreshold.add(ReachedLines.of(graph, parts, sources));
        }
        List<Geometry> meters = shaper.shapeAll(
                linesPerThreshold, options.offNetworkAllowanceMeters(), options.simplifyToleranceMeters());
        List<ServiceArea> areas = new ArrayList<>(thresholds.size());
        for (int k = 0; k < thresholds.size(); k++) {
            int minutes = thresholds.get(k);
            areas.add(new ServiceArea(
                    minutes,
                    options.limitMetersFor(minutes),
                    graph.projection().toLonLat(meters.get(k)),
                    meters.get(k).getArea()));
        }
        return areas;
    }

    private List<ServiceArea> circleAreas(List<SnappedPoint> centres) {
        List<ServiceArea> areas = new ArrayList<>(options.thresholdsMinutes().size());
        for (int minutes : options.thresholdsMinutes()) {
            double limitMeters = options.limitMetersFor(minutes);
            List<Geometry> circles = new ArrayList<>(centres.size());
            for (SnappedPoint centre : centres) {
                circles.add(CircleArea.lonLatCircle(centre.lon(), centre.lat(), limitMeters));
            }
            Geometry lonLat = circles.size() == 1
                    ? circles.get(0)
                    : UnaryUnionOp.union(circles, MetricProjection.lonLatFactory());
            if (lonLat == null) {
                lonLat = MetricProjection.lonLatFactory().createPolygon();
            }
            double areaSquareMeters = lonLat.isEmpty()
                    ? 0
                    : MetricProjection.gaussKrugerFor(
                                    lonLat.getEnvelopeInternal().centre().x)
                            .toMeters(lonLat)
                            .getArea();
            areas.add(new ServiceArea(minutes, limitMeters, lonLat, areaSquareMeters));
        }
        return areas;
    }
}
