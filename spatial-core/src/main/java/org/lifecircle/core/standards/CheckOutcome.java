package org.lifecircle.core.standards;

/** The verdict of one {@link StandardsCheck}. */
public enum CheckOutcome {
    /** The measured value lies within the threshold, bounds included. */
    PASS,
    /** The measured value lies outside the threshold. */
    FAIL,
    /**
     * The value was not recorded (e.g. a community without surveyed office area). Kept apart from
     * {@link #FAIL} so that a gap in the data is never reported as a breach of the standard.
     */
    UNKNOWN
}
