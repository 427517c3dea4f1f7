package org.lifecircle.core.domain;

/** Kinds of barrier; the stored code is the lower-case name. */
public enum BarrierKind {
    RIVER,
    RAIL;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
