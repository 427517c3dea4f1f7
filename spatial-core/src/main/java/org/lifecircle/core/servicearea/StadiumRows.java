package org.lifecircle.core.servicearea;

import java.util.Arrays;

/**
 * The column intervals where line segments' stadiums (the points within a radius of a segment) meet
 * the grid rows of one {@link AllowanceContour} strip, and the band ranges kept between the
 * contour's two passes.
 *
 * <p>Per segment and row there are two intervals: the <em>outer</em> one, within {@code allowance +
 * spacing} of the segment, whose points may lie in the contour's band, and the <em>inner</em> one,
 * within {@code allowance − spacing}, whose points are inside whatever the other segments give. The
 * outer interval minus the inner one is two <em>band ranges</em>, where the segment's exact distance
 * may decide the field. The contour collects every segment's inner intervals first ({@link
 * SolidRuns}) and only then computes exact distances over the band ranges' points outside them; this
 * class computes both intervals of a row in one go and holds the band ranges for the second pass.
 *
 * <p>Not thread-safe; reused from strip to strip and level to level.
 */
final class StadiumRows {
    private static final int STRIDE = 4;

    /** Per band range: segment, strip row, first and last column. */
    private int[] ranges = new int[STRIDE * 1024];

    private int count;

    /** Forgets the previous strip's ranges and makes room for {@code expected} of them. */
    void clear(int expected) {
        count = 0;
        if (ranges.length < STRIDE * expected) {
            ranges = new int[STRIDE * expected];
        }
    }

    /** Records columns {@code from … to} of a strip row as a band range of one segment. */
    void addBand(int segment, int stripRow, int from, int to) {
        if (STRIDE * (count + 1) > ranges.length) {
            ranges = Arrays.copyOf(ranges, 2 * ranges.length);
        }
        int at = STRIDE * count++;
        ranges[at] = segment;
        ranges[at + 1] = stripRow;
        ranges[at + 2] = from;
        ranges[at + 3] = to;
    }

    int count() {
        return count;
    }

    int segment(int range) {
        return ranges[STRIDE * range];
    }

    int stripRow(int range) {
        return ranges[STRIDE * range + 1];
    }

    int from(int range) {
        return ranges[STRIDE * range + 2];
    }

    int to(int range) {
        return ranges[STRIDE * range + 3];
    }

    /**
     * Sets the segment a–b and the two radii whose row intervals {@link #outer} and {@link #inner}
     * compute next, all
     * in one unit (the contour passes grid spacings, so that the intervals come out as fractional
     * columns and rows are at whole heights). The strip's sides and ends are lines in the plane, so
     * their crossings with a row are linear in the row's height: their coefficients are taken once per
     * segment and a row costs multiplications and the end discs' square roots, no division.
     */
    void setSegment(double ax, double ay, double bx, double by, double outerRadius, double innerRadius) {
        this.ax = ax;
        this.ay = ay;
        this.bx = bx;
        this.by = by;
        this.outerSquared = outerRadius * outerRadius;
        this.innerSquared = innerRadius * innerRadius;
        double abx = bx - ax;
        double aby = by - ay;
        double length = Math.sqrt(abx * abx + aby * aby);
        hasStrip = length > 0;
        if (!hasStrip) {
            return;
        }
        double ux = abx / length;
        double uy = aby / length;
        // A point (ax + s, ay + dy) has along-coordinate u = dy·uy + s·ux in [0, length] and
        // across-coordinate v = dy·ux − s·uy in [−radius, radius]; both are linear in s.
        alongVertical = ux == 0;
        if (!alongVertical) {
            alongSlope = -uy / ux;
            alongWidth = length / ux;
        } else {
            alongLowDy = Math.min(0, length / uy);
            alongHighDy = Math.max(0, length / uy);
        }
        acrossHorizontal = uy == 0;
        if (!acrossHorizontal) {
            acrossSlope = ux / uy;
            outerAcross = Math.abs(outerRadius / uy);
            innerAcross = Math.abs(innerRadius / uy);
        } else {
            outerAcross = outerRadius;
            innerAcross = innerRadius;
        }
    }

    private double ax;
    private double ay;
    private double bx;
    private double by;
    private double outerSquared;
    private double innerSquared;
    private boolean hasStrip;
    private boolean alongVertical;
    private double alongSlope;
    private double alongWidth;
    private double alongLowDy;
    private double alongHighDy;
    private boolean acrossHorizontal;
    private double acrossSlope;
    private double outerAcross;
    private double innerAcross;

    /**
     * The x-interval where the row {@code y} meets the set within the outer radius of the segment set
     * last, into {@code interval[0 … 1]} as {@code low, high}; it misses the row when low exceeds high.
     */
    void outer(double y, double[] interval) {
        span(y, outerSquared, outerAcross, interval, 0);
    }

    /** The same within the inner radius, into {@code interval[2 … 3]}. */
    void inner(double y, double[] interval) {
        span(y, innerSquared, innerAcross, interval, 2);
    }

    /**
     * The x-interval where the row {@code y} meets the set within a radius of the segment, into
     * {@code interval[at]} and {@code interval[at + 1]}. The set is convex and the union of the two
     * end discs and the side strip, so its interval spans their pieces.
     */
    private void span(double y, double radiusSquared, double across, double[] interval, int at) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double dya = y - ay;
        double dya2 = dya * dya;
        if (dya2 <= radiusSquared) {
            double w = Math.sqrt(radiusSquared - dya2);
            low = ax - w;
            high = ax + w;
        }
        double dyb = y - by;
        double dyb2 = dyb * dyb;
        if (dyb2 <= radiusSquared) {
            double w = Math.sqrt(radiusSquared - dyb2);
            low = Math.min(low, bx - w);
            high = Math.max(high, bx + w);
        }
        if (hasStrip) {
            double alongLow;
            double alongHigh;
            if (!alongVertical) {
                double s1 = alongSlope * dya;
                double s2 = s1 + alongWidth;
                alongLow = Math.min(s1, s2);
                alongHigh = Math.max(s1, s2);
            } else if (dya >= alongLowDy && dya <= alongHighDy) {
                alongLow = Double.NEGATIVE_INFINITY;
                alongHigh = Double.POSITIVE_INFINITY;
            } else {
                alongLow = Double.POSITIVE_INFINITY;
                alongHigh = Double.NEGATIVE_INFINITY;
            }
            if (!acrossHorizontal) {
                double middle = acrossSlope * dya;
                double stripLow = Math.max(alongLow, middle - across);
                double stripHigh = Math.min(alongHigh, middle + across);
                if (stripLow <= stripHigh) {
                    low = Math.min(low, ax + stripLow);
                    high = Math.max(high, ax + stripHigh);
                }
            } else if (Math.abs(dya) <= across && alongLow <= alongHigh) {
                // A horizontal segment: the strip meets the row over the along range, or not at all.
                low = Math.min(low, ax + alongLow);
                high = Math.max(high, ax + alongHigh);
            }
        }
        interval[at] = low;
        interval[at + 1] = high;
    }
}
