package org.lifecircle.core.standards;

import java.util.List;

/**
 * The checks of one community in the order {@link CommunityStandardsEvaluator} produces them.
 *
 * @param checks the checks, unmodifiable
 */
public record CommunityStandardsReport(List<StandardsCheck> checks) {
    public CommunityStandardsReport {
        checks = List.copyOf(checks);
    }

    /**
     * Whether every check passed. A community with an {@link CheckOutcome#UNKNOWN} check has not
     * passed: missing data proves nothing either way.
     */
    public boolean allPassed() {
        return checks.stream().allMatch(c -> c.outcome() == CheckOutcome.PASS);
    }

    /** Checks that {@link CheckOutcome#FAIL}ed. */
    public long failureCount() {
        return count(CheckOutcome.FAIL);
    }

    /** Checks left {@link CheckOutcome#UNKNOWN} for want of data. */
    public long unknownCount() {
        return count(CheckOutcome.UNKNOWN);
    }

    /** The failed checks, in report order. */
    public List<StandardsCheck> failures() {
        return checks.stream().filter(c -> c.outcome() == CheckOutcome.FAIL).toList();
    }

    private long count(CheckOutcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome).count();
    }
}
