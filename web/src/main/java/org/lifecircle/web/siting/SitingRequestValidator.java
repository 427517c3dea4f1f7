package org.lifecircle.web.siting;

import java.util.ArrayList;
import java.util.List;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.JsonParameters;
import tools.jackson.databind.JsonNode;

/**
 * Checks a {@code siting} run request: {@code type} (required), {@code sites} (default 10), {@code
 * targetPercent} (optional), {@code threshold} (metres, default the type's service radius, GB
 * 50180-2018 附录 B), {@code candidates} (optional list of {@code [lon, lat]}; default the gap
 * cells) and {@code maxCandidates} (default 2,000).
 */
final class SitingRequestValidator {
    static final int DEFAULT_SITES = 10;
    static final int MAX_SITES = 200;
    static final int DEFAULT_MAX_CANDIDATES = 2000;
    static final int MAX_CANDIDATES = 20_000;
    private static final List<String> FIELDS =
            List.of("kind", "type", "sites", "targetPercent", "threshold", "candidates", "maxCandidates");

    private final StandardsCatalog catalog;

    SitingRequestValidator(StandardsCatalog catalog) {
        this.catalog = catalog;
    }

    SitingParameters validate(JsonNode request) {
        JsonParameters.rejectUnknown(request, FIELDS);
        String type = JsonParameters.facilityType(request, "type", catalog);
        int sites = JsonParameters.integer(request, "sites", DEFAULT_SITES, 1, MAX_SITES);
        Double target = JsonParameters.optionalNumber(request, "targetPercent", 0.01, 100);
        double threshold = JsonParameters.number(
                request, "threshold", catalog.facilityType(type).serviceRadiusMeters(), 50, 5000);
        int maxCandidates = JsonParameters.integer(request, "maxCandidates", DEFAULT_MAX_CANDIDATES, 1, MAX_CANDIDATES);
        return new SitingParameters(
                SitingRunKind.NAME,
                type,
                sites,
                target,
                threshold,
                candidates(request.get("candidates")),
                maxCandidates);
    }

    private static List<double[]> candidates(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_CANDIDATES) {
            throw new BadParameterException(
                    "candidates",
                    "candidates must be an array of 1 to " + MAX_CANDIDATES + " [lon, lat] points (EPSG:4326)");
        }
        List<double[]> points = new ArrayList<>(node.size());
        for (JsonNode point : node) {
            if (!point.isArray()
                    || point.size() != 2
                    || !point.get(0).isNumber()
                    || !point.get(1).isNumber()
                    || Math.abs(point.get(0).asDouble()) > 180
                    || Math.abs(point.get(1).asDouble()) > 90) {
                throw new BadParameterException(
                        "candidates", "each candidate must be [lon, lat] in EPSG:4326 degrees, got " + point);
            }
            points.add(new double[] {point.get(0).asDouble(), point.get(1).asDouble()});
        }
        return points;
    }
}
