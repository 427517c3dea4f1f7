package org.lifecircle.web.ogc;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.ogc.OgcLayer.OgcClass;
import org.lifecircle.web.ogc.OgcLayer.Substitution;

/**
 * The OGC layers of analysis results: service areas, coverage by community, walking time per
 * cell, coverage gaps, suggested sites, community centres and accessibility. Each takes {@code
 * run=<id>} (0, the default, is the latest succeeded run of its kind); the coverage layers and the
 * sites also take {@code type=<facility type code>}. Boundary plans are in {@link PlanLayers}.
 *
 * <p>Request values reach the SQL only through MapServer's runtime substitution, each behind an
 * anchored pattern that admits no quote, space or separator ({@link Substitution}); the gateway
 * refuses what fails it ({@link SubstitutionGuard}). Everything else in the SQL comes from code or
 * the standards catalog. Run kinds are the {@code analysis_run.kind} values the run services write.
 */
final class ResultLayers {
    /** Facility type codes as the {@code facility_type} table constrains them, at most 63 characters. */
    static final String TYPE_PATTERN = "^[a-z][a-z0-9_]{0,62}$";

    /** The {@code type} value of layers that show every type unless asked for one. */
    static final String ALL_TYPES = "all";

    private static final String SERVICE_AREAS = """
            SELECT s.id, s.run_id, s.type_code, t.name_zh AS type_name_zh, t.name_en AS type_name_en,
                   s.minutes, s.mode, s.limit_m, s.area_m2, s.geom
            FROM service_area s JOIN facility_type t ON t.code = s.type_code
            WHERE s.scope = 'type' AND s.run_id = """ + latestRun("service-areas", null);

    /** Today's communities only: a run may have computed on versions since closed. */
    private static final String COVERAGE_COMMUNITIES = """
            SELECT c.id, c.id AS community_id, c.code, c.name, c.subdistrict_name, v.run_id, v.type_code,
                   t.name_zh AS type_name_zh, t.name_en AS type_name_en, v.threshold_m, v.cells, v.covered_cells,
                   v.households, v.covered_households, round(v.covered_percent::numeric, 2)::float8 AS covered_percent,
                   {MIN}::float8 AS standard_percent, (v.covered_percent >= {MIN})::integer AS meets_standard, c.geom
            FROM coverage_community v
            JOIN community c ON c.id = v.community_id AND c.valid_to IS NULL
            JOIN facility_type t ON t.code = v.type_code
            WHERE v.type_code = '%type%' AND v.run_id = """
            + latestRun(
                    "coverage",
                    "(SELECT 1 FROM coverage_community x WHERE x.run_id = r.id" + " AND x.type_code = '%type%')");

    /**
     * One type per request (the cells of a run hold every type it computed), so the cell id is
     * the feature id. Minutes at the run's walking speed, with the threshold the run applied to the
     * type. The run's parameters and the type's names are uncorrelated scalar sub-selects,
     * evaluated once per request rather than joined and read per cell (district, all 14,531 cells
     * in view: median 160 instead of 330 ms in PostgreSQL, six runs each on a loaded machine).
     */
    private static final String COVERAGE_CELLS = """
            SELECT v.cell_id AS id, v.cell_id, v.run_id, v.type_code,
                   (SELECT t.name_zh FROM facility_type t WHERE t.code = '%type%') AS type_name_zh,
                   (SELECT t.name_en FROM facility_type t WHERE t.code = '%type%') AS type_name_en,
                   r.community_id, r.households, r.population, round(v.distance_m::numeric, 1)::float8 AS distance_m,
                   round((v.distance_m / 60 / (
                       SELECT (a.parameters ->> 'speedMetersPerSecond')::float8 FROM analysis_run a WHERE a.id = {RUN}
                   ))::numeric, 1)::float8 AS walk_minutes,
                   (SELECT (a.parameters -> 'thresholdMetersByType' ->> '%type%')::float8 FROM analysis_run a
                    WHERE a.id = {RUN}) AS threshold_m,
                   v.covered::integer AS covered, v.nearest_facility_id, r.geom
            FROM coverage_cell v
            JOIN result_cell r ON r.run_id = v.run_id AND r.cell_id = v.cell_id
            WHERE v.type_code = '%type%' AND v.run_id = {RUN}""".replace(
                    "{RUN}",
                    latestRun(
                            "coverage",
                            "(SELECT 1 FROM coverage_community x WHERE x.run_id = r.id AND x.type_code = '%type%')"));

    /** Ids are unique over every type: the type's position among the codes × 10^6 + the rank. */
    private static final String COVERAGE_GAPS = """
            SELECT (SELECT COUNT(*) FROM facility_type f WHERE f.code < g.type_code) * 1000000 + g.rank AS id,
                   g.run_id, g.type_code, t.name_zh AS type_name_zh, t.name_en AS type_name_en, g.rank, g.households,
                   g.cells, round(g.area_m2::numeric, 1)::float8 AS area_m2,
                   round(g.nearest_distance_m::numeric, 1)::float8 AS nearest_distance_m, g.nearest_facility_id, g.geom
            FROM coverage_gap g JOIN facility_type t ON t.code = g.type_code
            WHERE ('%type%' = 'all' OR g.type_code = '%type%') AND g.run_id = """
            + latestRun(
                    "coverage",
                    "(SELECT 1 FROM coverage_community x WHERE x.run_id = r.id"
                            + " AND ('%type%' = 'all' OR x.type_code = '%type%'))");

    private static final String SITE_SUGGESTIONS = """
            SELECT s.build_order AS id, s.run_id, s.type_code, t.name_zh AS type_name_zh, t.name_en AS type_name_en,
                   s.build_order, s.added_households, s.exclusive_households, s.cumulative_households,
                   round(s.cumulative_percent::numeric, 2)::float8 AS cumulative_percent, s.cell_id, s.geom
            FROM site_suggestion s JOIN facility_type t ON t.code = s.type_code
            WHERE ('%type%' = 'all' OR s.type_code = '%type%') AND s.run_id = """
            + latestRun(
                    "siting",
                    "(SELECT 1 FROM site_suggestion x WHERE x.run_id = r.id"
                            + " AND ('%type%' = 'all' OR x.type_code = '%type%'))");

    private static final String COMMUNITY_CENTRES = """
            SELECT x.community_id AS id, x.run_id, x.community_id, c.code, c.name, x.cell_id, x.households,
                   x.reached_households, round(x.mean_walk_m::numeric, 1)::float8 AS mean_walk_m,
                   round(x.max_walk_m::numeric, 1)::float8 AS max_walk_m, x.geom
            FROM community_centre x JOIN community c ON c.id = x.community_id
            WHERE x.geom IS NOT NULL AND x.run_id = """ + latestRun("community-centres", null);

    /**
     * The mean is over the whole run, an uncorrelated scalar sub-select: PostgreSQL evaluates it
     * once (an InitPlan) whatever the statistics, and still pushes MapServer's bounding-box filter
     * down to the cells. (As a joined derived table, a freshly written run without statistics got
     * it re-evaluated per cell: 0.85 s instead of 5 ms for the 1,396 cells of the demo town.)
     */
    private static final String ACCESSIBILITY_CELLS = """
            SELECT a.cell_id AS id, a.run_id, a.type_code, t.name_zh AS type_name_zh, t.name_en AS type_name_en,
                   c.community_id, c.households, c.population, a.score,
                   round((a.score / NULLIF((
                       SELECT SUM(a2.score * c2.households) / NULLIF(SUM(c2.households), 0)
                       FROM accessibility_cell a2
                       JOIN result_cell c2 ON c2.run_id = a2.run_id AND c2.cell_id = a2.cell_id
                       WHERE a2.run_id = {RUN}), 0))::numeric, 3)::float8 AS score_ratio, c.geom
            FROM accessibility_cell a
            JOIN result_cell c ON c.run_id = a.run_id AND c.cell_id = a.cell_id
            JOIN facility_type t ON t.code = a.type_code
            WHERE a.run_id = {RUN}""".replace("{RUN}", latestRun("accessibility", null));

    private ResultLayers() {}

    static List<OgcLayer> all(StandardsCatalog catalog) {
        return List.of(
                serviceAreas(catalog),
                coverageCommunities(catalog),
                coverageCells(catalog),
                coverageGaps(catalog),
                siteSuggestions(catalog),
                communityCentres(),
                accessibilityCells());
    }

    /**
     * The run a layer shows: {@code %run%}, or for 0 the newest succeeded run of the kind (that
     * satisfies {@code exists}, an EXISTS sub-select over the candidate run {@code r}, if given).
     */
    static String latestRun(String kind, String exists) {
        return "CASE WHEN %run% = 0 THEN (SELECT MAX(r.id) FROM analysis_run r WHERE r.kind = '" + kind
                + "' AND r.status = 'succeeded'" + (exists == null ? "" : " AND EXISTS " + exists) + ") ELSE %run% END";
    }

    /** Kindergartens (5-minute life circle, the service officials ask about first) where the catalog has them. */
    private static String defaultType(StandardsCatalog catalog) {
        return catalog.facilityTypes().containsKey("kindergarten")
                ? "kindergarten"
                : catalog.facilityTypes().keySet().iterator().next();
    }

    private static Substitution type(StandardsCatalog catalog, String defaultValue, boolean allowAll) {
        Set<String> allowed = new LinkedHashSet<>(catalog.facilityTypes().keySet());
        if (allowAll) {
            allowed.add(ALL_TYPES);
        }
        return new Substitution(
                "type",
                TYPE_PATTERN,
                defaultValue,
                new TreeSet<>(allowed),
                allowAll ? "a facility type code, or all" : "a facility type code");
    }

    private static OgcLayer serviceAreas(StandardsCatalog catalog) {
        List<OgcClass> classes = new ArrayList<>();
        catalog.facilityTypes()
                .forEach((code, type) -> classes.add(new OgcClass(
                        type.nameZh() + "服务范围",
                        type.nameEn() + " service area",
                        "(\"[type_code]\" = \"" + code + "\")",
                        Palette.facilityType(code),
                        Palette.facilityType(code),
                        1,
                        0,
                        25)));
        return new OgcLayer(
                "service_areas",
                "服务范围",
                "Service areas",
                "服务范围分析结果（按设施类型合并）；参数 run=<编号> 选择一次分析，默认最近一次",
                "Service-area results dissolved per facility type; run=<id> picks a run, the latest by default",
                "POLYGON",
                "multipolygon",
                SERVICE_AREAS,
                List.of("run_id", "type_code", "type_name_zh", "type_name_en", "minutes", "mode", "limit_m", "area_m2"),
                classes,
                List.of(Substitution.RUN),
                null);
    }

    private static OgcLayer coverageCommunities(StandardsCatalog catalog) {
        double minPercent = catalog.value(StandardsCatalog.COVERAGE_MIN_PERCENT);
        String min = number(minPercent);
        List<OgcClass> classes = new ArrayList<>();
        classes.add(new OgcClass(
                "无住户",
                "no households",
                "([households] = 0)",
                Palette.COVERAGE_NO_HOUSEHOLDS,
                Palette.COMMUNITY_OUTLINE,
                1,
                0,
                80));
        List<Double> breaks = new ArrayList<>();
        for (int b : Palette.COVERAGE_BREAKS_PERCENT) {
            if (b > 0 && b < minPercent) {
                breaks.add((double) b);
            }
        }
        if (minPercent > 0) {
            breaks.add(minPercent);
        }
        int last = Palette.COVERAGE_RAMP.length - 1;
        for (int i = 0; i <= breaks.size(); i++) {
            // Spread over the whole ramp, as the web map does: palest and darkest are always used.
            String colour =
                    Palette.COVERAGE_RAMP[breaks.isEmpty() ? last : Math.round((float) i * last / breaks.size())];
            String from = i == 0 ? null : number(breaks.get(i - 1));
            String to = i == breaks.size() ? null : number(breaks.get(i));
            String label = from == null ? "< " + to + "%" : to == null ? "≥ " + from + "%" : from + "–" + to + "%";
            boolean meets = to == null;
            classes.add(new OgcClass(
                    "覆盖 " + label + (meets ? "（达标）" : ""),
                    "covered " + label + (meets ? " (meets the standard)" : ""),
                    to == null ? null : "([covered_percent] < " + to + ")",
                    colour,
                    Palette.COMMUNITY_OUTLINE,
                    1,
                    0,
                    80));
        }
        return new OgcLayer(
                "coverage_communities",
                "社区设施覆盖率",
                "Facility coverage by community",
                "现状社区中步行服务半径内的户数占比（一种设施类型），达标线 " + min + "%（" + StandardsCatalog.COVERAGE_MIN_PERCENT
                        + "）；参数 run=<编号>（默认含该类型的最近一次覆盖分析）、type=<设施类型代码>（默认 " + defaultType(catalog) + "）",
                "Share of households within walking reach of one facility type in each current community; the standard is "
                        + min + "% (" + StandardsCatalog.COVERAGE_MIN_PERCENT + "); run=<id> (default: the latest"
                        + " coverage run of the type), type=<facility type code> (default: " + defaultType(catalog)
                        + ")",
                "POLYGON",
                "multipolygon",
                COVERAGE_COMMUNITIES.replace("{MIN}", min),
                List.of(
                        "community_id",
                        "code",
                        "name",
                        "subdistrict_name",
                        "run_id",
                        "type_code",
                        "type_name_zh",
                        "type_name_en",
                        "threshold_m",
                        "cells",
                        "covered_cells",
                        "households",
                        "covered_households",
                        "covered_percent",
                        "standard_percent",
                        "meets_standard"),
                classes,
                List.of(Substitution.RUN, type(catalog, defaultType(catalog), false)),
                null);
    }

    private static OgcLayer coverageCells(StandardsCatalog catalog) {
        List<OgcClass> classes = new ArrayList<>();
        // A cell without a distance has no walking time: MapServer reads the NULL as "".
        classes.add(new OgcClass(
                "搜索范围内无该类设施",
                "no facility of the type within the search limit",
                "(\"[distance_m]\" = \"\")",
                Palette.WALK_UNREACHED,
                null,
                0,
                0,
                75));
        int[] breaks = Palette.WALK_MINUTE_BREAKS;
        for (int i = 0; i <= breaks.length; i++) {
            String label = i == 0
                    ? "≤ " + breaks[0]
                    : i == breaks.length ? "> " + breaks[i - 1] : breaks[i - 1] + "–" + breaks[i];
            boolean beyond = i == breaks.length;
            classes.add(new OgcClass(
                    "步行 " + label + " 分钟" + (beyond ? "（" + breaks[i - 1] + " 分钟生活圈外）" : ""),
                    "walk " + label + " min"
                            + (beyond ? " (outside the " + breaks[i - 1] + "-minute life circle)" : ""),
                    beyond ? null : "([walk_minutes] <= " + breaks[i] + ")",
                    Palette.WALK_MINUTES[i],
                    null,
                    0,
                    0,
                    75));
        }
        return new OgcLayer(
                "coverage_cells",
                "人口网格步行时间",
                "Walking time per population cell",
                "覆盖分析中每个人口网格到最近一处该类设施的步行距离（米）和时间（分钟，按本次分析的步行速度），"
                        + "covered=1 表示在该类设施服务半径（threshold_m）内；参数 run=<编号>（默认含该类型的最近一次覆盖分析）、"
                        + "type=<设施类型代码>（默认 " + defaultType(catalog) + "，与社区覆盖率图层一致）",
                "Walking distance (m) and time (min, at the run's walking speed) from each population cell to the"
                        + " nearest facility of one type in a coverage run; covered = 1 within the type's service"
                        + " radius (threshold_m); run=<id> (default: the latest coverage run of the type),"
                        + " type=<facility type code> (default: " + defaultType(catalog)
                        + ", as for coverage_communities)",
                "POLYGON",
                "polygon",
                COVERAGE_CELLS,
                List.of(
                        "cell_id",
                        "run_id",
                        "type_code",
                        "type_name_zh",
                        "type_name_en",
                        "community_id",
                        "households",
                        "population",
                        "distance_m",
                        "walk_minutes",
                        "threshold_m",
                        "covered",
                        "nearest_facility_id"),
                classes,
                List.of(Substitution.RUN, type(catalog, defaultType(catalog), false)),
                null);
    }

    private static OgcLayer coverageGaps(StandardsCatalog catalog) {
        List<OgcClass> classes = new ArrayList<>();
        int[] breaks = Palette.GAP_HOUSEHOLD_BREAKS;
        for (int i = breaks.length; i >= 0; i--) {
            // Most households first, so the classes read as a priority list.
            String label = i == 0
                    ? "< " + breaks[0]
                    : i == breaks.length ? "≥ " + breaks[i - 1] : breaks[i - 1] + "–" + breaks[i];
            String expression = i == 0 ? null : "([households] >= " + breaks[i - 1] + ")";
            classes.add(new OgcClass(
                    "盲区 " + label + " 户",
                    "gap, " + label + " households",
                    expression,
                    Palette.GAP_HOUSEHOLDS[i],
                    Palette.GAP_OUTLINE,
                    1.5,
                    0,
                    60));
        }
        return new OgcLayer(
                "coverage_gaps",
                "覆盖盲区",
                "Coverage gaps",
                "步行服务半径外的人口网格合并成的盲区，按户数排序（rank 1 最多）；参数 run=<编号>（默认含该类型的最近一次覆盖分析）、" + "type=<设施类型代码> 或 all（默认 "
                        + defaultType(catalog) + "，与社区覆盖率图层一致）",
                "Uncovered cells dissolved into gap areas, ranked by households (rank 1 = most); run=<id> (default:"
                        + " the latest coverage run of the type), type=<facility type code> or all (default: "
                        + defaultType(catalog) + ", as for coverage_communities)",
                "POLYGON",
                "multipolygon",
                COVERAGE_GAPS,
                List.of(
                        "run_id",
                        "type_code",
                        "type_name_zh",
                        "type_name_en",
                        "rank",
                        "households",
                        "cells",
                        "area_m2",
                        "nearest_distance_m",
                        "nearest_facility_id"),
                classes,
                List.of(Substitution.RUN, type(catalog, defaultType(catalog), true)),
                null);
    }

    private static OgcLayer siteSuggestions(StandardsCatalog catalog) {
        return new OgcLayer(
                "site_suggestions",
                "设施建议选址",
                "Suggested facility sites",
                "最大覆盖选址建议，标注建设顺序及新增覆盖户数；参数 run=<编号>（默认最近一次选址分析）、type=<设施类型代码>（默认 all）",
                "Maximal-covering site suggestions labelled with their build order and the households each adds;"
                        + " run=<id> (default: the latest siting run), type=<facility type code> (default: all)",
                "POINT",
                "point",
                SITE_SUGGESTIONS,
                List.of(
                        "run_id",
                        "type_code",
                        "type_name_zh",
                        "type_name_en",
                        "build_order",
                        "added_households",
                        "exclusive_households",
                        "cumulative_households",
                        "cumulative_percent",
                        "cell_id"),
                List.of(new OgcClass(
                        "建议选址（数字为建设顺序）",
                        "suggested site (number = build order)",
                        null,
                        Palette.SITE,
                        "#ffffff",
                        1,
                        12,
                        100,
                        "square")),
                List.of(Substitution.RUN, type(catalog, ALL_TYPES, true)),
                "build_order");
    }

    private static OgcLayer communityCentres() {
        return new OgcLayer(
                "community_centres",
                "社区服务中心建议位置",
                "Suggested community centres",
                "各社区户数加权步行距离最短的网格中心；参数 run=<编号>（默认最近一次分析）",
                "Per community, the cell minimising household-weighted walking distance; run=<id> (default: the"
                        + " latest community-centres run)",
                "POINT",
                "point",
                COMMUNITY_CENTRES,
                List.of(
                        "run_id",
                        "community_id",
                        "code",
                        "name",
                        "cell_id",
                        "households",
                        "reached_households",
                        "mean_walk_m",
                        "max_walk_m"),
                List.of(
                        new OgcClass(
                                "部分住户无法步行到达",
                                "some households cannot walk there",
                                "([reached_households] < [households])",
                                Palette.CENTRE_PARTLY_REACHED,
                                "#ffffff",
                                1,
                                13,
                                100,
                                "diamond"),
                        new OgcClass(
                                "社区中心建议位置",
                                "suggested centre",
                                null,
                                Palette.CENTRE,
                                "#ffffff",
                                1,
                                13,
                                100,
                                "diamond")),
                List.of(Substitution.RUN),
                "name");
    }

    private static OgcLayer accessibilityCells() {
        List<OgcClass> classes = new ArrayList<>();
        classes.add(new OgcClass(
                "服务范围内无设施", "no facility within reach", "([score] = 0)", Palette.ACCESS_NONE, null, 0, 0, 75));
        double[] breaks = Palette.ACCESS_RATIO_BREAKS;
        for (int i = 0; i <= breaks.length; i++) {
            String label = i == 0
                    ? "< " + number(breaks[0])
                    : i == breaks.length
                            ? "≥ " + number(breaks[i - 1])
                            : number(breaks[i - 1]) + "–" + number(breaks[i]);
            classes.add(new OgcClass(
                    "平均水平的 " + label + " 倍",
                    label + " × the mean",
                    i == breaks.length ? null : "([score_ratio] < " + number(breaks[i]) + ")",
                    Palette.ACCESS_RATIO[i],
                    null,
                    0,
                    0,
                    75));
        }
        return new OgcLayer(
                "accessibility_cells",
                "设施可达性",
                "Facility accessibility",
                "两步移动搜索法（2SFCA 系列）可达性得分；score_ratio 为得分与本次分析按户加权平均值之比；参数 run=<编号>（默认最近一次可达性分析）",
                "Capacity-aware accessibility (2SFCA family) per cell; score_ratio is the score over the run's"
                        + " household-weighted mean; run=<id> (default: the latest accessibility run)",
                "POLYGON",
                "polygon",
                ACCESSIBILITY_CELLS,
                List.of(
                        "run_id",
                        "type_code",
                        "type_name_zh",
                        "type_name_en",
                        "community_id",
                        "households",
                        "population",
                        "score",
                        "score_ratio"),
                classes,
                List.of(Substitution.RUN),
                null);
    }

    /** A number as a mapfile expression and a label take it: no trailing ".0", no grouping. */
    static String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(3);
        return format.format(value);
    }
}
