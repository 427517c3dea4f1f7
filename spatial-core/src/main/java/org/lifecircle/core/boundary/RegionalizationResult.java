package org.lifecircle.core.boundary;

import java.util.List;

/**
 * A boundary plan.
 *
 * @param communityOfCell per cell, its community in the plan ({@link ProposedCommunity#index()});
 *     every cell has one. The record's own array; do not modify.
 * @param communities the plan's communities, entry {@code c} for index {@code c}
 * @param moves cells assigned away from their community of today, ascending by cell
 * @param before today's plan (cells without a community left out)
 * @param after this plan
 * @param iterations search moves tried
 * @param acceptedMoves search moves made
 * @param stop why the search stopped: {@code NOTHING_TO_DO} (no community needed change), {@code
 *     ITERATIONS} (the budget was spent) or {@code TIME_LIMIT}
 * @param openedBreaks adjacent cell pairs across an arterial (a crossable hard break) that the plan
 *     was allowed to join because the area behind it was too small to be a community ({@link
 *     IslandBridges})
 * @param elapsedMillis wall-clock time of the whole computation
 */
public record RegionalizationResult(
        int[] communityOfCell,
        List<ProposedCommunity> communities,
        List<CellMove> moves,
        PlanStatistics before,
        PlanStatistics after,
        long iterations,
        long acceptedMoves,
        String stop,
        int openedBreaks,
        long elapsedMillis) {
    public RegionalizationResult {
        communities = List.copyOf(communities);
        moves = List.copyOf(moves);
    }
}
