package org.lifecircle.core.standards;

import java.util.Map;
import java.util.Objects;
import org.lifecircle.core.domain.Community;

/**
 * What the standards are checked against for one community. Households come from the population
 * cells and coverage from a coverage analysis ({@link
 * org.lifecircle.core.coverage.CommunityCoverage#coveredPercent()}), so neither is stored on {@link
 * Community}; {@link #of(Community, long, Map)} joins them.
 *
 * @param households households living in the community, {@code >= 0}
 * @param urban {@code true} for an urban residents' committee, {@code false} for a village
 * @param serviceAreaSquareMeters community service facility floor area, {@code null} when not recorded
 * @param officeAreaSquareMeters office floor area, {@code null} when not recorded
 * @param staffCount residents' committee members, {@code null} when not recorded
 * @param coveredPercentByType facility type code → households within that type's service radius, in
 *     percent of the community's households, each in [0, 100]; a type without an entry is not known.
 *     Copied; codes the catalog does not know are ignored.
 */
public record CommunityFacts(
        long households,
        boolean urban,
        Double serviceAreaSquareMeters,
        Double officeAreaSquareMeters,
        Integer staffCount,
        Map<String, Double> coveredPercentByType) {
    public CommunityFacts {
        if (households < 0) {
            throw new IllegalArgumentException("households must be >= 0: " + households);
        }
        requireAreaOrNull("serviceAreaSquareMeters", serviceAreaSquareMeters);
        requireAreaOrNull("officeAreaSquareMeters", officeAreaSquareMeters);
        if (staffCount != null && staffCount < 0) {
            throw new IllegalArgumentException("staffCount must be >= 0: " + staffCount);
        }
        Objects.requireNonNull(coveredPercentByType, "coveredPercentByType");
        coveredPercentByType = Map.copyOf(coveredPercentByType);
        for (var entry : coveredPercentByType.entrySet()) {
            double percent = entry.getValue();
            if (!(0 <= percent && percent <= 100)) {
                throw new IllegalArgumentException(
                        "Covered percent of " + entry.getKey() + " must be in [0, 100]: " + percent);
            }
        }
    }

    /** The facts of a stored community with its households and coverage. */
    public static CommunityFacts of(Community community, long households, Map<String, Double> coveredPercentByType) {
        return new CommunityFacts(
                households,
                community.urban(),
                community.serviceAreaSquareMeters(),
                community.officeAreaSquareMeters(),
                community.staffCount(),
                coveredPercentByType);
    }

    private static void requireAreaOrNull(String name, Double squareMeters) {
        if (squareMeters != null && !(squareMeters >= 0 && Double.isFinite(squareMeters))) {
            throw new IllegalArgumentException(name + " must be finite and >= 0: " + squareMeters);
        }
    }
}
