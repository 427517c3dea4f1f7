package org.lifecircle.web.centre;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.coverage.CentreLocation;
import org.lifecircle.core.coverage.CommunityCentre;
import org.lifecircle.core.coverage.CommunityCentreOptions;
import org.lifecircle.web.analysis.AnalysisInputs;
import org.lifecircle.web.analysis.AnalysisInputsCache;
import org.lifecircle.web.common.JsonParameters;
import org.lifecircle.web.run.RunKind;
import org.lifecircle.web.run.RunProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code community-centres} runs (社区中心的空间确定): per community, the cell whose point minimises
 * the household-weighted walking distance from all its cells — the 1-median of the community on the
 * walking network (Hakimi 1964), see {@link CommunityCentre}.
 */
@Component
class CommunityCentreRunKind implements RunKind {
    static final String NAME = "community-centres";
    private static final List<String> FIELDS = List.of("kind");

    private static final String INSERT = """
            INSERT INTO community_centre (run_id, community_id, cell_id, households, reached_households, mean_walk_m,
                                          max_walk_m, geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN ST_SetSRID(ST_MakePoint(?, ?), 4326) END)
            """;

    private final AnalysisInputsCache inputsCache;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    CommunityCentreRunKind(
            AnalysisInputsCache inputsCache, JdbcTemplate jdbc, TransactionTemplate transaction, JsonMapper json) {
        this.inputsCache = inputsCache;
        this.jdbc = jdbc;
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
        return json.valueToTree(Map.of("kind", NAME));
    }

    @Override
    public Map<String, Object> execute(long runId, JsonNode parameters, RunProgress progress) {
        long started = System.nanoTime();
        AnalysisInputs inputs = inputsCache.current();
        progress.datasetLoad(inputs.network().loadId());
        progress.timingSince("inputs", started);

        long computeStarted = System.nanoTime();
        CommunityCentre centres = new CommunityCentre(inputs.network().graph(), CommunityCentreOptions.defaults());
        int count = inputs.communities().size();
        List<CentreLocation> located = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            located.add(centres.locate(inputs.snappedCells(), c));
            progress.percent(90.0 * (c + 1) / Math.max(1, count));
        }
        progress.timingSince("compute", computeStarted);

        long storeStarted = System.nanoTime();
        List<Object[]> rows = new ArrayList<>(count);
        int withCentre = 0;
        double meanOfMeans = 0;
        for (CentreLocation centre : located) {
            boolean has = centre.hasCentre();
            if (has) {
                withCentre++;
                meanOfMeans += centre.meanWalkMeters();
            }
            rows.add(new Object[] {
                runId,
                inputs.communities().get(centre.communityIndex()).id(),
                has ? inputs.cells().get(centre.centreCell()).id() : null,
                centre.households(),
                centre.reachedHouseholds(),
                has ? centre.meanWalkMeters() : null,
                has ? centre.maxWalkMeters() : null,
                has,
                has ? centre.lon() : 0.0,
                has ? centre.lat() : 0.0
            });
        }
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows));
        progress.timingSince("store", storeStarted);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("communities", count);
        summary.put("withCentre", withCentre);
        summary.put("meanWalkMeters", withCentre == 0 ? 0 : Math.round(meanOfMeans / withCentre * 10) / 10.0);
        return summary;
    }
}
