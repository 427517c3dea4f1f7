package org.lifecircle.web.analysis;

/**
 * A facility as the analyses read it; floor area and capacity are null where unknown.
 *
 * @param lon longitude, EPSG:4326
 * @param lat latitude, EPSG:4326
 */
public record FacilityRecord(
        long id, String typeCode, String name, Double floorAreaM2, Integer capacity, double lon, double lat) {}
