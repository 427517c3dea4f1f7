package org.lifecircle.datasets.importer.osm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Facilities from OSM features a {@link OsmFacilityMapping} rule matches: tagged nodes at their
 * position, closed ways and multipolygons at their centroid (or an interior point when the centroid
 * falls outside, as for an L-shaped compound).
 *
 * <p>One facility is often mapped twice, as a node and as its grounds. A node that lies inside the
 * area of a feature of the same facility type, with the same name or one of the two unnamed, is
 * taken for the same facility and merged into the area (listed as a rejection). The floor area is
 * left unknown: an OSM outline is the site, not the floor area the standards count. {@code
 * capacity} is taken when it is a whole number.
 *
 * <p>Not thread-safe.
 */
final class FacilityBuilder {
    private static final GeometryFactory LON_LAT = MetricProjection.lonLatFactory();

    /**
     * The facilities and what became of the matched features.
     *
     * @param readByOsmTag matched features per {@code key=value}, e.g. {@code amenity=school → 18}
     * @param rejections OSM reference and reason of each feature left out
     */
    record Result(List<Facility> facilities, Map<String, Long> readByOsmTag, List<String> rejections) {}

    private record Candidate(
            String typeCode, String name, Point location, Geometry area, Integer capacity, String ref) {}

    private final OsmFacilityMapping mapping;
    private final OsmGeometryBuilder geometry;
    private final String source;

    /** @param source prefix of each row's source, e.g. {@code osm:city.osm.pbf} */
    FacilityBuilder(OsmFacilityMapping mapping, OsmGeometryBuilder geometry, String source) {
        this.mapping = mapping;
        this.geometry = geometry;
        this.source = source;
    }

    Result build(OsmElements elements) {
        Map<String, Long> read = new TreeMap<>();
        List<String> rejections = new ArrayList<>();
        List<Candidate> areas = new ArrayList<>();
        List<Candidate> points = new ArrayList<>();

        for (OsmWay way : elements.ways()) {
            OsmFacilityMapping.Match match = countedMatch(way.tags(), read);
            if (match == null || skipped(way.tags(), way.ref(), rejections)) {
                continue;
            }
            Geometry area = way.isClosed() ? geometry.area(way) : null;
            if (area == null) {
                rejections.add(way.ref() + " (" + match.osmTag() + "): "
                        + (way.isClosed() ? "its outline lacks nodes in this extract" : "not a closed way, no area"));
                continue;
            }
            areas.add(candidate(match, way.tags(), area, way.ref()));
        }
        for (OsmMultipolygon relation : elements.multipolygons()) {
            OsmFacilityMapping.Match match = countedMatch(relation.tags(), read);
            if (match == null || skipped(relation.tags(), relation.ref(), rejections)) {
                continue;
            }
            Geometry area = geometry.area(relation);
            if (area == null) {
                rejections.add(relation.ref() + " (" + match.osmTag() + "): its outline lacks members in this extract");
                continue;
            }
            areas.add(candidate(match, relation.tags(), area, relation.ref()));
        }
        for (OsmNodeFeature node : elements.nodeFeatures()) {
            OsmFacilityMapping.Match match = countedMatch(node.tags(), read);
            if (match == null || skipped(node.tags(), node.ref(), rejections)) {
                continue;
            }
            Point point = LON_LAT.createPoint(new Coordinate(node.longitude(), node.latitude()));
            points.add(new Candidate(
                    match.rule().typeCode(),
                    mapping.nameOf(node.tags()),
                    point,
                    null,
                    capacity(node.tags()),
                    node.ref()));
        }

        STRtree areaIndex = new STRtree();
        for (Candidate area : areas) {
            areaIndex.insert(area.area().getEnvelopeInternal(), area);
        }
        List<Facility> facilities = new ArrayList<>();
        for (Candidate area : areas) {
            facilities.add(facility(area));
        }
        for (Candidate point : points) {
            Candidate same = sameFacilityArea(areaIndex, point);
            if (same != null) {
                rejections.add(point.ref() + " (" + point.typeCode() + " " + Objects.toString(point.name(), "unnamed")
                        + "): the same facility as " + same.ref() + ", kept as its area");
                continue;
            }
            facilities.add(facility(point));
        }
        return new Result(facilities, read, rejections);
    }

    private OsmFacilityMapping.Match countedMatch(OsmTags tags, Map<String, Long> read) {
        OsmFacilityMapping.Match match = mapping.match(tags);
        if (match != null) {
            read.merge(match.osmTag(), 1L, Long::sum);
        }
        return match;
    }

    private boolean skipped(OsmTags tags, String ref, List<String> rejections) {
        String reason = mapping.skipReason(tags);
        if (reason == null) {
            return false;
        }
        rejections.add(ref + ": " + reason);
        return true;
    }

    private Candidate candidate(OsmFacilityMapping.Match match, OsmTags tags, Geometry area, String ref) {
        Point centroid = area.getCentroid();
        Point location = area.contains(centroid) ? centroid : area.getInteriorPoint();
        location = LON_LAT.createPoint(location.getCoordinate());
        return new Candidate(match.rule().typeCode(), mapping.nameOf(tags), location, area, capacity(tags), ref);
    }

    private static Candidate sameFacilityArea(STRtree areaIndex, Candidate point) {
        for (Object item : areaIndex.query(point.location().getEnvelopeInternal())) {
            Candidate area = (Candidate) item;
            boolean sameName =
                    point.name() == null || area.name() == null || point.name().equals(area.name());
            if (area.typeCode().equals(point.typeCode()) && sameName && contains(area.area(), point.location())) {
                return area;
            }
        }
        return null;
    }

    private static boolean contains(Geometry area, Point point) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        return prepared.covers(point);
    }

    private Facility facility(Candidate candidate) {
        return new Facility(
                candidate.typeCode(),
                candidate.name(),
                candidate.location(),
                null,
                candidate.capacity(),
                source + ":" + candidate.ref());
    }

    private static Integer capacity(OsmTags tags) {
        String value = tags.get("capacity");
        if (value == null) {
            return null;
        }
        try {
            int capacity = Integer.parseInt(value.trim());
            return capacity >= 0 ? capacity : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
