package org.lifecircle.web.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.core.standards.StandardsCatalog;

class SubstitutionGuardTest {
    private final SubstitutionGuard guard =
            new SubstitutionGuard(new LayerCatalog(StandardsCatalog.national()).layers());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kindergarten'--",
                "kindergarten' OR '1'='1",
                "Kindergarten",
                "no_such_type",
                "kindergarten\n",
                "all",
                ""
            })
    void choroplethTakesOnlyCatalogTypes(String value) {
        SubstitutionGuard.Refusal refusal =
                guard.check(parameters("LAYERS", "coverage_communities", "TYPE", value), null);
        assertThat(refusal).isNotNull();
        assertThat(refusal.parameter()).isEqualTo("type");
        assertThat(refusal.message()).contains("coverage_communities");
    }

    @Test
    void gapsAndSitesAlsoTakeAll() {
        assertThat(guard.check(parameters("typenames", "ms:coverage_gaps", "type", "all"), null))
                .isNull();
        assertThat(guard.check(parameters("typenames", "(ms:site_suggestions)", "type", "all"), null))
                .isNull();
        // Asked together with the choropleth, "all" is refused: that layer cannot draw it.
        assertThat(guard.check(parameters("layers", "coverage_gaps,coverage_communities", "type", "all"), null))
                .isNotNull();
    }

    @Test
    void validValuesPass() {
        assertThat(guard.check(parameters("layers", "coverage_communities", "type", "market", "run", "0"), null))
                .isNull();
        assertThat(guard.check(parameters("run", "12"), "coverage_communities")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1;DELETE FROM facility", "0)", "1e3", "", "1234567890123456789"})
    void runIdsAreDigitsOnly(String value) {
        assertThat(guard.check(parameters("layers", "service_areas", "run", value), null))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1;drop", "1; DROP TABLE boundary_plan", "-1", "0)", "1'", "1e3", "", "x"})
    void planIdsAreDigitsOnly(String value) {
        SubstitutionGuard.Refusal refusal =
                guard.check(parameters("typenames", "ms:plan_communities", "PLAN", value), null);
        assertThat(refusal).isNotNull();
        assertThat(refusal.parameter()).isEqualTo("plan");
        assertThat(refusal.message()).contains("boundary plan id", "plan_communities");
        // Named by no layer of the request, it still reaches the SQL of the plan layer.
        assertThat(guard.check(parameters("request", "GetCapabilities", "plan", value), null))
                .isNotNull();
    }

    @Test
    void planAndCellLayersTakeTheirParameters() {
        assertThat(guard.check(parameters("layers", "plan_communities", "plan", "12"), null))
                .isNull();
        assertThat(guard.check(parameters("plan", "0"), "plan_communities")).isNull();
        assertThat(guard.check(parameters("layers", "coverage_cells", "type", "primary_school", "run", "3"), null))
                .isNull();
        // Cells are of one type: "all" has no walking time.
        assertThat(guard.check(parameters("layers", "coverage_cells", "type", "all"), null))
                .isNotNull();
        assertThat(guard.check(parameters("layers", "coverage_cells", "run", "3;"), null))
                .isNotNull();
    }

    @Test
    void withoutResultLayersAValueMustStillPassOneLayer() {
        // MapServer substitutes into every layer that names the parameter, requested or not.
        assertThat(guard.check(parameters("request", "GetCapabilities", "type", "x'"), null))
                .isNotNull();
        assertThat(guard.check(parameters("layers", "communities", "type", "market"), null))
                .isNull();
        assertThat(guard.check(parameters("layers", "communities", "name", "x'"), null))
                .as("parameters no layer substitutes are MapServer's business")
                .isNull();
    }

    private static List<String[]> parameters(String... nameValue) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.add(new String[] {nameValue[i], nameValue[i + 1], nameValue[i] + "=" + nameValue[i + 1]});
        }
        return out;
    }
}
