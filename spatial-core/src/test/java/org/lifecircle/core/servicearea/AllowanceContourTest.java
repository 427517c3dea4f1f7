package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class AllowanceContourTest {
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double ALLOWANCE = 50;

    private static Geometry contour(String linesWkt, double spacing, List<Polygon> regions, int... labels) {
        Geometry lines = read(linesWkt);
        double[] xy = new double[4 * lines.getNumPoints()];
        int count = 0;
        for (int g = 0; g < lines.getNumGeometries(); g++) {
            Coordinate[] points = lines.getGeometryN(g).getCoordinates();
            for (int i = 0; i + 1 < points.length; i++) {
                xy[4 * count] = points[i].x;
                xy[4 * count + 1] = points[i].y;
                xy[4 * count + 2] = points[i + 1].x;
                xy[4 * count + 3] = points[i + 1].y;
                count++;
            }
        }
        int[] segmentLabels = new int[count];
        Arrays.fill(segmentLabels, AllowanceContour.NO_LABELS);
        for (int i = 0; i < labels.length; i++) {
            segmentLabels[i] = labels[i];
        }
        return new AllowanceContour(
                        FACTORY,
                        List.of(new AllowanceContour.Level(xy, segmentLabels, count, regions)),
                        ALLOWANCE,
                        spacing)
                .areas(0)
                .get(0);
    }

    private static Geometry read(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    /** Every vertex of the contour within the error bound of the allowance from the lines. */
    private static void checkOutline(Geometry area, String linesWkt, double spacing) {
        Geometry lines = read(linesWkt);
        double bound = AllowanceContour.ERROR_PER_SPACING * spacing;
        assertThat(area.isValid()).isTrue();
        for (Coordinate vertex : area.getCoordinates()) {
            double distance = lines.distance(FACTORY.createPoint(vertex));
            assertThat(distance).as("%s", vertex).isBetween(ALLOWANCE - bound, ALLOWANCE + bound);
        }
    }

    /** The strip field kept for the thread's next call must leave no trace of the previous one. */
    @Test
    void consecutiveCallsOnOneThreadDrawTheSameContourAsAFirstCall() {
        String small = "LINESTRING (1000003.3 2000001.7, 1000303.3 2000101.7)";
        String wide = "MULTILINESTRING ((999000 1999000, 1002000 2000500), (1000500 2001000, 1000200 1998000))";
        Geometry first = contour(small, 4, null);

        Geometry between = contour(wide, 3, null);
        Geometry again = contour(small, 4, null);

        assertThat(between.isValid()).isTrue();
        assertThat(again.equalsExact(first)).isTrue();
    }

    @Test
    void singleSegmentGivesItsStadiumWithinTheGridError() {
        String line = "LINESTRING (1000003.3 2000001.7, 1000303.3 2000101.7)";
        Geometry area = contour(line, 4, null);

        checkOutline(area, line, 4);
        double exact = 2 * ALLOWANCE * Math.hypot(300, 100) + Math.PI * ALLOWANCE * ALLOWANCE;
        assertThat(area.getArea()).isBetween(0.995 * exact, 1.005 * exact);
        assertThat(area.getNumGeometries()).isEqualTo(1);
        assertThat(((Polygon) area).getNumInteriorRing()).isZero();
    }

    /* A 400 m square block of streets: its middle is more than 50 m from every street, a hole. */
    @Test
    void blockLargerThanTwiceTheAllowanceKeepsAHole() {
        String block = "LINESTRING (0 0, 400 0, 400 400, 0 400, 0 0)";
        Geometry area = contour(block, 2, null);

        checkOutline(area, block, 2);
        assertThat(area.getNumGeometries()).isEqualTo(1);
        assertThat(((Polygon) area).getNumInteriorRing()).isEqualTo(1);
        assertThat(area.covers(FACTORY.createPoint(new Coordinate(200, 200)))).isFalse();
        assertThat(area.covers(FACTORY.createPoint(new Coordinate(200, 45)))).isTrue();
    }

    @Test
    void linesSpanningManyStripsJoinUpAcrossStripBorders() {
        // 1 m grid: 2.1 km of rows is ~16 strips of 128 rows.
        String lines = "MULTILINESTRING ((0 0, 30 2000, 170 2000, 200 0, 0 0), (15 1000, 185 1000))";
        Geometry area = contour(lines, 1, null);

        checkOutline(area, lines, 1);
        assertThat(area.getNumGeometries()).isEqualTo(1);
        assertThat(((Polygon) area).getNumInteriorRing()).isEqualTo(2);
    }

    /*
     *  region 1: y < 100   │ mask: 100 ≤ y ≤ 110 │   region 2: y > 110
     *  a street at y = 80 in region 1 covers region 1 only, though region 2 is 30 m away.
     */
    @Test
    void segmentCoversOnlyPointsOfItsOwnLabel() {
        Polygon south = (Polygon) read("POLYGON ((-200 -200, 600 -200, 600 100, -200 100, -200 -200))");
        Polygon north = (Polygon) read("POLYGON ((-200 110, 600 110, 600 400, -200 400, -200 110))");
        Geometry area = contour("LINESTRING (0 80, 400 80)", 2, List.of(south, north), 1);

        double bound = AllowanceContour.ERROR_PER_SPACING * 2;
        assertThat(area.isValid()).isTrue();
        assertThat(area.getEnvelopeInternal().getMaxY()).isLessThanOrEqualTo(100 + bound);
        assertThat(area.covers(FACTORY.createPoint(new Coordinate(200, 97)))).isTrue();
        assertThat(area.covers(FACTORY.createPoint(new Coordinate(200, 115)))).isFalse();
    }

    /*
     * Two thresholds of one search along a bent street with side streets: the shorter reach is a
     * part of the longer one. Simplified by 1 m, both outlines stay valid and within the grid error
     * plus the tolerance of the allowance, and the smaller stays inside; where the two outlines are
     * the same (the same streets bound both) they are left as drawn, elsewhere they lose vertices.
     */
    @Test
    void levelsSimplifiedTogetherStayValidAndNested() {
        String longer = "MULTILINESTRING ((0 0, 300 40, 520 260, 540 700), (300 40, 330 -200), (520 260, 760 250))";
        String shorter = "MULTILINESTRING ((0 0, 300 40, 420 160), (300 40, 310 -40))";
        double spacing = 3;
        List<AllowanceContour.Level> levels = new ArrayList<>();
        for (String wkt : List.of(shorter, longer)) {
            Geometry lines = read(wkt);
            double[] xy = new double[4 * lines.getNumPoints()];
            int count = 0;
            for (int g = 0; g < lines.getNumGeometries(); g++) {
                Coordinate[] points = lines.getGeometryN(g).getCoordinates();
                for (int i = 0; i + 1 < points.length; i++) {
                    xy[4 * count] = points[i].x;
                    xy[4 * count + 1] = points[i].y;
                    xy[4 * count + 2] = points[i + 1].x;
                    xy[4 * count + 3] = points[i + 1].y;
                    count++;
                }
            }
            int[] labels = new int[count];
            Arrays.fill(labels, AllowanceContour.NO_LABELS);
            levels.add(new AllowanceContour.Level(xy, labels, count, null));
        }

        List<Geometry> exact = new AllowanceContour(FACTORY, copy(levels), ALLOWANCE, spacing).areas(0);
        Geometry aloneSimplified = new AllowanceContour(
                        FACTORY, List.of(copy(levels).get(1)), ALLOWANCE, spacing)
                .areas(1)
                .get(0);
        List<Geometry> simplified = new AllowanceContour(FACTORY, levels, ALLOWANCE, spacing).areas(1);

        for (int level = 0; level < 2; level++) {
            Geometry area = simplified.get(level);
            assertThat(area.isValid()).isTrue();
            assertThat(area.getNumPoints()).isLessThan(exact.get(level).getNumPoints());
            Geometry lines = read(level == 0 ? shorter : longer);
            double bound = AllowanceContour.ERROR_PER_SPACING * spacing + 1;
            for (Coordinate vertex : area.getCoordinates()) {
                assertThat(lines.distance(FACTORY.createPoint(vertex))).isBetween(ALLOWANCE - bound, ALLOWANCE + bound);
            }
        }
        assertThat(simplified.get(1).covers(simplified.get(0))).isTrue();
        assertThat(aloneSimplified.isValid()).isTrue();
        assertThat(aloneSimplified.getNumPoints()).isLessThan(exact.get(1).getNumPoints() / 3);
    }

    private static List<AllowanceContour.Level> copy(List<AllowanceContour.Level> levels) {
        List<AllowanceContour.Level> copies = new ArrayList<>();
        for (AllowanceContour.Level level : levels) {
            copies.add(new AllowanceContour.Level(
                    level.segmentsXy().clone(), level.segmentLabels(), level.segmentCount(), level.labelRegions()));
        }
        return copies;
    }

    @Test
    void noSegmentsGiveAnEmptyArea() {
        List<AllowanceContour.Level> none = List.of(new AllowanceContour.Level(new double[0], new int[0], 0, null));
        assertThat(new AllowanceContour(FACTORY, none, ALLOWANCE, 2)
                        .areas(0)
                        .get(0)
                        .isEmpty())
                .isTrue();
    }
}
