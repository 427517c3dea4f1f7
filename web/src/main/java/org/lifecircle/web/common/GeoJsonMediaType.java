package org.lifecircle.web.common;

/** RFC 7946 media type. */
public final class GeoJsonMediaType {
    public static final String VALUE = "application/geo+json";

    private GeoJsonMediaType() {}
}
