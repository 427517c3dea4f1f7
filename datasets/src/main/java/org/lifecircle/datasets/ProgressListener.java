package org.lifecircle.datasets;

/** Receives progress of long work; {@code done} never exceeds {@code total}. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> {};

    void progress(String stage, long done, long total);
}
