package org.lifecircle.core.standards;

/** A closed range of a quantity; both ends are in the unit of the field that holds it. */
public record Range(double min, double max) {
    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("Range min " + min + " exceeds max " + max);
        }
    }
}
