package org.lifecircle.core.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardsCatalogTest {

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nationalCatalogHoldsTheDesignNumbers() {
        StandardsCatalog catalog = StandardsCatalog.national();
        assertThat(catalog.value(StandardsCatalog.HOUSEHOLDS_MIN)).isEqualTo(1000);
        assertThat(catalog.value(StandardsCatalog.HOUSEHOLDS_TARGET)).isEqualTo(3000);
        assertThat(catalog.value(StandardsCatalog.HOUSEHOLDS_MAX)).isEqualTo(5000);
        assertThat(catalog.value(StandardsCatalog.SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS))
                .isEqualTo(30);
        assertThat(catalog.value(StandardsCatalog.OFFICE_AREA_URBAN_MIN)).isEqualTo(500);
        assertThat(catalog.value(StandardsCatalog.STAFF_MIN)).isEqualTo(5);
        assertThat(catalog.value(StandardsCatalog.STAFF_MAX)).isEqualTo(9);
        assertThat(catalog.facilityType("kindergarten").serviceRadiusMeters()).isEqualTo(300);
        assertThat(catalog.facilityType("primary_school").serviceRadiusMeters()).isEqualTo(500);
        assertThat(catalog.facilityType("middle_school").serviceRadiusMeters()).isEqualTo(1000);
        assertThat(catalog.lifeCircles().get("15min").walkDistanceMeters()).isEqualTo(new Range(800, 1000));
    }

    @Test
    void everyFacilityTypeAndRuleNamesItsSource() {
        StandardsCatalog catalog = StandardsCatalog.national();
        assertThat(catalog.facilityTypes()).hasSizeGreaterThanOrEqualTo(10);
        catalog.facilityTypes().values().forEach(t -> assertThat(t.source()).isNotBlank());
        catalog.rules().values().forEach(r -> assertThat(r.source()).isNotBlank());
    }

    @Test
    void localityOverrideChangesOnlyTheNumbersItNames() {
        StandardsCatalog shanghai = StandardsCatalog.load(yaml("""
                name: 上海 local variant
                rules:
                  community.households.max: {value: 4000}
                facilityTypes:
                  kindergarten: {serviceRadiusMeters: 500}
                """));
        assertThat(shanghai.value(StandardsCatalog.HOUSEHOLDS_MAX)).isEqualTo(4000);
        assertThat(shanghai.rules().get(StandardsCatalog.HOUSEHOLDS_MAX).unit()).isEqualTo("households");
        assertThat(shanghai.value(StandardsCatalog.HOUSEHOLDS_MIN)).isEqualTo(1000);
        assertThat(shanghai.facilityType("kindergarten").serviceRadiusMeters()).isEqualTo(500);
        assertThat(shanghai.facilityType("kindergarten").nameZh()).isEqualTo("幼儿园");
        assertThat(shanghai.name()).isEqualTo("上海 local variant");
    }

    @Test
    void overrideThatBreaksTheHouseholdOrderIsRefused() {
        assertThatThrownBy(() -> StandardsCatalog.load(yaml("rules: {community.households.max: {value: 800}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min <= target <= max");
    }

    @Test
    void overrideWithMisspelledFieldIsRefused() {
        assertThatThrownBy(() -> StandardsCatalog.load(yaml("facilityTypes: {kindergarten: {serviceRadius: 400}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serviceRadius");
    }

    @Test
    void unknownFacilityTypeIsAnError() {
        assertThatThrownBy(() -> StandardsCatalog.national().facilityType("casino"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("casino");
    }

    @Test
    void coverageShareIsPracticeAndSaysSo() {
        Rule coverage = StandardsCatalog.national().rules().get(StandardsCatalog.COVERAGE_MIN_PERCENT);
        assertThat(coverage.value()).isEqualTo(90);
        assertThat(coverage.unit()).isEqualTo("percent");
        assertThat(coverage.source()).startsWith("PRACTICE").contains("no binding clause");
    }

    @Test
    void coverageShareOutsidePercentRangeIsRefused() {
        assertThatThrownBy(() -> StandardsCatalog.load(yaml("rules: {community.coverage.minPercent: {value: 120}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 100]");
    }

    @Test
    void citationSpellsOutTheSourceKeyAndKeepsTheClause() {
        StandardsCatalog catalog = StandardsCatalog.national();
        assertThat(catalog.citation("JUMIN 第八条")).isEqualTo("《中华人民共和国城市居民委员会组织法》(2018 修正) 第八条");
        assertThat(catalog.citation("GB50180")).isEqualTo("《城市居住区规划设计标准》GB 50180-2018");
        assertThat(catalog.citation("第七次全国人口普查 (2020) national average household size"))
                .isEqualTo("第七次全国人口普查 (2020) national average household size");
        assertThat(catalog.citation("GB50180X 3.0.4")).isEqualTo("GB50180X 3.0.4");
    }

    @Test
    void citationFollowsALocalitysSourceNames() {
        StandardsCatalog local = StandardsCatalog.load(yaml("sources: {LOCAL: 《南京市社区工作者管理办法》}"));
        assertThat(local.citation("LOCAL")).isEqualTo("《南京市社区工作者管理办法》");
    }
}
