package org.lifecircle.web.summary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the database holds now.
 *
 * @param dataset the latest load, {@code null} before any
 * @param extent {@code [minLon, minLat, maxLon, maxLat]} of all communities and cells, {@code null}
 *     when empty
 */
record Summary(
        Dataset dataset,
        Communities communities,
        Population population,
        Facilities facilities,
        RoadNetwork roadNetwork,
        List<Double> extent) {

    record Dataset(String name, String source, String description, OffsetDateTime loadedAt) {}

    /** Current communities and how many fall under, within and over the catalog's household range. */
    record Communities(
            long count,
            long underMinimum,
            long withinRange,
            long overMaximum,
            double householdsMinimum,
            double householdsMaximum) {}

    record Population(long cells, long population, long households) {}

    record Facilities(long count, Map<String, Long> byType) {}

    record RoadNetwork(long edges, double lengthKm, long bridges, long railCrossings) {}
}
