package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The land regions of an extent around reached lines (the extent minus the barrier mask, split into
 * its connected pieces) and the reached lines sorted by the region they lie in, with the pieces on
 * the mask (bridges, level crossings) apart; see {@link NetworkAreaShaper} for why.
 *
 * <p>Only lines that meet the mask (a prepared-geometry test) are cut by an overlay, all of them in
 * one; every other line lies in a single region, found from its midpoint. On a city-wide dissolve
 * that is a few hundred lines cut instead of every reached edge.
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

    static RegionSplit of(List<LineString> lines, Envelope extent, Geometry mask, GeometryFactory factory) {
        Geometry land =
                OverlayNG.overlay(factory.toGeometry(extent), mask, OverlayNG.DIFFERENCE, NetworkAreaShaper.MILLIMETRE);
        List<Polygon> regions = NetworkAreaShaper.polygonsOf(land);
        STRtree regionIndex = new STRtree();
        List<IndexedPointInAreaLocator> locators = new ArrayList<>(regions.size());
        List<List<LineString>> linesPerRegion = new ArrayList<>(regions.size());
        for (int r = 0; r < regions.size(); r++) {
            regionIndex.insert(regions.get(r).getEnvelopeInternal(), r);
            locators.add(new IndexedPointInAreaLocator(regions.get(r)));
            linesPerRegion.add(new ArrayList<>());
        }
        PreparedGeometry preparedMask = PreparedGeometryFactory.prepare(mask);
        List<LineString> meetingMask = new ArrayList<>();
        for (LineString line : lines) {
            if (preparedMask.intersects(line)) {
                meetingMask.add(line);
            } else {
                addToRegion(line, regions, regionIndex, locators, linesPerRegion);
            }
        }
        List<LineString> crossingLines = new ArrayList<>();
        if (!meetingMask.isEmpty()) {
            Geometry cut = factory.buildGeometry(meetingMask);
            Geometry onLand = OverlayNG.overlay(cut, mask, OverlayNG.DIFFERENCE, NetworkAreaShaper.MILLIMETRE);
            for (Object piece : LineStringExtracter.getLines(onLand)) {
                addToRegion((LineString) piece, regions, regionIndex, locators, linesPerRegion);
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
            List<Polygon> regions,
            STRtree regionIndex,
            List<IndexedPointInAreaLocator> locators,
            List<List<LineString>> linesPerRegion) {
        int region = regionOf(line, regions, regionIndex, locators);
        if (region >= 0) {
            linesPerRegion.get(region).add(line);
        }
    }

    /**
     * The region holding a line piece, located by the piece's midpoint (its ends may lie on the mask
     * boundary); -1 if none, which only numerical noise at a region's edge can cause.
     */
    private static int regionOf(
            LineString line, List<Polygon> regions, STRtree regionIndex, List<IndexedPointInAreaLocator> locators) {
        LengthIndexedLine indexed = new LengthIndexedLine(line);
        Coordinate middle = indexed.extractPoint(line.getLength() / 2);
        int nearest = -1;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (Object candidate : regionIndex.query(new Envelope(middle))) {
            int r = (Integer) candidate;
            if (locators.get(r).locate(middle) != Location.EXTERIOR) {
                return r;
            }
            double distance = regions.get(r).distance(line);
            if (distance < nearestDistance) {
                nearestDistance = distance;
                nearest = r;
            }
        }
        return nearestDistance <= BarrierMask.LINE_BARRIER_HALF_WIDTH_METERS ? nearest : -1;
    }
}
