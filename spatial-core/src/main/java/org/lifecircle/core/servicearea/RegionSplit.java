package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The land regions of an extent around reached lines (the extent minus the barrier mask, split into
 * its connected pieces) and the reached lines sorted by the region they lie in, with the pieces on
 * the mask (bridges, level crossings) apart; see {@link NetworkAreaShaper} for why.
 *
 * <p>Only lines that meet the mask (prepared-geometry tests against the barrier pieces, prepared
 * once per {@link BarrierMask}) are cut by an overlay, all of them in one; every other line lies in a
 * single region, and so does every line joined to it through shared ends off the mask ({@link
 * LineGroups}), so a region is located once per group, from its first line's first point. On a
 * city-wide dissolve that is a few hundred lines cut instead of every reached edge, and on a
 * 15-minute area a few point locations instead of one per line.
 *
 * <p>Immutable once built.
 */
final class RegionSplit {
    final Geometry mask;
    final List<Polygon> regions;
    final List<List<LineString>> linesPerRegion;
    final List<LineString> crossingLines;

    private RegionSplit(
            Geometry mask,
            List<Polygon> regions,
            List<List<LineString>> linesPerRegion,
            List<LineString> crossingLines) {
        this.mask = mask;
        this.regions = regions;
        this.linesPerRegion = linesPerRegion;
        this.crossingLines = crossingLines;
    }

    static RegionSplit of(
            List<LineString> lines, Envelope extent, BarrierMask.Nearby barriers, GeometryFactory factory) {
        Geometry mask = barriers.geometry;
        Geometry land =
                OverlayNG.overlay(factory.toGeometry(extent), mask, OverlayNG.DIFFERENCE, NetworkAreaShaper.MILLIMETRE);
        List<Polygon> regions = NetworkAreaShaper.polygonsOf(land);
        STRtree regionIndex = new STRtree();
        // A few locations per call: scanning a region's rings beats indexing them.
        List<PointOnGeometryLocator> locators = new ArrayList<>(regions.size());
        List<List<LineString>> linesPerRegion = new ArrayList<>(regions.size());
        for (int r = 0; r < regions.size(); r++) {
            regionIndex.insert(regions.get(r).getEnvelopeInternal(), r);
            locators.add(new SimplePointInAreaLocator(regions.get(r)));
            linesPerRegion.add(new ArrayList<>());
        }
        List<LineString> meetingMask = new ArrayList<>();
        List<LineString> offMask = new ArrayList<>(lines.size());
        for (LineString line : lines) {
            (barriers.meets(line) ? meetingMask : offMask).add(line);
        }
        // Off the mask, a line lies inside one region, and so do lines sharing an end with it (the
        // path along them crosses no barrier): each group is located once, at its first line's start.
        int[] group = LineGroups.byCommonEnds(offMask);
        int[] regionOfGroup = new int[offMask.size()];
        Arrays.fill(regionOfGroup, -2);
        for (int i = 0; i < offMask.size(); i++) {
            LineString line = offMask.get(i);
            int g = group[i];
            if (regionOfGroup[g] == -2) {
                regionOfGroup[g] = regionOf(line, line.getCoordinateN(0), regions, regionIndex, locators);
            }
            if (regionOfGroup[g] >= 0) {
                linesPerRegion.get(regionOfGroup[g]).add(line);
            }
        }
        List<LineString> crossingLines = new ArrayList<>();
        if (!meetingMask.isEmpty()) {
            Geometry cut = factory.buildGeometry(meetingMask);
            Geometry onLand = OverlayNG.overlay(cut, mask, OverlayNG.DIFFERENCE, NetworkAreaShaper.MILLIMETRE);
            for (Object piece : LineStringExtracter.getLines(onLand)) {
                // A piece's ends may lie on the mask's boundary; its middle lies inside its region.
                LineString line = (LineString) piece;
                Coordinate middle = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
                addToRegion(line, middle, regions, regionIndex, locators, linesPerRegion);
            }
            Geometry onMask = OverlayNG.overlay(cut, mask, OverlayNG.INTERSECTION, NetworkAreaShaper.MILLIMETRE);
            for (Object piece : LineStringExtracter.getLines(onMask)) {
                crossingLines.add((LineString) piece);
            }
        }
        return new RegionSplit(mask, regions, linesPerRegion, crossingLines);
    }

    private static void addToRegion(
            LineString line,
            Coordinate inside,
            List<Polygon> regions,
            STRtree regionIndex,
            List<PointOnGeometryLocator> locators,
            List<List<LineString>> linesPerRegion) {
        int region = regionOf(line, inside, regions, regionIndex, locators);
        if (region >= 0) {
            linesPerRegion.get(region).add(line);
        }
    }

    /**
     * The region holding a line piece, located by a point of it off the mask ({@code inside}); -1 if
     * none, which only numerical noise at a region's edge can cause.
     */
    private static int regionOf(
            LineString line,
            Coordinate inside,
            List<Polygon> regions,
            STRtree regionIndex,
            List<PointOnGeometryLocator> locators) {
        @SuppressWarnings("unchecked")
        List<Integer> candidates = regionIndex.query(new Envelope(inside));
        for (int r : candidates) {
            if (locators.get(r).locate(inside) != Location.EXTERIOR) {
                return r;
            }
        }
        // Only now the distances, which cost a pass over a region's boundary each: the regions'
        // envelopes overlap (a river splits the extent's box), so most lines meet a candidate first
        // that does not hold them.
        int nearest = -1;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (int r : candidates) {
            double distance = regions.get(r).distance(line);
            if (distance < nearestDistance) {
                nearestDistance = distance;
                nearest = r;
            }
        }
        return nearestDistance <= BarrierMask.LINE_BARRIER_HALF_WIDTH_METERS ? nearest : -1;
    }
}
