package org.lifecircle.web.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.Snapper;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.network.WalkingNetwork;
import org.lifecircle.web.network.WalkingNetworkCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads and snaps the analysis inputs once per data version and hands the same instance to every
 * run and what-if request until the data changes. The check costs one small query.
 */
@Service
public class AnalysisInputsCache {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisInputsCache.class);

    private final AnalysisInputsRepository repository;
    private final WalkingNetworkCache networks;
    private final StandardsCatalog catalog;
    private volatile AnalysisInputs current;

    AnalysisInputsCache(AnalysisInputsRepository repository, WalkingNetworkCache networks, StandardsCatalog catalog) {
        this.repository = repository;
        this.networks = networks;
        this.catalog = catalog;
    }

    /**
     * The inputs of the current data.
     *
     * @throws org.lifecircle.web.common.NotFoundException when there is no walking network
     */
    public AnalysisInputs current() {
        WalkingNetwork network = networks.current();
        String version = repository.version();
        AnalysisInputs inputs = current;
        if (inputs != null && inputs.version().equals(version) && inputs.network() == network) {
            return inputs;
        }
        synchronized (this) {
            if (current == null || !current.version().equals(version) || current.network() != network) {
                current = build(network, version);
            }
            return current;
        }
    }

    private AnalysisInputs build(WalkingNetwork network, String version) {
        long started = System.nanoTime();
        List<CommunityRecord> communities = repository.communities();
        Map<Long, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < communities.size(); i++) {
            indexOfId.put(communities.get(i).id(), i);
        }
        List<CellRecord> cells = repository.cells(id -> indexOfId.getOrDefault(id, -1));
        Snapper snapper = new Snapper(network.graph(), AnalysisInputs.SNAP_OPTIONS);
        int[] communityOfCell = new int[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            communityOfCell[i] = cells.get(i).communityIndex();
        }
        PopulationCells snappedCells = PopulationCells.snap(
                snapper, cells.stream().map(CellRecord::cell).toList(), communityOfCell, communities.size());

        Map<String, List<FacilityRecord>> facilitiesByType = new LinkedHashMap<>();
        for (String type : catalog.facilityTypes().keySet()) {
            facilitiesByType.put(type, new ArrayList<>());
        }
        for (FacilityRecord facility : repository.facilities()) {
            facilitiesByType
                    .computeIfAbsent(facility.typeCode(), t -> new ArrayList<>())
                    .add(facility);
        }
        Map<String, List<SnappedPoint>> snappedByType = new LinkedHashMap<>();
        for (var entry : facilitiesByType.entrySet()) {
            List<SnappedPoint> snapped = new ArrayList<>(entry.getValue().size());
            for (FacilityRecord facility : entry.getValue()) {
                snapped.add(snapper.snap(facility.lon(), facility.lat()));
            }
            snappedByType.put(entry.getKey(), snapped);
        }
        LOG.info(
                "Analysis inputs {}: {} communities, {} cells, {} facilities, read and snapped in {} ms",
                version,
                communities.size(),
                cells.size(),
                facilitiesByType.values().stream().mapToInt(List::size).sum(),
                (System.nanoTime() - started) / 1_000_000);
        return new AnalysisInputs(network, version, communities, cells, snappedCells, facilitiesByType, snappedByType);
    }
}
