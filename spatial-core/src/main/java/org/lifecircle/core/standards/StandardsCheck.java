package org.lifecircle.core.standards;

import java.util.Objects;

/**
 * One rule of the standards catalog applied to one community.
 *
 * @param ruleId id of the catalog rule, e.g. {@link StandardsCatalog#HOUSEHOLDS_MIN}
 * @param subject what the rule was applied to within the community: the facility type code for
 *     {@link StandardsCatalog#COVERAGE_MIN_PERCENT}, {@code null} for rules about the community itself
 * @param measuredValue the community's value in {@code unit}, {@code null} when not recorded
 * @param threshold the bounds {@code measuredValue} must lie in, in {@code unit}
 * @param outcome {@link CheckOutcome#UNKNOWN} exactly when {@code measuredValue} is {@code null},
 *     otherwise whether {@code threshold} admits it
 * @param unit unit of {@code measuredValue} and {@code threshold}; usually the rule's unit, but the
 *     service-area check compares floor areas in m², see {@link CommunityStandardsEvaluator}
 * @param meaning what the rule means, from the catalog; {@code null} only if the catalog gives none
 * @param source the rule's source as the catalog writes it, e.g. {@code "JUMIN 第八条"}
 * @param citation {@code source} with its document key spelled out ({@link
 *     StandardsCatalog#citation(String)})
 */
public record StandardsCheck(
        String ruleId,
        String subject,
        Double measuredValue,
        Threshold threshold,
        CheckOutcome outcome,
        String unit,
        String meaning,
        String source,
        String citation) {
    public StandardsCheck {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(citation, "citation");
        if (outcome != outcomeOf(measuredValue, threshold)) {
            throw new IllegalArgumentException("Outcome " + outcome + " of " + ruleId + " contradicts measured value "
                    + measuredValue + " and threshold " + threshold);
        }
    }

    /**
     * A check whose outcome follows from the value: {@link CheckOutcome#UNKNOWN} for {@code null},
     * else {@link CheckOutcome#PASS} or {@link CheckOutcome#FAIL}.
     */
    public static StandardsCheck of(
            String ruleId,
            String subject,
            Double measuredValue,
            Threshold threshold,
            String unit,
            String meaning,
            String source,
            String citation) {
        return new StandardsCheck(
                ruleId,
                subject,
                measuredValue,
                threshold,
                outcomeOf(measuredValue, threshold),
                unit,
                meaning,
                source,
                citation);
    }

    private static CheckOutcome outcomeOf(Double measuredValue, Threshold threshold) {
        if (measuredValue == null) {
            return CheckOutcome.UNKNOWN;
        }
        return threshold.admits(measuredValue) ? CheckOutcome.PASS : CheckOutcome.FAIL;
    }
}
