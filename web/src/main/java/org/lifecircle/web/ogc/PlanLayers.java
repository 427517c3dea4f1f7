package org.lifecircle.web.ogc;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.ogc.OgcLayer.OgcClass;
import org.lifecircle.web.ogc.OgcLayer.Substitution;

/**
 * The OGC layer of boundary plans: the communities of one plan ({@code plan=<id>}; 0, the default,
 * is the newest plan) coloured by households against the plan's own bounds, as the boundary editor
 * colours them.
 *
 * <p>Outlines come from {@code plan_community_shape}, which the database keeps as the union of
 * each community's cells whenever a plan's cells change (migration V008): unioning the cells per
 * request would cost every map request the whole plan, since the bounding box MapServer adds
 * cannot filter below the union. Households, cells and the shape are as of the plan's last
 * committed edit; code and name are the community's now. {@code contiguous} is geometric (one
 * piece on the map); the editor's stricter check, which also breaks at arterials, rail, rivers and
 * subdistrict borders, is in the plan's violations ({@code GET /api/plans/{id}}).
 */
final class PlanLayers {
    /** {@code status} values, as the plans API names them. */
    static final String UNDER = "under";

    static final String IN_RANGE = "in_range";
    static final String OVER = "over";

    /** The status values are {@link #UNDER}, {@link #IN_RANGE} and {@link #OVER}. */
    private static final String PLAN_COMMUNITIES = """
            SELECT s.key AS id, s.plan_id, b.name AS plan_name, b.origin AS plan_origin, b.status AS plan_status,
                   s.key, k.code, k.name, k.continues_community_id, s.cells, s.households, s.population,
                   b.min_households, b.target_households, b.max_households,
                   round(((s.households - b.target_households) * 100.0 / NULLIF(b.target_households, 0))::numeric, 1)
                       ::float8 AS deviation_percent,
                   CASE WHEN s.households < b.min_households THEN 'under'
                        WHEN s.households > b.max_households THEN 'over' ELSE 'in_range' END AS status,
                   round(LEAST(1, 4 * pi() * s.area_m2 / NULLIF(s.perimeter_m * s.perimeter_m, 0))::numeric, 3)::float8
                       AS polsby_popper,
                   round(s.area_m2::numeric, 1)::float8 AS area_m2, s.parts, (s.parts = 1)::integer AS contiguous, s.geom
            FROM plan_community_shape s
            JOIN plan_community k ON k.plan_id = s.plan_id AND k.key = s.key
            JOIN boundary_plan b ON b.id = s.plan_id
            WHERE s.plan_id = CASE WHEN %plan% = 0 THEN (SELECT MAX(n.id) FROM boundary_plan n) ELSE %plan% END""";

    private PlanLayers() {}

    static List<OgcLayer> all(StandardsCatalog catalog) {
        return List.of(planCommunities(catalog));
    }

    private static OgcLayer planCommunities(StandardsCatalog catalog) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        n.setGroupingUsed(true);
        String min = n.format(catalog.value(StandardsCatalog.HOUSEHOLDS_MIN));
        String target = n.format(catalog.value(StandardsCatalog.HOUSEHOLDS_TARGET));
        String max = n.format(catalog.value(StandardsCatalog.HOUSEHOLDS_MAX));
        return new OgcLayer(
                "plan_communities",
                "社区边界调整方案",
                "Community boundary plan",
                "一个边界调整方案中的社区（其人口网格的合并范围），按方案的户数上下限着色（默认 " + min + "–" + max + " 户，目标 " + target
                        + " 户）；deviation_percent 为户数相对目标的偏差，polsby_popper 为紧凑度，contiguous=1 表示地图上连成一片；"
                        + "参数 plan=<编号>（默认最新的方案）",
                "The communities of one boundary plan (the union of their population cells), coloured by households"
                        + " against the plan's bounds (by default " + min + "–" + max + ", target " + target
                        + "); deviation_percent from the target, polsby_popper compactness, contiguous = 1 for one"
                        + " piece on the map; plan=<id> (default: the newest plan)",
                "POLYGON",
                "multipolygon",
                PLAN_COMMUNITIES,
                List.of(
                        "plan_id",
                        "plan_name",
                        "plan_origin",
                        "plan_status",
                        "key",
                        "code",
                        "name",
                        "continues_community_id",
                        "cells",
                        "households",
                        "population",
                        "min_households",
                        "target_households",
                        "max_households",
                        "deviation_percent",
                        "status",
                        "polsby_popper",
                        "area_m2",
                        "parts",
                        "contiguous"),
                List.of(
                        new OgcClass(
                                "少于方案下限（宜合并）",
                                "under the plan's minimum (merge)",
                                "(\"[status]\" = \"" + UNDER + "\")",
                                Palette.PLAN_UNDER,
                                Palette.COMMUNITY_OUTLINE,
                                1,
                                0,
                                55),
                        new OgcClass(
                                "在方案上下限之内",
                                "within the plan's bounds",
                                "(\"[status]\" = \"" + IN_RANGE + "\")",
                                Palette.PLAN_IN_RANGE,
                                Palette.COMMUNITY_OUTLINE,
                                1,
                                0,
                                55),
                        new OgcClass(
                                "多于方案上限（宜拆分）",
                                "over the plan's maximum (split)",
                                null,
                                Palette.PLAN_OVER,
                                Palette.COMMUNITY_OUTLINE,
                                1,
                                0,
                                55)),
                List.of(Substitution.PLAN),
                null);
    }
}
