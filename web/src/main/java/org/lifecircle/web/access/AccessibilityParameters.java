package org.lifecircle.web.access;

/**
 * A validated {@code accessibility} request.
 *
 * @param method {@code 2sfca} (binary catchment, Luo &amp; Wang 2003), {@code e2sfca} (Luo &amp;
 *     Qi 2009 stepwise weights) or {@code gaussian} (Dai 2010)
 * @param catchmentMeters the catchment radius as a walking distance
 * @param supply {@code floor_area}, {@code capacity} or {@code count} (one unit per facility)
 * @param demand {@code population}, {@code households}, {@code children} or {@code elderly}
 */
record AccessibilityParameters(
        String kind, String type, String method, double catchmentMeters, String supply, String demand) {}
