package org.lifecircle.web.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.ogc.OgcLayer.OgcClass;
import org.lifecircle.web.ogc.OgcLayer.Substitution;

class ResultLayersTest {
    private static final Pattern TAG = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)%");
    private final List<OgcLayer> layers = new LayerCatalog(StandardsCatalog.national()).layers();

    @Test
    void onlyDeclaredSubstitutionsReachTheSql() {
        for (OgcLayer layer : layers) {
            Set<String> tags = new TreeSet<>();
            Matcher m = TAG.matcher(layer.query());
            while (m.find()) {
                tags.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            layer.substitutions().forEach(s -> declared.add(s.name()));
            assertThat(tags).as(layer.name()).isEqualTo(declared);
        }
    }

    @Test
    void everySubstitutionIsValidatedWithADefaultInTheMapfile() {
        String mapfile =
                MapfileWriter.mapfile(layers, new PostgisConnection("h", 5432, "d", "u", "p"), "118 31 119 32");
        String layer = section(mapfile, "coverage_communities");
        assertThat(layer)
                .contains("\"run\" \"^[0-9]{1,18}$\"", "\"default_run\" \"0\"")
                .contains("\"type\" \"" + ResultLayers.TYPE_PATTERN + "\"", "\"default_type\" \"kindergarten\"");
        assertThat(section(mapfile, "coverage_gaps")).contains("\"default_type\" \"kindergarten\"");
        assertThat(section(mapfile, "site_suggestions"))
                .contains("\"default_type\" \"all\"", "LABELITEM \"build_order\"", "SYMBOL \"square\"");
        assertThat(section(mapfile, "community_centres")).contains("\"default_run\" \"0\"", "SYMBOL \"diamond\"");
        for (OgcLayer l : layers) {
            for (Substitution s : l.substitutions()) {
                assertThat(s.pattern()).startsWith("^").endsWith("$").doesNotContain("'", " ", ";");
            }
        }
    }

    @Test
    void cellsAndPlansTakeTheirParametersWithDefaults() {
        String mapfile =
                MapfileWriter.mapfile(layers, new PostgisConnection("h", 5432, "d", "u", "p"), "118 31 119 32");
        assertThat(section(mapfile, "coverage_cells"))
                .contains("\"run\" \"^[0-9]{1,18}$\"", "\"default_run\" \"0\"")
                .contains("\"default_type\" \"kindergarten\"");
        assertThat(section(mapfile, "plan_communities"))
                .contains("\"plan\" \"^[0-9]{1,18}$\"", "\"default_plan\" \"0\"")
                .contains("FROM plan_community_shape s")
                .doesNotContain("ST_Union", "%run%");
    }

    @Test
    void walkingTimeClassesFollowTheLifeCircles() {
        OgcLayer cells = layer(layers, "coverage_cells");
        assertThat(expressions(cells))
                .containsExactly(
                        "(\"[distance_m]\" = \"\")",
                        "([walk_minutes] <= 5)",
                        "([walk_minutes] <= 10)",
                        "([walk_minutes] <= 15)",
                        null);
        assertThat(cells.classes().stream().map(OgcClass::fillRgb).toList())
                .containsExactly(
                        Palette.WALK_UNREACHED,
                        Palette.WALK_MINUTES[0],
                        Palette.WALK_MINUTES[1],
                        Palette.WALK_MINUTES[2],
                        Palette.WALK_MINUTES[3]);
        assertThat(cells.classes().get(4).nameEn()).isEqualTo("walk > 15 min (outside the 15-minute life circle)");
    }

    @Test
    void planCommunitiesHaveTheEditorsStatusColours() {
        OgcLayer plan = layer(layers, "plan_communities");
        assertThat(expressions(plan))
                .containsExactly("(\"[status]\" = \"under\")", "(\"[status]\" = \"in_range\")", null);
        assertThat(plan.classes().stream().map(OgcClass::fillRgb).toList())
                .containsExactly(Palette.HOUSEHOLDS_UNDER, Palette.HOUSEHOLDS_HIGH, Palette.HOUSEHOLDS_OVER);
        assertThat(plan.query()).contains("'under'", "'in_range'", "'over'");
    }

    @Test
    void choroplethBreaksEndAtTheCatalogsCoverageStandard() {
        assertThat(expressions(coverageLayer(StandardsCatalog.national())))
                .containsExactly(
                        "([households] = 0)",
                        "([covered_percent] < 20)",
                        "([covered_percent] < 40)",
                        "([covered_percent] < 60)",
                        "([covered_percent] < 80)",
                        "([covered_percent] < 90)",
                        null);
        StandardsCatalog local = StandardsCatalog.load(new ByteArrayInputStream(
                "rules:\n  community.coverage.minPercent: {value: 75}\n".getBytes(StandardCharsets.UTF_8)));
        OgcLayer layer = coverageLayer(local);
        assertThat(expressions(layer))
                .containsExactly(
                        "([households] = 0)",
                        "([covered_percent] < 20)",
                        "([covered_percent] < 40)",
                        "([covered_percent] < 60)",
                        "([covered_percent] < 75)",
                        null);
        OgcClass meets = layer.classes().get(layer.classes().size() - 1);
        assertThat(meets.nameEn()).isEqualTo("covered ≥ 75% (meets the standard)");
        assertThat(meets.fillRgb()).isEqualTo(Palette.COVERAGE_RAMP[Palette.COVERAGE_RAMP.length - 1]);
        assertThat(layer.classes().get(1).fillRgb()).isEqualTo(Palette.COVERAGE_RAMP[0]);
        assertThat(layer.query()).contains("75::float8 AS standard_percent");
    }

    private static OgcLayer coverageLayer(StandardsCatalog catalog) {
        return layer(new LayerCatalog(catalog).layers(), "coverage_communities");
    }

    private static OgcLayer layer(List<OgcLayer> layers, String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> expressions(OgcLayer layer) {
        return layer.classes().stream().map(OgcClass::expression).toList();
    }

    private static String section(String mapfile, String layer) {
        int start = mapfile.indexOf("NAME \"" + layer + "\"");
        assertThat(start).as(layer).isPositive();
        int end = mapfile.indexOf("\n  LAYER\n", start);
        return mapfile.substring(start, end < 0 ? mapfile.length() : end);
    }
}
