package org.lifecircle.web.plan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.boundary.CellGraph;
import org.lifecircle.core.boundary.ProposedCommunity;
import org.lifecircle.core.boundary.RegionalizationOptions;
import org.lifecircle.core.boundary.RegionalizationResult;
import org.lifecircle.core.boundary.Regionalizer;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.JsonParameters;
import org.lifecircle.web.run.RunKind;
import org.lifecircle.web.run.RunProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The two run kinds of boundary planning: {@code boundary-proposal} (the engine's plan from today's
 * communities, or from nothing with {@code fromScratch}) and {@code grids} (management grids, 网格,
 * of one community). Each ends in a stored plan the editing API works on.
 */
@Configuration
class BoundaryRunKinds {
    static final String PROPOSAL = "boundary-proposal";
    static final String GRIDS = "grids";
    static final int MAX_TIME_LIMIT_SECONDS = 600;

    @Bean
    RunKind boundaryProposalRunKind(PlanService plans, StandardsCatalog catalog) {
        return new Proposal(plans, catalog);
    }

    @Bean
    RunKind gridsRunKind(PlanService plans) {
        return new Grids(plans);
    }

    /** Bounds, weights, scope, seed and time limit from a request, defaults from the catalog. */
    static RegionalizationOptions options(JsonNode request, long min, long target, long max) {
        long lo = JsonParameters.integer(request, "min", (int) min, 0, 1_000_000);
        long hi = JsonParameters.integer(request, "max", (int) max, 1, 1_000_000);
        long mid = JsonParameters.integer(request, "target", (int) Math.min(Math.max(target, lo), hi), 1, 1_000_000);
        if (!(lo <= mid && mid <= hi)) {
            throw new BadParameterException(
                    "target", "min <= target <= max is required, got " + lo + ", " + mid + ", " + hi);
        }
        RegionalizationOptions options = RegionalizationOptions.of(lo, mid, hi)
                .withSeed(JsonParameters.integer(request, "seed", 1, 0, Integer.MAX_VALUE))
                .withTimeLimitMillis(
                        1000L * JsonParameters.integer(request, "timeLimitSeconds", 30, 1, MAX_TIME_LIMIT_SECONDS));
        String scope =
                JsonParameters.choice(request, "scope", "around-violations", List.of("around-violations", "all"));
        if (scope.equals("all")) {
            options = options.withScope(RegionalizationOptions.Scope.ALL);
        }
        options = options.withArterialsForIslands(JsonParameters.bool(request, "arterialsForIslands", true));
        return options.withWeights(
                JsonParameters.number(request, "balanceWeight", options.balanceWeight(), 0, 100),
                JsonParameters.number(request, "compactnessWeight", options.compactnessWeight(), 0, 100),
                JsonParameters.number(request, "changeWeight", options.changeWeight(), 0, 100));
    }

    static Map<String, Object> summary(long planId, RegionalizationResult result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("planId", planId);
        summary.put("before", result.before());
        summary.put("after", result.after());
        summary.put("moves", result.moves().size());
        summary.put("openedArterialLinks", result.openedBreaks());
        Map<String, Long> infeasible = new LinkedHashMap<>();
        for (ProposedCommunity c : result.communities()) {
            if (c.reason() != ProposedCommunity.Infeasibility.NONE) {
                infeasible.merge(c.reason().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
            }
        }
        summary.put("infeasible", infeasible);
        summary.put("searchStop", result.stop());
        summary.put("iterations", result.iterations());
        return summary;
    }

    private static final class Proposal implements RunKind {
        private static final List<String> FIELDS = List.of(
                "kind",
                "name",
                "fromScratch",
                "min",
                "target",
                "max",
                "seed",
                "timeLimitSeconds",
                "scope",
                "balanceWeight",
                "compactnessWeight",
                "changeWeight",
                "arterialsForIslands");
        private final PlanService plans;
        private final StandardsCatalog catalog;

        Proposal(PlanService plans, StandardsCatalog catalog) {
            this.plans = plans;
            this.catalog = catalog;
        }

        @Override
        public String name() {
            return PROPOSAL;
        }

        @Override
        public JsonNode validate(JsonNode request) {
            JsonParameters.rejectUnknown(request, FIELDS);
            RegionalizationOptions defaults = RegionalizationOptions.communities(catalog);
            options(request, defaults.minHouseholds(), defaults.targetHouseholds(), defaults.maxHouseholds());
            JsonParameters.bool(request, "fromScratch", false);
            return request;
        }

        @Override
        public Map<String, Object> execute(long runId, JsonNode request, RunProgress progress) {
            RegionalizationOptions defaults = RegionalizationOptions.communities(catalog);
            RegionalizationOptions options =
                    options(request, defaults.minHouseholds(), defaults.targetHouseholds(), defaults.maxHouseholds());
            boolean scratch = JsonParameters.bool(request, "fromScratch", false);
            long started = System.nanoTime();
            PlanningGraph planning = plans.graph();
            progress.datasetLoad(planning.inputs().network().loadId());
            progress.timingSince("graph", started);
            progress.percent(10);
            int[] today = planning.today();
            int todayCount = planning.inputs().communities().size();
            if (scratch) {
                Arrays.fill(today, -1);
                todayCount = 0;
            }
            long solveStarted = System.nanoTime();
            RegionalizationResult result = Regionalizer.propose(planning.graph(), today, todayCount, options);
            progress.timingSince("regionalization", solveStarted);
            progress.percent(80);
            String name = request.has("name") && request.get("name").isString()
                    ? request.get("name").asString()
                    : (scratch ? "从零划分 " : "调整方案 ") + "run " + runId;
            long storeStarted = System.nanoTime();
            long planId = plans.createFromResult(name, scratch ? "scratch" : "proposal", runId, result, options);
            progress.timingSince("store", storeStarted);
            return summary(planId, result);
        }
    }

    private static final class Grids implements RunKind {
        private static final List<String> FIELDS = List.of(
                "kind", "name", "community", "min", "target", "max", "seed", "timeLimitSeconds", "arterialsForIslands");
        /** Management grids of 300–500 households (common practice of 网格化管理). */
        static final long MIN = 300;

        static final long TARGET = 400;
        static final long MAX = 500;
        private final PlanService plans;

        Grids(PlanService plans) {
            this.plans = plans;
        }

        @Override
        public String name() {
            return GRIDS;
        }

        @Override
        public JsonNode validate(JsonNode request) {
            JsonParameters.rejectUnknown(request, FIELDS);
            if (!JsonParameters.isLong(request.get("community"))) {
                throw new BadParameterException(
                        "community", "community (the numeric id of a current community) is required");
            }
            options(request, MIN, TARGET, MAX);
            return request;
        }

        @Override
        public Map<String, Object> execute(long runId, JsonNode request, RunProgress progress) {
            RegionalizationOptions options = options(request, MIN, TARGET, MAX);
            long communityId = request.get("community").asLong();
            PlanningGraph planning = plans.graph();
            progress.datasetLoad(planning.inputs().network().loadId());
            int index = -1;
            for (int c = 0; c < planning.inputs().communities().size(); c++) {
                if (planning.inputs().communities().get(c).id() == communityId) {
                    index = c;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("No current community " + communityId);
            }
            int community = index;
            int[] cells = java.util.stream.IntStream.range(
                            0, planning.inputs().cells().size())
                    .filter(i -> planning.inputs().cells().get(i).communityIndex() == community)
                    .toArray();
            if (cells.length == 0) {
                throw new IllegalArgumentException("Community " + communityId + " has no population cells");
            }
            CellGraph graph = planning.subgraph(cells);
            progress.percent(20);
            RegionalizationResult result = Regionalizer.propose(graph, new int[cells.length], 1, options);
            progress.percent(80);
            String name = request.has("name") && request.get("name").isString()
                    ? request.get("name").asString()
                    : "网格划分 " + planning.inputs().communities().get(index).name();
            long planId = plans.createGrids(name, runId, communityId, cells, result, options);
            return summary(planId, result);
        }
    }
}
