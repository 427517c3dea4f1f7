package org.lifecircle.core.boundary;

/**
 * Something an edit broke or left broken in one community.
 *
 * @param community the community's index in the plan
 * @param kind what is wrong
 * @param message for the planner, with the numbers
 */
public record PlanViolation(int community, Kind kind, String message) {
    /** What is wrong. */
    public enum Kind {
        /** Its cells fall apart into pieces not joined by soft adjacencies. */
        NOT_CONTIGUOUS,
        /** Fewer households than the minimum. */
        UNDER_MINIMUM,
        /** More households than the maximum. */
        OVER_MAXIMUM,
        /** Two of its cells touch across a river, rail line or subdistrict border. */
        ACROSS_BREAK,
        /** It has no cells left. */
        EMPTY
    }
}
