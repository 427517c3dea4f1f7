package org.lifecircle.web.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.coverage.CoverageAnalysis;
import org.lifecircle.core.coverage.CoverageOptions;
import org.lifecircle.core.coverage.GapArea;
import org.lifecircle.core.coverage.GapAreas;
import org.lifecircle.core.coverage.GapOptions;
import org.lifecircle.core.coverage.TypeCoverage;
import org.lifecircle.core.standards.CheckOutcome;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.analysis.AnalysisInputsCache;
import org.lifecircle.web.analysis.ResultCellStore;
import org.lifecircle.web.run.RunKind;
import org.lifecircle.web.run.RunProgress;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code coverage} runs: for each requested facility type, every cell's walking distance to the
 * nearest facility, households covered per community and in total, and the gaps; then the
 * standards checks of every community. Stages: inputs (cached per data version), coverage, gaps,
 * checks, store.
 */
@Component
class CoverageRunKind implements RunKind {
    static final String NAME = "coverage";

    private final CoverageRequestValidator validator;
    private final AnalysisInputsCache inputsCache;
    private final ResultCellStore resultCells;
    private final CoverageStore store;
    private final CommunityChecks checks;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    CoverageRunKind(
            StandardsCatalog catalog,
            AnalysisInputsCache inputsCache,
            ResultCellStore resultCells,
            CoverageStore store,
            TransactionTemplate transaction,
            JsonMapper json) {
        this.validator = new CoverageRequestValidator(catalog);
        this.inputsCache = inputsCache;
        this.resultCells = resultCells;
        this.store = store;
        this.checks = new CommunityChecks(catalog);
        this.transaction = transaction;
        this.json = json;
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
        CoverageParameters parameters = json.treeToValue(parametersJson, CoverageParameters.class);
        long started = System.nanoTime();
        AnalysisInputs inputs = inputsCache.current();
        progress.datasetLoad(inputs.network().loadId());
        progress.timingSince("inputs", started);

        long coverageStarted = System.nanoTime();
        long gapMillis = 0;
        CoverageAnalysis analysis = new CoverageAnalysis(inputs.network().graph());
        List<Polygon> polygons = inputs.cellPolygons();
        Map<String, TypeCoverage> coverageByType = new LinkedHashMap<>();
        Map<String, List<GapArea>> gapsByType = new LinkedHashMap<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        int steps = parameters.thresholdMetersByType().size();
        int done = 0;
        for (var entry : parameters.thresholdMetersByType().entrySet()) {
            String type = entry.getKey();
            CoverageOptions options = CoverageOptions.ofMeters(entry.getValue(), parameters.speedMetersPerSecond());
            TypeCoverage coverage = analysis.analyse(inputs.snappedCells(), inputs.snappedFacilities(type), options);
            coverageByType.put(type, coverage);
            progress.percent(80.0 * (done + 0.5) / steps);
            long gapStarted = System.nanoTime();
            List<GapArea> gaps = GapAreas.of(
                    polygons,
                    inputs.snappedCells(),
                    coverage,
                    GapOptions.defaults().withMinGapHouseholds(parameters.minGapHouseholds()));
            gapMillis += RunProgress.millisSince(gapStarted);
            gapsByType.put(type, gaps);
            summary.put(type, typeSummary(inputs, type, coverage, gaps));
            progress.percent(80.0 * ++done / steps);
        }
        progress.timing("coverage", RunProgress.millisSince(coverageStarted) - gapMillis);
        progress.timing("gaps", gapMillis);

        long checksStarted = System.nanoTime();
        List<CommunityChecks.Row> checkRows = checks.evaluate(inputs, coverageByType);
        progress.timingSince("checks", checksStarted);
        progress.percent(85);

        long storeStarted = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            resultCells.insert(runId, inputs);
            store.insertCells(runId, inputs, coverageByType);
            store.insertCommunities(runId, inputs, coverageByType);
            store.insertGaps(runId, inputs, gapsByType);
            store.insertChecks(runId, checkRows);
        });
        progress.timingSince("store", storeStarted);
        long failing = checkRows.stream()
                .filter(r -> r.check().outcome() == CheckOutcome.FAIL)
                .map(CommunityChecks.Row::communityId)
                .distinct()
                .count();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("types", summary);
        result.put("cells", inputs.cells().size());
        result.put("communities", inputs.communities().size());
        result.put("communitiesFailingChecks", failing);
        return result;
    }

    private static Map<String, Object> typeSummary(
            AnalysisInputs inputs, String type, TypeCoverage coverage, List<GapArea> gaps) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("thresholdMeters", coverage.options().thresholdMeters());
        summary.put("facilities", inputs.facilities(type).size());
        summary.put("unsnappedFacilities", coverage.unsnappedFacilityCount());
        summary.put("households", coverage.total().households());
        summary.put("coveredHouseholds", coverage.total().coveredHouseholds());
        summary.put("coveredPercent", Math.round(coverage.total().coveredPercent() * 100) / 100.0);
        summary.put("gaps", gaps.size());
        summary.put("largestGapHouseholds", gaps.isEmpty() ? 0 : gaps.get(0).households());
        return summary;
    }
}
