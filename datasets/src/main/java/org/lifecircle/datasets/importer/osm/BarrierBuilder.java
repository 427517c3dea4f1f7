package org.lifecircle.datasets.importer.osm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * Barriers from OSM: rail lines at grade ({@code RAIL}), river and canal lines and water areas
 * ({@code RIVER}), as {@link OsmTagRules} defines them. Lines of one kind and name are merged into
 * one row (a river mapped as forty ways is one barrier); each water area of at least the minimum
 * size is a row of its own. Lines keep their parts inside the extract; areas missing nodes are
 * dropped and counted.
 *
 * <p>Not thread-safe.
 */
final class BarrierBuilder {
    private static final GeometryFactory LON_LAT = MetricProjection.lonLatFactory();

    /**
     * The barriers and what became of the ways.
     *
     * @param railWays ways taken as rail lines
     * @param riverWays ways taken as river or canal lines
     * @param waterAreas water areas kept
     * @param smallWaterAreas water areas below the minimum size
     * @param incompleteWaterAreas water areas whose outline the extract lacks nodes or members of
     */
    record Result(
            List<Barrier> barriers,
            int railWays,
            int riverWays,
            int waterAreas,
            int smallWaterAreas,
            int incompleteWaterAreas) {}

    private final OsmTagRules rules;
    private final OsmGeometryBuilder geometry;
    private final double minWaterAreaSquareMeters;

    BarrierBuilder(OsmTagRules rules, OsmGeometryBuilder geometry, double minWaterAreaSquareMeters) {
        this.rules = rules;
        this.geometry = geometry;
        this.minWaterAreaSquareMeters = minWaterAreaSquareMeters;
    }

    Result build(OsmElements elements) {
        Map<String, List<LineString>> railByName = new TreeMap<>();
        Map<String, List<LineString>> riverByName = new TreeMap<>();
        int railWays = 0;
        int riverWays = 0;
        List<Barrier> areas = new ArrayList<>();
        int small = 0;
        int incomplete = 0;
        for (OsmWay way : elements.ways()) {
            OsmTags tags = way.tags();
            if (rules.isRailBarrier(tags)) {
                railWays++;
                railByName
                        .computeIfAbsent(nameKey(tags), k -> new ArrayList<>())
                        .addAll(geometry.lines(way));
            } else if (rules.isRiverLine(tags)) {
                riverWays++;
                riverByName
                        .computeIfAbsent(nameKey(tags), k -> new ArrayList<>())
                        .addAll(geometry.lines(way));
            } else if (way.isClosed() && rules.isWaterArea(tags)) {
                Geometry area = geometry.area(way);
                if (area == null) {
                    incomplete++;
                } else if (geometry.areaSquareMeters(area) < minWaterAreaSquareMeters) {
                    small++;
                } else {
                    areas.add(new Barrier(BarrierKind.RIVER, tags.get("name"), area));
                }
            }
        }
        for (OsmMultipolygon relation : elements.multipolygons()) {
            if (!rules.isWaterArea(relation.tags())) {
                continue;
            }
            Geometry area = geometry.area(relation);
            if (area == null) {
                incomplete++;
            } else if (geometry.areaSquareMeters(area) < minWaterAreaSquareMeters) {
                small++;
            } else {
                areas.add(new Barrier(BarrierKind.RIVER, relation.tags().get("name"), area));
            }
        }
        List<Barrier> barriers = new ArrayList<>();
        addMerged(barriers, BarrierKind.RAIL, railByName);
        addMerged(barriers, BarrierKind.RIVER, riverByName);
        barriers.addAll(areas);
        return new Result(barriers, railWays, riverWays, areas.size(), small, incomplete);
    }

    private static String nameKey(OsmTags tags) {
        String name = tags.get("name");
        return name == null ? "" : name;
    }

    private static void addMerged(List<Barrier> barriers, BarrierKind kind, Map<String, List<LineString>> byName) {
        for (var entry : byName.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            LineMerger merger = new LineMerger();
            merger.add(entry.getValue());
            @SuppressWarnings("unchecked")
            Collection<LineString> merged = merger.getMergedLineStrings();
            Geometry lines = merged.size() == 1
                    ? merged.iterator().next()
                    : LON_LAT.createMultiLineString(merged.toArray(LineString[]::new));
            lines.setSRID(LON_LAT.getSRID());
            String name = entry.getKey().isEmpty() ? null : entry.getKey();
            barriers.add(new Barrier(kind, name, lines));
        }
    }
}
