package org.lifecircle.core.crs;

/**
 * A longitude/latitude pair in degrees, in whichever coordinate system the method that made it
 * names.
 *
 * @param lon longitude in degrees east
 * @param lat latitude in degrees north
 */
public record LonLat(double lon, double lat) {}
