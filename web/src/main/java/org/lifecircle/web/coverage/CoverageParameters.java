package org.lifecircle.web.coverage;

import java.util.Map;

/**
 * A validated {@code coverage} request with every default filled in.
 *
 * @param thresholdMetersByType per facility type, the walking distance within which a cell counts
 *     as covered: the catalog's service radius unless the request overrides it; the run covers
 *     exactly these types, in this order
 * @param speedMetersPerSecond walking speed that turns distances into minutes
 * @param minGapHouseholds gaps with fewer households are not reported
 */
record CoverageParameters(
        String kind, Map<String, Double> thresholdMetersByType, double speedMetersPerSecond, long minGapHouseholds) {}
