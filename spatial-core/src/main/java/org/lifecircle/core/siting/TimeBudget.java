package org.lifecircle.core.siting;

/** A wall-clock budget shared by the improvement runs; 0 milliseconds means unlimited. */
final class TimeBudget {
    /** Budgets above this (about 292 years in nanoseconds) count as unlimited, so nothing overflows. */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    private final long startNanos;
    private final long budgetNanos;
    private boolean reached;

    TimeBudget(long millis) {
        this.startNanos = System.nanoTime();
        this.budgetNanos = millis == 0 || millis > MAX_MILLIS ? Long.MAX_VALUE : millis * 1_000_000L;
    }

    /** Whether the budget is spent; once true, stays true. */
    boolean exhausted() {
        if (!reached && System.nanoTime() - startNanos > budgetNanos) {
            reached = true;
        }
        return reached;
    }

    /** Whether {@link #exhausted()} ever answered true. */
    boolean reached() {
        return reached;
    }
}
