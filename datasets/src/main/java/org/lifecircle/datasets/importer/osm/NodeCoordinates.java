package org.lifecircle.datasets.importer.osm;

import java.util.Arrays;
import org.lifecircle.core.graph.MetricProjection;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Coordinates of the nodes an import needs, as columns indexed like a sealed {@link LongIdSet}:
 * WGS 84 degrees as read, and metres in one Gauss-Krüger zone after {@link #project}. Nodes the file
 * lacks (an extract clipped through a way) stay {@code NaN}. Not thread-safe.
 */
final class NodeCoordinates {
    private final LongIdSet ids;
    private final double[] longitude;
    private final double[] latitude;
    private final boolean[] railCrossing;
    private double[] xMeters;
    private double[] yMeters;
    private int known;

    NodeCoordinates(LongIdSet ids) {
        this.ids = ids.seal();
        this.longitude = new double[ids.size()];
        this.latitude = new double[ids.size()];
        this.railCrossing = new boolean[ids.size()];
        Arrays.fill(longitude, Double.NaN);
        Arrays.fill(latitude, Double.NaN);
    }

    /** Index of a needed node, -1 when the import does not need it. */
    int indexOf(long id) {
        return ids.indexOf(id);
    }

    /** Index of a node whose coordinates are known, -1 when unknown or not needed. */
    int knownIndexOf(long id) {
        int index = ids.indexOf(id);
        return index >= 0 && !Double.isNaN(longitude[index]) ? index : -1;
    }

    void set(int index, double lon, double lat) {
        if (Double.isNaN(longitude[index])) {
            known++;
        }
        longitude[index] = lon;
        latitude[index] = lat;
    }

    void markRailCrossing(int index) {
        railCrossing[index] = true;
    }

    boolean isRailCrossing(int index) {
        return railCrossing[index];
    }

    int neededCount() {
        return ids.size();
    }

    int knownCount() {
        return known;
    }

    long idAt(int index) {
        return ids.idAt(index);
    }

    double longitude(int index) {
        return longitude[index];
    }

    double latitude(int index) {
        return latitude[index];
    }

    double x(int index) {
        return xMeters[index];
    }

    double y(int index) {
        return yMeters[index];
    }

    /** The median longitude of the known nodes, robust to the far-away nodes route relations pull in. */
    double medianLongitude() {
        double[] lons = new double[known];
        int k = 0;
        for (double lon : longitude) {
            if (!Double.isNaN(lon)) {
                lons[k++] = lon;
            }
        }
        if (k == 0) {
            throw new IllegalStateException("No node coordinates are known");
        }
        Arrays.sort(lons);
        return lons[k / 2];
    }

    /** Projects every known node into metres. */
    void project(MetricProjection projection) {
        xMeters = new double[longitude.length];
        yMeters = new double[longitude.length];
        CoordinateTransform transform = projection.newToMetersTransform();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        for (int i = 0; i < longitude.length; i++) {
            if (Double.isNaN(longitude[i])) {
                xMeters[i] = Double.NaN;
                yMeters[i] = Double.NaN;
                continue;
            }
            in.x = longitude[i];
            in.y = latitude[i];
            transform.transform(in, out);
            xMeters[i] = out.x;
            yMeters[i] = out.y;
        }
    }
}
