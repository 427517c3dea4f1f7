package org.lifecircle.core.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks one community against the community rules of a {@link StandardsCatalog}. Every threshold
 * is read from the catalog given, so a locality override ({@link StandardsCatalog#load}) changes the
 * verdicts without touching code.
 *
 * <p>The checks, in this order (the order of {@link CommunityStandardsReport#checks()}):
 *
 * <ol>
 *   <li>{@link StandardsCatalog#HOUSEHOLDS_MIN} and then {@link StandardsCatalog#HOUSEHOLDS_MAX}:
 *       households ≥ min, households ≤ max (national 1,000–5,000). Two checks rather than one
 *       interval, because each bound is its own catalog rule with its own remedy: below the minimum
 *       a community is merged, above the maximum it is split.
 *   <li>{@link StandardsCatalog#SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS}: service facility floor area ≥
 *       rule value × households / 100 (中共中央 国务院《关于加强和完善城乡社区治理的意见》2017: 每百户居民拥有综合服务设施面积不低于
 *       30 平方米). The check compares floor areas, unit {@code m2}: measured is the recorded area,
 *       the threshold is the area this community needs, so the shortfall reads directly off the check
 *       and a community without households needs none.
 *   <li>{@link StandardsCatalog#OFFICE_AREA_URBAN_MIN}: office floor area ≥ rule value, for urban
 *       communities only. A rural community gets no such check at all: the rule does not bind
 *       villages, so there is nothing to report, and the outcomes stay the three of {@link
 *       CheckOutcome}.
 *   <li>{@link StandardsCatalog#STAFF_MIN} and then {@link StandardsCatalog#STAFF_MAX}: residents'
 *       committee members ≥ min, ≤ max (城市居民委员会组织法 第八条: 五至九人), two checks as for households.
 *   <li>{@link StandardsCatalog#COVERAGE_MIN_PERCENT}, once per facility type of the catalog in
 *       catalog order, subject = type code: covered households ≥ rule value percent. Every type of
 *       the catalog is required, since each comes from GB 50180-2018 附录 B or GB 51143. A community
 *       without households passes at 100 %, as {@link
 *       org.lifecircle.core.coverage.CommunityCoverage#coveredPercent()} has it: nobody is left out.
 * </ol>
 *
 * A value that was not recorded gives {@link CheckOutcome#UNKNOWN}, never {@link CheckOutcome#FAIL}.
 *
 * <p>Linear in the number of facility types. Immutable and thread-safe.
 */
public final class CommunityStandardsEvaluator {
    private static final String SQUARE_METERS = "m2";
    private static final double FULL_COVERAGE_PERCENT = 100.0;

    private final StandardsCatalog catalog;

    /**
     * @throws IllegalArgumentException when the catalog lacks one of the rules above
     */
    public CommunityStandardsEvaluator(StandardsCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        for (String ruleId : List.of(
                StandardsCatalog.HOUSEHOLDS_MIN,
                StandardsCatalog.HOUSEHOLDS_MAX,
                StandardsCatalog.SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS,
                StandardsCatalog.OFFICE_AREA_URBAN_MIN,
                StandardsCatalog.STAFF_MIN,
                StandardsCatalog.STAFF_MAX,
                StandardsCatalog.COVERAGE_MIN_PERCENT)) {
            catalog.value(ruleId);
        }
    }

    /** The checks of one community, in the order of the class comment. */
    public CommunityStandardsReport evaluate(CommunityFacts facts) {
        Objects.requireNonNull(facts, "facts");
        List<StandardsCheck> checks =
                new ArrayList<>(6 + catalog.facilityTypes().size());
        double households = facts.households();
        checks.add(atLeast(StandardsCatalog.HOUSEHOLDS_MIN, households));
        checks.add(atMost(StandardsCatalog.HOUSEHOLDS_MAX, households));
        checks.add(serviceArea(facts));
        if (facts.urban()) {
            checks.add(atLeast(StandardsCatalog.OFFICE_AREA_URBAN_MIN, facts.officeAreaSquareMeters()));
        }
        Double staff = facts.staffCount() == null ? null : facts.staffCount().doubleValue();
        checks.add(atLeast(StandardsCatalog.STAFF_MIN, staff));
        checks.add(atMost(StandardsCatalog.STAFF_MAX, staff));
        for (String typeCode : catalog.facilityTypes().keySet()) {
            checks.add(coverage(typeCode, facts));
        }
        return new CommunityStandardsReport(checks);
    }

    private StandardsCheck atLeast(String ruleId, Double measured) {
        Rule rule = catalog.rules().get(ruleId);
        return check(ruleId, null, measured, Threshold.atLeast(rule.value()), rule.unit());
    }

    private StandardsCheck atMost(String ruleId, Double measured) {
        Rule rule = catalog.rules().get(ruleId);
        return check(ruleId, null, measured, Threshold.atMost(rule.value()), rule.unit());
    }

    /**
     * Multiplies before dividing so that an exact boundary stays exact: 30 × 1,234 / 100 is the double
     * nearest 370.2, the same double a recorded 370.2 m² parses to.
     */
    private StandardsCheck serviceArea(CommunityFacts facts) {
        String ruleId = StandardsCatalog.SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS;
        double requiredSquareMeters = catalog.value(ruleId) * facts.households() / 100.0;
        return check(
                ruleId, null, facts.serviceAreaSquareMeters(), Threshold.atLeast(requiredSquareMeters), SQUARE_METERS);
    }

    private StandardsCheck coverage(String typeCode, CommunityFacts facts) {
        String ruleId = StandardsCatalog.COVERAGE_MIN_PERCENT;
        Rule rule = catalog.rules().get(ruleId);
        // an if, not ?:, which would unbox a missing entry into a NullPointerException
        Double percent = facts.coveredPercentByType().get(typeCode);
        if (facts.households() == 0) {
            percent = FULL_COVERAGE_PERCENT;
        }
        return check(ruleId, typeCode, percent, Threshold.atLeast(rule.value()), rule.unit());
    }

    private StandardsCheck check(String ruleId, String subject, Double measured, Threshold threshold, String unit) {
        Rule rule = catalog.rules().get(ruleId);
        return StandardsCheck.of(
                ruleId,
                subject,
                measured,
                threshold,
                unit,
                rule.meaning(),
                rule.source(),
                catalog.citation(rule.source()));
    }
}
