package org.lifecircle.web.run;

/** What a running analysis reports: percent done and how long each stage took. */
public interface RunProgress {

    /** Percent done, 0–100; reports closer together than the store keeps are dropped. */
    void percent(double percent);

    /** The dataset load the run computes on, recorded with the run. */
    void datasetLoad(long loadId);

    /** Milliseconds a named stage took. */
    void timing(String stage, long millis);
}
