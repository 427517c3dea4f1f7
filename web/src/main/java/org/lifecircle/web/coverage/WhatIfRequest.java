package org.lifecircle.web.coverage;

/**
 * A hypothetical facility: where, of which type, and the coverage rule it is judged by.
 *
 * @param thresholdMeters the type's service radius unless the request names another
 */
record WhatIfRequest(String type, double lon, double lat, double thresholdMeters, double speedMetersPerSecond) {}
