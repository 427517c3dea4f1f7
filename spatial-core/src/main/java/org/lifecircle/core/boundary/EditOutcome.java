package org.lifecircle.core.boundary;

import java.util.List;

/**
 * What an edit did: the communities it touched, measured afresh, and what is wrong with them.
 *
 * @param movedCells cells whose community changed
 * @param affected the communities cells left or joined, in index order
 * @param violations problems of the affected communities after the edit
 * @param micros time the edit took, microseconds
 */
public record EditOutcome(
        int movedCells, List<CommunityMetrics> affected, List<PlanViolation> violations, long micros) {
    public EditOutcome {
        affected = List.copyOf(affected);
        violations = List.copyOf(violations);
    }
}
