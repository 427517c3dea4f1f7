package org.lifecircle.web.network;

import java.util.List;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.graph.WalkingGraph;

/**
 * The walking graph of one dataset load with its barriers: what every analysis of that load uses,
 * so service areas, coverage and planning agree.
 *
 * @param loadId the dataset load it was built from
 * @param buildMillis how long building took
 */
public record WalkingNetwork(long loadId, WalkingGraph graph, List<Barrier> barriers, long buildMillis) {
    public WalkingNetwork {
        barriers = List.copyOf(barriers);
    }
}
