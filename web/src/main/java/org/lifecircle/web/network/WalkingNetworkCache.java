package org.lifecircle.web.network;

import org.lifecircle.core.graph.WalkingGraph;
import org.lifecircle.web.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Builds the walking graph once per dataset load and hands the same instance to every analysis
 * until a new load lands. The check costs one indexed query; the build runs at most once per load
 * even when many runs ask at the same time.
 */
@Service
public class WalkingNetworkCache {
    private static final Logger LOG = LoggerFactory.getLogger(WalkingNetworkCache.class);

    private final RoadNetworkRepository repository;
    private volatile WalkingNetwork current;

    WalkingNetworkCache(RoadNetworkRepository repository) {
        this.repository = repository;
    }

    /**
     * The network of the latest dataset load.
     *
     * @throws NotFoundException when no dataset holds a walking network
     */
    public WalkingNetwork current() {
        long loadId = repository.latestLoadId();
        WalkingNetwork network = current;
        if (network != null && network.loadId() == loadId) {
            return network;
        }
        synchronized (this) {
            if (current == null || current.loadId() != loadId) {
                current = build(loadId);
            }
            return current;
        }
    }

    private WalkingNetwork build(long loadId) {
        long started = System.nanoTime();
        var edges = repository.edges();
        if (edges.isEmpty()) {
            throw new NotFoundException("The dataset has no walking network (road_edge is empty); import one first");
        }
        WalkingGraph graph = WalkingGraph.fromEdges(edges);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(
                "Walking graph of load {}: {} nodes, {} edges, {} components, built in {} ms",
                loadId,
                graph.nodeCount(),
                graph.edgeCount(),
                graph.componentCount(),
                millis);
        return new WalkingNetwork(loadId, graph, repository.barriers(), millis);
    }
}
