package org.lifecircle.web.servicearea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.servicearea.FacilityServiceAreas;
import org.lifecircle.core.servicearea.ServiceArea;
import org.lifecircle.core.servicearea.ServiceAreaBuilder;
import org.lifecircle.core.servicearea.ServiceAreaMode;
import org.lifecircle.core.servicearea.ServiceAreaOptions;
import org.lifecircle.core.servicearea.TypeServiceAreas;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.network.WalkingNetwork;
import org.lifecircle.web.network.WalkingNetworkCache;
import org.lifecircle.web.run.RunKind;
import org.lifecircle.web.run.RunProgress;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code service-areas} runs: for each requested facility type, the area within each walking time
 * of every facility and of the type as a whole (dissolved), on the shared walking graph of the
 * current dataset. Stages: graph (cached per load), per-facility areas, dissolved areas, store.
 */
@Component
class ServiceAreaRunKind implements RunKind {
    static final String NAME = "service-areas";

    private final ServiceAreaRequestValidator validator;
    private final WalkingNetworkCache networks;
    private final ServiceAreaStore store;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    ServiceAreaRunKind(
            StandardsCatalog catalog,
            WalkingNetworkCache networks,
            ServiceAreaStore store,
            TransactionTemplate transaction,
            JsonMapper json) {
        this.validator = new ServiceAreaRequestValidator(catalog);
        this.networks = networks;
        this.store = store;
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
        ServiceAreaParameters parameters = json.treeToValue(parametersJson, ServiceAreaParameters.class);
        long started = System.nanoTime();
        WalkingNetwork network = networks.current();
        progress.datasetLoad(network.loadId());
        progress.timingSince("graph", started);

        long computeStarted = System.nanoTime();
        Map<String, List<StoredFacility>> facilitiesByType = new LinkedHashMap<>();
        int total = 0;
        for (String type : parameters.minutesByType().keySet()) {
            List<StoredFacility> facilities = store.facilitiesOfType(type);
            facilitiesByType.put(type, facilities);
            total += facilities.size() + 1;
        }
        List<ServiceAreaStore.Row> rows = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        int done = 0;
        ServiceAreaMode mode = ServiceAreaMode.valueOf(parameters.mode().toUpperCase(Locale.ROOT));
        for (var entry : facilitiesByType.entrySet()) {
            String type = entry.getKey();
            ServiceAreaOptions options = ServiceAreaOptions.defaults()
                    .withThresholdsMinutes(parameters.minutesByType().get(type))
                    .withWalkSpeedMetersPerSecond(parameters.speedMetersPerSecond())
                    .withOffNetworkAllowanceMeters(parameters.offNetworkAllowanceMeters())
                    .withMode(mode);
            ServiceAreaBuilder builder = new ServiceAreaBuilder(network.graph(), network.barriers(), options);
            List<StoredFacility> stored = entry.getValue();
            List<Facility> facilities =
                    stored.stream().map(StoredFacility::facility).toList();
            int doneBefore = done;
            int steps = total;
            List<FacilityServiceAreas> perFacility =
                    builder.perFacility(facilities, count -> progress.percent(95.0 * (doneBefore + count) / steps));
            done += facilities.size();
            for (FacilityServiceAreas areas : perFacility) {
                StoredFacility facility = stored.get(areas.facilityIndex());
                for (ServiceArea area : areas.areas()) {
                    rows.add(row(type, facility.id(), facility.facility().name(), parameters.mode(), area));
                }
            }
            Map<String, Object> typeSummary = new LinkedHashMap<>();
            typeSummary.put("facilities", facilities.size());
            if (!facilities.isEmpty()) {
                TypeServiceAreas dissolved = builder.perType(facilities).get(0);
                Map<String, Double> areaKm2 = new LinkedHashMap<>();
                for (ServiceArea area : dissolved.areas()) {
                    rows.add(row(type, null, null, parameters.mode(), area));
                    areaKm2.put(
                            Integer.toString(area.thresholdMinutes()), Math.round(area.areaSquareMeters() / 1e3) / 1e3);
                }
                typeSummary.put("unsnappedFacilities", dissolved.unsnappedFacilityCount());
                typeSummary.put("areaKm2ByMinutes", areaKm2);
            }
            summary.put(type, typeSummary);
            progress.percent(95.0 * ++done / total);
        }
        progress.timingSince("compute", computeStarted);

        long storeStarted = System.nanoTime();
        transaction.executeWithoutResult(status -> store.insert(runId, rows));
        progress.timingSince("store", storeStarted);
        return Map.of("types", summary, "areas", rows.size());
    }

    private static ServiceAreaStore.Row row(
            String type, Long facilityId, String facilityName, String mode, ServiceArea area) {
        return new ServiceAreaStore.Row(
                type,
                facilityId,
                facilityName,
                area.thresholdMinutes(),
                mode,
                area.limitMeters(),
                area.areaSquareMeters(),
                area.area());
    }
}
