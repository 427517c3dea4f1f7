package org.lifecircle.web.run;

/** What a running analysis reports: percent done and how long each stage took. */
public interface RunProgress {

    /** Percent done, 0–100; reports closer together than the store keeps are dropped. */
    void percent(double percent);

    /** The dataset load the run computes on, recorded with the run. */
    void datasetLoad(long loadId);

    /** Milliseconds a named stage took. */
    void timing(String stage, long millis);

    /** The time of a named stage that started at {@code startedNanos} ({@link System#nanoTime()}). */
    default void timingSince(String stage, long startedNanos) {
        timing(stage, millisSince(startedNanos));
    }

    /** Whole milliseconds since a {@link System#nanoTime()} reading. */
    static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
