package org.lifecircle.datasets.importer.osm;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Picks the buildings people live in: those of a residential type ({@code building=apartments},
 * …) anywhere, and untyped ones ({@code building=yes} by default) whose interior point lies in a
 * {@code landuse=residential} area — in Chinese cities most housing blocks are mapped as untyped
 * buildings inside a mapped residential compound (小区). Closed ways and multipolygon relations
 * both count; outlines the extract cuts are dropped and counted.
 *
 * <p>Not thread-safe.
 */
final class ResidentialBuildingSelector {

    /**
     * @param residentialByType buildings of a residential type
     * @param residentialByLanduse untyped buildings inside residential areas
     * @param incompleteOutlines candidate buildings whose outline lacks nodes or members
     */
    record Result(
            List<ResidentialBuilding> buildings,
            int residentialByType,
            int residentialByLanduse,
            int incompleteOutlines) {}

    private final OsmTagRules rules;
    private final OsmGeometryBuilder geometry;

    ResidentialBuildingSelector(OsmTagRules rules, OsmGeometryBuilder geometry) {
        this.rules = rules;
        this.geometry = geometry;
    }

    Result select(OsmElements elements) {
        STRtree residentialAreas = new STRtree();
        for (OsmWay way : elements.ways()) {
            if (way.isClosed() && rules.isResidentialLanduse(way.tags())) {
                addArea(residentialAreas, geometry.area(way));
            }
        }
        for (OsmMultipolygon relation : elements.multipolygons()) {
            if (rules.isResidentialLanduse(relation.tags())) {
                addArea(residentialAreas, geometry.area(relation));
            }
        }

        List<ResidentialBuilding> buildings = new ArrayList<>();
        int byType = 0;
        int byLanduse = 0;
        int incomplete = 0;
        for (OsmWay way : elements.ways()) {
            OsmTags tags = way.tags();
            boolean typed = rules.isResidentialBuilding(tags);
            if (!way.isClosed() || !(typed || rules.isResidentialInResidentialLanduse(tags))) {
                continue;
            }
            Geometry footprint = geometry.area(way);
            if (footprint == null) {
                incomplete++;
            } else if (typed) {
                buildings.add(building(footprint, tags));
                byType++;
            } else if (inside(residentialAreas, footprint)) {
                buildings.add(building(footprint, tags));
                byLanduse++;
            }
        }
        for (OsmMultipolygon relation : elements.multipolygons()) {
            OsmTags tags = relation.tags();
            boolean typed = rules.isResidentialBuilding(tags);
            if (!(typed || rules.isResidentialInResidentialLanduse(tags))) {
                continue;
            }
            Geometry footprint = geometry.area(relation);
            if (footprint == null) {
                incomplete++;
            } else if (typed) {
                buildings.add(building(footprint, tags));
                byType++;
            } else if (inside(residentialAreas, footprint)) {
                buildings.add(building(footprint, tags));
                byLanduse++;
            }
        }
        return new Result(buildings, byType, byLanduse, incomplete);
    }

    private static ResidentialBuilding building(Geometry footprint, OsmTags tags) {
        return new ResidentialBuilding(footprint, tags.get("building"), tags.get("building:levels"));
    }

    private static void addArea(STRtree index, Geometry area) {
        if (area != null) {
            index.insert(area.getEnvelopeInternal(), PreparedGeometryFactory.prepare(area));
        }
    }

    private static boolean inside(STRtree residentialAreas, Geometry footprint) {
        Point point = footprint.getInteriorPoint();
        for (Object candidate : residentialAreas.query(point.getEnvelopeInternal())) {
            if (((PreparedGeometry) candidate).covers(point)) {
                return true;
            }
        }
        return false;
    }
}
