package org.lifecircle.web.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lifecircle.core.coverage.CommunityCoverage;
import org.lifecircle.core.coverage.CoverageAnalysis;
import org.lifecircle.core.coverage.CoverageOptions;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.coverage.TypeCoverage;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.analysis.AnalysisInputsCache;
import org.lifecircle.web.analysis.CommunityRecord;
import org.lifecircle.web.common.BadParameterException;
import org.springframework.stereotype.Service;

/**
 * Answers "what if a facility of this type stood here?" without storing anything, fast enough for a
 * map click: the coverage of the existing facilities (the baseline) is computed once per data
 * version, type and threshold, and each question then costs one search bounded by the threshold
 * from the new point, plus one pass over the cells. A cell gains coverage when the new facility is
 * within the threshold and no existing one is: coverage by the nearest facility is the minimum over
 * facilities, so adding one can only lower each cell's distance to min(old, new).
 */
@Service
class WhatIfService {
    private final AnalysisInputsCache inputsCache;
    private final Map<BaselineKey, TypeCoverage> baselines = new ConcurrentHashMap<>();

    private record BaselineKey(AnalysisInputs inputs, String type, double thresholdMeters, double speed) {}

    WhatIfService(AnalysisInputsCache inputsCache) {
        this.inputsCache = inputsCache;
    }

    WhatIfResult evaluate(WhatIfRequest request) {
        AnalysisInputs inputs = inputsCache.current();
        TypeCoverage baseline = baseline(inputs, request);
        long started = System.nanoTime();
        SnappedPoint site = inputs.newSnapper().snap(request.lon(), request.lat());
        if (!site.isSnapped()) {
            throw new BadParameterException(
                    "lon",
                    "The point (" + request.lon() + ", " + request.lat() + ") is more than "
                            + AnalysisInputs.SNAP_OPTIONS.maxSnapDistanceMeters()
                            + " m from every walkable street of the network; a facility there would reach nobody");
        }
        PopulationCells cells = inputs.snappedCells();
        DistanceSearch search = new DistanceSearch(inputs.network().graph());
        search.run(site, request.thresholdMeters());
        double[] distance = new double[cells.size()];
        int[] ignored = new int[cells.size()];
        search.measureTargets(cells.centroids(), distance, ignored);

        long[] added = new long[inputs.communities().size()];
        long addedTotal = 0;
        int newlyCovered = 0;
        int[] households = cells.households();
        int[] communityOfCell = cells.communityOfCell();
        for (int i = 0; i < distance.length; i++) {
            if (distance[i] <= request.thresholdMeters() && !baseline.covered(i)) {
                newlyCovered++;
                addedTotal += households[i];
                if (communityOfCell[i] >= 0) {
                    added[communityOfCell[i]] += households[i];
                }
            }
        }
        List<WhatIfResult.CommunityChange> changes = new ArrayList<>();
        for (int c = 0; c < added.length; c++) {
            if (added[c] > 0) {
                CommunityCoverage before = baseline.communities().get(c);
                CommunityRecord community = inputs.communities().get(c);
                long after = before.coveredHouseholds() + added[c];
                changes.add(new WhatIfResult.CommunityChange(
                        community.id(),
                        community.code(),
                        community.name(),
                        before.households(),
                        before.coveredHouseholds(),
                        after,
                        round2(before.coveredPercent()),
                        round2(100.0 * after / before.households())));
            }
        }
        changes.sort(Comparator.comparingLong(
                        (WhatIfResult.CommunityChange c) -> c.coveredHouseholdsAfter() - c.coveredHouseholdsBefore())
                .reversed());
        CommunityCoverage total = baseline.total();
        long afterTotal = total.coveredHouseholds() + addedTotal;
        return new WhatIfResult(
                request.type(),
                request.lon(),
                request.lat(),
                request.thresholdMeters(),
                Math.round(site.offNetworkMeters() * 10) / 10.0,
                total.households(),
                total.coveredHouseholds(),
                afterTotal,
                round2(total.coveredPercent()),
                round2(total.households() == 0 ? 100.0 : 100.0 * afterTotal / total.households()),
                newlyCovered,
                changes,
                (System.nanoTime() - started) / 1e6);
    }

    /** Coverage by the existing facilities; computed at the first question and kept per data version. */
    private TypeCoverage baseline(AnalysisInputs inputs, WhatIfRequest request) {
        BaselineKey key =
                new BaselineKey(inputs, request.type(), request.thresholdMeters(), request.speedMetersPerSecond());
        TypeCoverage baseline = baselines.get(key);
        if (baseline != null) {
            return baseline;
        }
        baselines.keySet().removeIf(k -> k.inputs() != inputs);
        return baselines.computeIfAbsent(
                key,
                k -> CoverageAnalysis.of(
                        inputs.network().graph(),
                        inputs.snappedCells(),
                        inputs.snappedFacilities(k.type()),
                        CoverageOptions.ofMeters(k.thresholdMeters(), k.speed())
                                .withSearchLimitMeters(k.thresholdMeters())));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
