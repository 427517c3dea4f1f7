package org.lifecircle.web.ogc;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lifecircle.core.standards.FacilityTypeSpec;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.ogc.OgcLayer.OgcClass;
import org.springframework.stereotype.Component;

/**
 * Every layer lifecircle publishes, base and result, with bilingual titles and the web map's
 * styles. The mapfile is generated from this list; nothing else names OGC layers.
 */
@Component
class LayerCatalog {
    private static final String COMMUNITIES = """
            SELECT c.id, c.code, c.name, c.subdistrict_code, c.subdistrict_name, c.urban::integer AS urban,
                   t.households, t.population, c.office_area_m2, c.service_area_m2, c.staff_count,
                   to_char(c.valid_from, 'YYYY-MM-DD') AS valid_from, c.geom
            FROM community c
            CROSS JOIN LATERAL (
                SELECT COALESCE(SUM(p.households), 0)::integer AS households,
                       COALESCE(SUM(p.population), 0)::integer AS population
                FROM population_cell p WHERE ST_Intersects(c.geom, p.centroid)) t
            WHERE c.valid_to IS NULL""";
    private static final String FACILITIES = """
            SELECT f.id, f.type_code, t.name_zh AS type_name_zh, t.name_en AS type_name_en, f.name,
                   f.floor_area_m2, f.capacity, f.source, f.geom
            FROM facility f JOIN facility_type t ON t.code = f.type_code""";
    private static final String CELLS =
            "SELECT id, population, households, elderly, children, source, geom FROM population_cell";
    private static final String ROADS =
            "SELECT id, source, target, length_m, road_class, arterial::integer AS arterial, bridge::integer AS bridge,"
                    + " rail_crossing::integer AS rail_crossing, geom FROM road_edge";
    private static final String RIVERS = "SELECT id, name, geom FROM barrier WHERE kind = 'river'";
    private static final String RAIL = "SELECT id, name, geom FROM barrier WHERE kind = 'rail'";

    private final List<OgcLayer> layers;

    LayerCatalog(StandardsCatalog catalog) {
        this.layers = build(catalog);
    }

    List<OgcLayer> layers() {
        return layers;
    }

    private static List<OgcLayer> build(StandardsCatalog catalog) {
        List<OgcLayer> list = new ArrayList<>();
        list.add(communities(catalog));
        list.add(new OgcLayer(
                "facilities",
                "公共服务设施",
                "Public-service facilities",
                "全部设施，按类型着色",
                "All facilities, coloured by type",
                "POINT",
                "point",
                FACILITIES,
                List.of("type_code", "type_name_zh", "type_name_en", "name", "floor_area_m2", "capacity", "source"),
                facilityClasses(catalog)));
        catalog.facilityTypes().forEach((code, type) -> list.add(facilitiesOfType(code, type)));
        list.add(populationCells());
        list.add(new OgcLayer(
                "road_edges",
                "步行路网",
                "Walking network",
                "可步行道路，主干路为社区边界的硬分隔",
                "Walkable edges; arterials are hard breaks for community boundaries",
                "LINE",
                "line",
                ROADS,
                List.of("source", "target", "length_m", "road_class", "arterial", "bridge", "rail_crossing"),
                List.of(
                        new OgcClass("主干路", "arterial", "([arterial] = 1)", null, Palette.ARTERIAL, 2.5, 0, 100),
                        new OgcClass("街巷与步道", "street or path", null, null, Palette.STREET, 1, 0, 100))));
        list.add(new OgcLayer(
                "rivers",
                "河流水面",
                "Rivers",
                "河流与水面，步行只能经桥梁跨越",
                "Rivers and water, crossed on foot only over bridges",
                "POLYGON",
                "multipolygon",
                RIVERS,
                List.of("name"),
                List.of(new OgcClass("河流", "river", null, Palette.RIVER_FILL, Palette.RIVER_OUTLINE, 1, 0, 100))));
        list.add(new OgcLayer(
                "rail",
                "铁路",
                "Rail lines",
                "铁路，步行只能经道口或天桥跨越",
                "Rail lines, crossed on foot only at crossings",
                "LINE",
                "line",
                RAIL,
                List.of("name"),
                List.of(new OgcClass("铁路", "rail", null, null, Palette.RAIL, 3, 0, 100))));
        list.addAll(ResultLayers.all(catalog));
        list.addAll(PlanLayers.all(catalog));
        return List.copyOf(list);
    }

    private static OgcLayer communities(StandardsCatalog catalog) {
        int min = (int) catalog.value(StandardsCatalog.HOUSEHOLDS_MIN);
        int target = (int) catalog.value(StandardsCatalog.HOUSEHOLDS_TARGET);
        int max = (int) catalog.value(StandardsCatalog.HOUSEHOLDS_MAX);
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        n.setGroupingUsed(true);
        return new OgcLayer(
                "communities",
                "社区",
                "Communities",
                "现状社区边界与户数（户数按人口网格中心点统计），按 " + n.format(min) + "–" + n.format(max) + " 户标准着色",
                "Current community boundaries with households (cells counted by their centre), coloured against the "
                        + n.format(min) + "–" + n.format(max) + " household range",
                "POLYGON",
                "multipolygon",
                COMMUNITIES,
                List.of(
                        "code",
                        "name",
                        "subdistrict_code",
                        "subdistrict_name",
                        "urban",
                        "households",
                        "population",
                        "office_area_m2",
                        "service_area_m2",
                        "staff_count",
                        "valid_from"),
                List.of(
                        new OgcClass(
                                "少于 " + n.format(min) + " 户（宜合并）",
                                "under " + n.format(min) + " (merge)",
                                "([households] < " + min + ")",
                                Palette.HOUSEHOLDS_UNDER,
                                Palette.COMMUNITY_OUTLINE,
                                1,
                                0,
                                80),
                        new OgcClass(
                                n.format(min) + "–" + n.format(target) + " 户",
                                n.format(min) + "–" + n.format(target),
                                "([households] < " + target + ")",
                                Palette.HOUSEHOLDS_LOW,
                                Palette.COMMUNITY_OUTLINE,
                                1,
                                0,
                                80),
                        new OgcClass(
                                n.format(target) + "–" + n.format(max) + " 户",
                                n.format(target) + "–" + n.format(max),
                                "([households] <= " + max + ")",
                                Palette.HOUSEHOLDS_HIGH,
                                Palette.COMMUNITY_OUTLINE,
                                1,
                                0,
                                80),
                        new OgcClass(
                                "多于 " + n.format(max) + " 户（宜拆分）",
                                "over " + n.format(max) + " (split)",
                                null,
                                Palette.HOUSEHOLDS_OVER,
                                Palette.COMMUNITY_OUTLINE,
                                1,
                                0,
                                80)));
    }

    private static List<OgcClass> facilityClasses(StandardsCatalog catalog) {
        List<OgcClass> classes = new ArrayList<>();
        catalog.facilityTypes()
                .forEach((code, type) -> classes.add(new OgcClass(
                        type.nameZh(),
                        type.nameEn(),
                        "(\"[type_code]\" = \"" + code + "\")",
                        Palette.facilityType(code),
                        "#ffffff",
                        1,
                        10,
                        100)));
        classes.add(new OgcClass("其他", "other", null, Palette.FACILITY_FALLBACK, "#ffffff", 1, 10, 100));
        return classes;
    }

    private static OgcLayer facilitiesOfType(String code, FacilityTypeSpec type) {
        return new OgcLayer(
                "facilities_" + code,
                type.nameZh(),
                type.nameEn(),
                type.nameZh() + "，服务半径 " + (int) type.serviceRadiusMeters() + " 米（" + type.source() + "）",
                type.nameEn() + ", service radius " + (int) type.serviceRadiusMeters() + " m",
                "POINT",
                "point",
                FACILITIES + " WHERE f.type_code = '" + code + "'",
                List.of("type_code", "type_name_zh", "type_name_en", "name", "floor_area_m2", "capacity", "source"),
                List.of(new OgcClass(
                        type.nameZh(), type.nameEn(), null, Palette.facilityType(code), "#ffffff", 1, 10, 100)));
    }

    private static OgcLayer populationCells() {
        List<OgcClass> classes = new ArrayList<>();
        int[] breaks = Palette.CELL_HOUSEHOLD_BREAKS;
        for (int i = 0; i <= breaks.length; i++) {
            String label = i == 0
                    ? "< " + breaks[0]
                    : i == breaks.length ? "≥ " + breaks[i - 1] : breaks[i - 1] + "–" + breaks[i];
            String expression = i == breaks.length ? null : "([households] < " + breaks[i] + ")";
            classes.add(new OgcClass(
                    label + " 户", label + " households", expression, Palette.CELL_HOUSEHOLDS[i], null, 0, 0, 75));
        }
        return new OgcLayer(
                "population_cells",
                "人口网格",
                "Population cells",
                "人口与户数网格",
                "Population and households per cell",
                "POLYGON",
                "polygon",
                CELLS,
                List.of("population", "households", "elderly", "children", "source"),
                classes);
    }
}
