package org.lifecircle.web.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.access.AccessibilityScores;
import org.lifecircle.core.access.CatchmentOptions;
import org.lifecircle.core.access.TwoStepFloatingCatchment;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.standards.Range;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.analysis.AnalysisInputsCache;
import org.lifecircle.web.analysis.CellRecord;
import org.lifecircle.web.analysis.FacilityRecord;
import org.lifecircle.web.analysis.ResultCellStore;
import org.lifecircle.web.common.JsonParameters;
import org.lifecircle.web.run.RunKind;
import org.lifecircle.web.run.RunProgress;
import org.lifecircle.web.store.CopyIntoTransaction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code accessibility} runs: capacity-aware accessibility of every cell to one facility type by
 * the two-step floating catchment method ({@link TwoStepFloatingCatchment}: Luo &amp; Wang 2003;
 * enhanced with distance decay by Luo &amp; Qi 2009), so a crowded facility counts for less than an
 * idle one. A facility without a recorded floor area counts with the catalog's minimum for its
 * type (GB 50180-2018 附录 B), and the run says how many did.
 */
@Component
class AccessibilityRunKind implements RunKind {
    static final String NAME = "accessibility";
    private static final List<String> FIELDS = List.of("kind", "type", "method", "catchment", "supply", "demand");
    private static final List<String> METHODS = List.of("2sfca", "e2sfca", "gaussian");
    private static final List<String> SUPPLIES = List.of("floor_area", "capacity", "count");
    private static final List<String> DEMANDS = List.of("population", "households", "children", "elderly");

    private final StandardsCatalog catalog;
    private final AnalysisInputsCache inputsCache;
    private final ResultCellStore resultCells;
    private final CopyIntoTransaction copy;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    AccessibilityRunKind(
            StandardsCatalog catalog,
            AnalysisInputsCache inputsCache,
            ResultCellStore resultCells,
            CopyIntoTransaction copy,
            TransactionTemplate transaction,
            JsonMapper json) {
        this.catalog = catalog;
        this.inputsCache = inputsCache;
        this.resultCells = resultCells;
        this.copy = copy;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode validate(JsonNode request) {
        JsonParameters.rejectUnknown(request, FIELDS);
        String type = JsonParameters.facilityType(request, "type", catalog);
        String method = JsonParameters.choice(request, "method", "e2sfca", METHODS);
        double catchment = JsonParameters.number(
                request, "catchment", catalog.facilityType(type).serviceRadiusMeters(), 50, 5000);
        String defaultSupply = catalog.facilityType(type).floorAreaSquareMeters() != null ? "floor_area" : "count";
        String supply = JsonParameters.choice(request, "supply", defaultSupply, SUPPLIES);
        String demand = JsonParameters.choice(request, "demand", "population", DEMANDS);
        return json.valueToTree(new AccessibilityParameters(NAME, type, method, catchment, supply, demand));
    }

    @Override
    public Map<String, Object> execute(long runId, JsonNode parametersJson, RunProgress progress) {
        AccessibilityParameters parameters = json.treeToValue(parametersJson, AccessibilityParameters.class);
        long started = System.nanoTime();
        AnalysisInputs inputs = inputsCache.current();
        progress.datasetLoad(inputs.network().loadId());
        progress.timingSince("inputs", started);
        progress.percent(10);

        List<FacilityRecord> facilities = inputs.facilities(parameters.type());
        Map<String, Object> summary = new LinkedHashMap<>();
        double[] supply = supply(parameters, facilities, summary);
        double[] demand = demand(parameters, inputs.cells());
        CatchmentOptions options = switch (parameters.method()) {
            case "2sfca" -> CatchmentOptions.binary(parameters.catchmentMeters());
            case "gaussian" -> CatchmentOptions.gaussian(parameters.catchmentMeters());
            default -> CatchmentOptions.luoQiStepwise(parameters.catchmentMeters());
        };
        long computeStarted = System.nanoTime();
        AccessibilityScores scores = new TwoStepFloatingCatchment(
                        inputs.network().graph())
                .compute(
                        inputs.snappedCells().centroids(),
                        demand,
                        inputs.snappedFacilities(parameters.type()),
                        supply,
                        options);
        progress.timingSince("compute", computeStarted);
        progress.percent(80);

        long storeStarted = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            resultCells.insert(runId, inputs);
            copy.copy("accessibility_cell", "run_id, type_code, cell_id, score", writer -> {
                for (int i = 0; i < inputs.cells().size(); i++) {
                    writer.number(runId)
                            .text(parameters.type())
                            .number(inputs.cells().get(i).id())
                            .number(scores.score(i))
                            .endRow();
                }
            });
        });
        progress.timingSince("store", storeStarted);

        double totalSupply = 0;
        for (double s : supply) {
            totalSupply += s;
        }
        double weighted = 0;
        double maxScore = 0;
        int reached = 0;
        for (int i = 0; i < demand.length; i++) {
            weighted += demand[i] * scores.score(i);
            maxScore = Math.max(maxScore, scores.score(i));
            if (scores.score(i) > 0) {
                reached++;
            }
        }
        summary.put("facilities", facilities.size());
        summary.put("totalSupply", totalSupply);
        summary.put("servedSupply", scores.servedSupply());
        // Conservation (Luo & Wang 2003): Σ demand × score equals the supply of facilities that
        // serve anyone; the relative difference shows the rounding, and any bug.
        summary.put(
                "conservationRelativeError",
                scores.servedSupply() == 0 ? 0 : Math.abs(weighted - scores.servedSupply()) / scores.servedSupply());
        summary.put("totalDemand", sum(demand));
        summary.put("meanScore", sum(demand) == 0 ? 0 : weighted / sum(demand));
        summary.put("maxScore", maxScore);
        summary.put("cellsReached", reached);
        summary.put("pairs", scores.pairCount());
        return summary;
    }

    private double[] supply(
            AccessibilityParameters parameters, List<FacilityRecord> facilities, Map<String, Object> summary) {
        double[] supply = new double[facilities.size()];
        Range catalogArea = catalog.facilityType(parameters.type()).floorAreaSquareMeters();
        int fromCatalog = 0;
        for (int j = 0; j < supply.length; j++) {
            FacilityRecord facility = facilities.get(j);
            switch (parameters.supply()) {
                case "count" -> supply[j] = 1;
                case "capacity" -> {
                    if (facility.capacity() == null) {
                        throw new IllegalStateException("Facility " + facility.id() + " (" + facility.name()
                                + ") has no capacity; choose supply=floor_area or count");
                    }
                    supply[j] = facility.capacity();
                }
                default -> {
                    if (facility.floorAreaM2() != null) {
                        supply[j] = facility.floorAreaM2();
                    } else if (catalogArea != null) {
                        supply[j] = catalogArea.min();
                        fromCatalog++;
                    } else {
                        throw new IllegalStateException("Facility " + facility.id() + " (" + facility.name()
                                + ") has no floor area and the catalog gives none for " + parameters.type()
                                + "; choose supply=capacity or count");
                    }
                }
            }
        }
        summary.put("supplyFromCatalog", fromCatalog);
        return supply;
    }

    private static double[] demand(AccessibilityParameters parameters, List<CellRecord> cells) {
        double[] demand = new double[cells.size()];
        for (int i = 0; i < demand.length; i++) {
            PopulationCell cell = cells.get(i).cell();
            Integer value = switch (parameters.demand()) {
                case "households" -> cell.households();
                case "children" -> cell.children();
                case "elderly" -> cell.elderly();
                default -> cell.population();
            };
            if (value == null) {
                throw new IllegalStateException(
                        "Population cell " + cells.get(i).id() + " has no " + parameters.demand()
                                + " count; choose demand=population or households");
            }
            demand[i] = value;
        }
        return demand;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
