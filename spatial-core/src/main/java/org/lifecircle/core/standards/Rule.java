package org.lifecircle.core.standards;

import java.util.Objects;

/** One planning number with its unit, meaning and source. */
public record Rule(double value, String unit, String meaning, String source) {
    public Rule {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Rule value must be finite");
        }
    }
}
