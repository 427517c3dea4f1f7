package org.lifecircle.web.servicearea;

import java.util.List;
import java.util.Map;

/**
 * A validated service-area request with every default filled in.
 *
 * @param minutesByType walking-time thresholds per facility type, ascending
 * @param mode {@code network} or {@code circle}
 * @param speedMetersPerSecond walking speed
 * @param offNetworkAllowanceMeters how far a network area reaches beyond the walked street
 */
record ServiceAreaParameters(
        String kind,
        Map<String, List<Integer>> minutesByType,
        String mode,
        double speedMetersPerSecond,
        double offNetworkAllowanceMeters) {}
