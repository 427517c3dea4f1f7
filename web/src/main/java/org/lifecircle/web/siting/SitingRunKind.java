package org.lifecircle.web.siting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.coverage.CoverageAnalysis;
import org.lifecircle.core.coverage.CoverageOptions;
import org.lifecircle.core.coverage.GapAreas;
import org.lifecircle.core.coverage.TypeCoverage;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.graph.Snapper;
import org.lifecircle.core.siting.MaximalCoveringLocation;
import org.lifecircle.core.siting.SiteCandidates;
import org.lifecircle.core.siting.SitingOptions;
import org.lifecircle.core.siting.SitingResult;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.analysis.AnalysisInputsCache;
import org.lifecircle.web.run.RunKind;
import org.lifecircle.web.run.RunProgress;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code siting} runs: new sites for one facility type by maximal covering location (Church &amp;
 * ReVelle 1974) with the existing facilities kept, solved by lazy greedy plus swaps ({@link
 * MaximalCoveringLocation}). Candidates are the gap cells of the type (most households first) or
 * the planner's points. Stages: inputs, candidates (coverage and gaps of the existing facilities),
 * solve, store.
 */
@Component
class SitingRunKind implements RunKind {
    static final String NAME = "siting";

    private final SitingRequestValidator validator;
    private final AnalysisInputsCache inputsCache;
    private final SiteStore store;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final double walkSpeed;

    SitingRunKind(
            StandardsCatalog catalog,
            AnalysisInputsCache inputsCache,
            SiteStore store,
            TransactionTemplate transaction,
            JsonMapper json) {
        this.validator = new SitingRequestValidator(catalog);
        this.inputsCache = inputsCache;
        this.store = store;
        this.transaction = transaction;
        this.json = json;
        this.walkSpeed = catalog.value(StandardsCatalog.WALKING_SPEED);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode validate(JsonNode request) {
        return json.valueToTree(validator.validate(request));
    }

    @Override
    public Map<String, Object> execute(long runId, JsonNode parametersJson, RunProgress progress) {
        SitingParameters parameters = json.treeToValue(parametersJson, SitingParameters.class);
        long started = System.nanoTime();
        AnalysisInputs inputs = inputsCache.current();
        progress.datasetLoad(inputs.network().loadId());
        progress.timingSince("inputs", started);
        progress.percent(5);

        long candidatesStarted = System.nanoTime();
        List<SnappedPoint> existing = inputs.snappedFacilities(parameters.type());
        List<SnappedPoint> candidates;
        long[] cellOfCandidate;
        if (parameters.candidates() == null) {
            TypeCoverage coverage = CoverageAnalysis.of(
                    inputs.network().graph(),
                    inputs.snappedCells(),
                    existing,
                    CoverageOptions.ofMeters(parameters.thresholdMeters(), walkSpeed)
                            .withSearchLimitMeters(parameters.thresholdMeters()));
            var gaps = GapAreas.of(inputs.cellPolygons(), inputs.snappedCells(), coverage);
            SiteCandidates gapCells =
                    SiteCandidates.fromGapCells(inputs.snappedCells(), gaps, parameters.maxCandidates());
            candidates = gapCells.points();
            cellOfCandidate = new long[candidates.size()];
            for (int i = 0; i < candidates.size(); i++) {
                cellOfCandidate[i] =
                        inputs.cells().get(gapCells.cellOfCandidate()[i]).id();
            }
        } else {
            Snapper snapper = inputs.newSnapper();
            candidates = new ArrayList<>(parameters.candidates().size());
            for (double[] point : parameters.candidates()) {
                candidates.add(snapper.snap(point[0], point[1]));
            }
            cellOfCandidate = null;
        }
        progress.timingSince("candidates", candidatesStarted);
        progress.percent(25);

        long solveStarted = System.nanoTime();
        SitingOptions options = SitingOptions.of(parameters.thresholdMeters(), parameters.sites());
        if (parameters.targetPercent() != null) {
            options = options.withTargetCoveredPercent(parameters.targetPercent());
        }
        SitingResult result = candidates.isEmpty()
                ? null
                : new MaximalCoveringLocation(inputs.network().graph())
                        .solve(
                                inputs.snappedCells().centroids(),
                                inputs.snappedCells().households(),
                                existing,
                                candidates,
                                options);
        progress.timingSince("solve", solveStarted);
        progress.percent(90);

        long storeStarted = System.nanoTime();
        if (result != null) {
            transaction.executeWithoutResult(status -> store.insert(runId, parameters.type(), result, cellOfCandidate));
        }
        progress.timingSince("store", storeStarted);
        return summary(parameters, inputs, candidates, result);
    }

    private static Map<String, Object> summary(
            SitingParameters parameters, AnalysisInputs inputs, List<SnappedPoint> candidates, SitingResult result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", parameters.type());
        summary.put("thresholdMeters", parameters.thresholdMeters());
        summary.put("existingFacilities", inputs.facilities(parameters.type()).size());
        summary.put("candidates", candidates.size());
        summary.put(
                "unsnappedCandidates",
                candidates.stream().filter(c -> !c.isSnapped()).count());
        if (result == null) {
            summary.put("sites", 0);
            summary.put("note", "no candidates: every household is already covered, or no candidate was given");
            return summary;
        }
        summary.put("sites", result.sites().size());
        summary.put("totalHouseholds", result.totalHouseholds());
        summary.put("existingCoveredHouseholds", result.existingCoveredHouseholds());
        summary.put("coveredHouseholds", result.coveredHouseholds());
        summary.put("addedHouseholds", result.addedHouseholds());
        summary.put("coveredPercent", Math.round(result.coveredPercent() * 100) / 100.0);
        double[] curve = result.coverageCurvePercent().clone();
        for (int i = 0; i < curve.length; i++) {
            curve[i] = Math.round(curve[i] * 100) / 100.0;
        }
        summary.put("coverageCurvePercent", curve);
        summary.put("greedyStop", result.greedyStop().name());
        summary.put("swapCount", result.swapCount());
        summary.put("swapStop", result.swapStop().name());
        summary.put("restartRuns", result.runCount());
        summary.put("timeLimitReached", result.timeLimitReached());
        return summary;
    }
}
