package org.lifecircle.core.standards;

/**
 * The closed interval a measured value must lie in; one end may be open ({@code null}). Both ends
 * are inclusive because the sources state them so: "五至九人" (城市居民委员会组织法 第八条) admits 5 and 9,
 * "不低于 30 平方米" admits 30.
 *
 * @param min smallest admitted value, {@code null} for no lower bound
 * @param max largest admitted value, {@code null} for no upper bound
 */
public record Threshold(Double min, Double max) {
    public Threshold {
        if (min == null && max == null) {
            throw new IllegalArgumentException("A threshold needs a lower or an upper bound");
        }
        if (min != null && !Double.isFinite(min) || max != null && !Double.isFinite(max)) {
            throw new IllegalArgumentException("Threshold bounds must be finite: [" + min + ", " + max + "]");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("Threshold min " + min + " exceeds max " + max);
        }
    }

    /** Values of at least {@code min}. */
    public static Threshold atLeast(double min) {
        return new Threshold(min, null);
    }

    /** Values of at most {@code max}. */
    public static Threshold atMost(double max) {
        return new Threshold(null, max);
    }

    /** Values in {@code [min, max]}. */
    public static Threshold between(double min, double max) {
        return new Threshold(min, max);
    }

    /** Whether {@code value} lies within both bounds; NaN lies within none. */
    public boolean admits(double value) {
        return (min == null || value >= min) && (max == null || value <= max) && !Double.isNaN(value);
    }
}
