package org.lifecircle.datasets.geojson;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;

/**
 * Writes JTS geometries as RFC 7946 geometry objects with lon/lat rounded to 7 decimals.
 *
 * <p>Why by hand rather than JTS's GeoJsonWriter: it would need another module, buffers a whole
 * geometry as a string, and formats numbers through {@code DecimalFormat}; here coordinates are
 * formatted from a scaled {@code long}, which is exact, locale-free and fast, so identical input
 * gives identical bytes on any machine. Ring orientation is written as given (the demo generator
 * emits counter-clockwise shells and clockwise holes as RFC 7946 recommends).
 */
final class GeoJsonGeometries {
    /** 10^7: seven decimals of a degree. */
    private static final long SCALE = 10_000_000L;

    private GeoJsonGeometries() {}

    static void write(JsonGenerator g, Geometry geometry) {
        if (geometry == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringProperty("type", geometry.getGeometryType());
        if (geometry instanceof GeometryCollection
                && !(geometry instanceof MultiPoint)
                && !(geometry instanceof MultiLineString)
                && !(geometry instanceof MultiPolygon)) {
            g.writeName("geometries");
            g.writeStartArray();
            for (int k = 0; k < geometry.getNumGeometries(); k++) {
                write(g, geometry.getGeometryN(k));
            }
            g.writeEndArray();
        } else {
            g.writeName("coordinates");
            writeCoordinates(g, geometry);
        }
        g.writeEndObject();
    }

    private static void writeCoordinates(JsonGenerator g, Geometry geometry) {
        if (geometry instanceof Point point) {
            if (point.isEmpty()) {
                g.writeStartArray();
                g.writeEndArray();
            } else {
                writePosition(g, point.getCoordinate());
            }
        } else if (geometry instanceof LineString line) {
            writeSequence(g, line.getCoordinateSequence());
        } else if (geometry instanceof Polygon polygon) {
            g.writeStartArray();
            if (!polygon.isEmpty()) {
                writeSequence(g, polygon.getExteriorRing().getCoordinateSequence());
                for (int k = 0; k < polygon.getNumInteriorRing(); k++) {
                    writeSequence(g, polygon.getInteriorRingN(k).getCoordinateSequence());
                }
            }
            g.writeEndArray();
        } else if (geometry instanceof MultiPoint
                || geometry instanceof MultiLineString
                || geometry instanceof MultiPolygon) {
            g.writeStartArray();
            for (int k = 0; k < geometry.getNumGeometries(); k++) {
                writeCoordinates(g, geometry.getGeometryN(k));
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
    }

    private static void writeSequence(JsonGenerator g, CoordinateSequence sequence) {
        g.writeStartArray();
        for (int k = 0; k < sequence.size(); k++) {
            g.writeStartArray();
            g.writeNumber(degrees(sequence.getX(k)));
            g.writeNumber(degrees(sequence.getY(k)));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writePosition(JsonGenerator g, Coordinate coordinate) {
        g.writeStartArray();
        g.writeNumber(degrees(coordinate.getX()));
        g.writeNumber(degrees(coordinate.getY()));
        g.writeEndArray();
    }

    /** A degree value with at most 7 decimals and no trailing zeros, e.g. {@code 119.0123457}. */
    static String degrees(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Coordinate is not finite: " + value);
        }
        long scaled = Math.round(value * SCALE);
        long magnitude = Math.abs(scaled);
        StringBuilder text = new StringBuilder(16);
        if (scaled < 0) {
            text.append('-');
        }
        text.append(magnitude / SCALE);
        long fraction = magnitude % SCALE;
        if (fraction != 0) {
            String digits = Long.toString(fraction + SCALE).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.toString();
    }
}
