package org.lifecircle.web.run;

/**
 * Thrown from a run's progress report when the run has been cancelled or has run past its time
 * limit: the run stops there, before its results are stored.
 */
final class RunCancelledException extends RuntimeException {
    RunCancelledException(String reason) {
        super(reason);
    }
}
