package org.lifecircle.datasets.importer.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.standards.StandardsCatalog;

class OsmFacilityMappingTest {
    private static final StandardsCatalog CATALOG = StandardsCatalog.national();
    private static final OsmFacilityMapping MAPPING = OsmFacilityMapping.defaults(CATALOG);

    @Test
    void everyRuleOfTheShippedMappingNamesACatalogType() {
        assertThat(MAPPING.rules())
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(CATALOG.facilityTypes()).containsKey(rule.typeCode()));
    }

    @Test
    void shippedMappingCoversEveryCatalogType() {
        assertThat(MAPPING.rules())
                .extracting(OsmFacilityMapping.Rule::typeCode)
                .containsAll(CATALOG.facilityTypes().keySet());
    }

    @Test
    void schoolLevelComesFromTheName() {
        assertThat(MAPPING.typeFor(Map.of("amenity", "school", "name", "长江路小学")))
                .isEqualTo("primary_school");
        assertThat(MAPPING.typeFor(Map.of("amenity", "school", "name", "南京市第九初级中学")))
                .isEqualTo("middle_school");
        assertThat(MAPPING.typeFor(Map.of("amenity", "school", "name", "南京五中"))).isEqualTo("middle_school");
        assertThat(MAPPING.typeFor(Map.of("amenity", "school", "name", "鼓楼第一中心小学")))
                .isEqualTo("primary_school");
        assertThat(MAPPING.typeFor(Map.of("amenity", "school", "name", "五老村幼儿园")))
                .isEqualTo("kindergarten");
        assertThat(MAPPING.typeFor(Map.of("amenity", "school"))).isEqualTo("primary_school");
        assertThat(MAPPING.typeFor(
                        Map.of("amenity", "school", "name", "Changjiang Road Primary School", "name:zh", "长江路小学")))
                .isEqualTo("primary_school");
    }

    @Test
    void healthSeniorCommunityMarketFitnessAndShelterTagsMapAsDocumented() {
        assertThat(MAPPING.typeFor(Map.of("amenity", "clinic"))).isEqualTo("community_health_station");
        assertThat(MAPPING.typeFor(Map.of("amenity", "doctors"))).isEqualTo("community_health_station");
        assertThat(MAPPING.typeFor(Map.of("amenity", "clinic", "name", "新街口社区卫生服务中心")))
                .isEqualTo("community_health_centre");
        assertThat(MAPPING.typeFor(Map.of("amenity", "hospital"))).isEqualTo("community_health_centre");
        assertThat(MAPPING.typeFor(Map.of("amenity", "social_facility", "social_facility:for", "senior")))
                .isEqualTo("elderly_day_care");
        assertThat(MAPPING.typeFor(Map.of("amenity", "community_centre"))).isEqualTo("community_service_station");
        assertThat(MAPPING.typeFor(Map.of("amenity", "marketplace"))).isEqualTo("market");
        assertThat(MAPPING.typeFor(Map.of("shop", "greengrocer"))).isEqualTo("market");
        assertThat(MAPPING.typeFor(Map.of("leisure", "fitness_station"))).isEqualTo("fitness_ground");
        assertThat(MAPPING.typeFor(Map.of("emergency", "assembly_point"))).isEqualTo("emergency_shelter");
        assertThat(MAPPING.typeFor(Map.of("amenity", "social_facility", "social_facility:for", "child")))
                .isNull();
    }

    @Test
    void unmatchedAmenityIsNamedForCountingAndOtherTagsAreNot() {
        OsmTags bank = OsmTags.of(Map.of("amenity", "bank", "name", "中国银行"));
        assertThat(MAPPING.match(bank)).isNull();
        assertThat(MAPPING.unmappedValue(bank)).isEqualTo("amenity=bank");
        assertThat(MAPPING.unmappedValue(OsmTags.of(Map.of("shop", "clothes")))).isNull();
    }

    @Test
    void privateFeaturesMatchButAreSkipped() {
        OsmTags pitch = OsmTags.of(Map.of("leisure", "pitch", "access", "private"));
        assertThat(MAPPING.match(pitch)).isNotNull();
        assertThat(MAPPING.skipReason(pitch)).isEqualTo("access=private");
    }

    @Test
    void unknownTypeIsRejectedNamingTheRuleAndTheKnownTypes() {
        String yaml = """
                rules:
                  - tags: {amenity: kindergarten}
                    type: kindergarten
                  - tags: {amenity: school}
                    type: primary_scool
                """;
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule 2")
                .hasMessageContaining("'primary_scool'")
                .hasMessageContaining("primary_school");
    }

    @Test
    void malformedRulesAreRejectedWithTheirNumber() {
        assertThatThrownBy(() -> load("rules:\n  - tags: {amenity: school}\n"))
                .hasMessageContaining("rule 1 needs a facility type code");
        assertThatThrownBy(() -> load("rules:\n  - type: market\n")).hasMessageContaining("rule 1 tags are missing");
        assertThatThrownBy(() -> load("rules:\n  - {tags: {shop: x}, type: market, colour: red}\n"))
                .hasMessageContaining("unknown field 'colour'");
        assertThatThrownBy(() -> load("rules:\n  - {tags: {shop: x}, type: market, nameMatches: '('}\n"))
                .hasMessageContaining("invalid nameMatches");
        assertThatThrownBy(() -> load("rules: []\n")).hasMessageContaining("non-empty list 'rules'");
        assertThatThrownBy(() -> load("rulez: []\n")).hasMessageContaining("unknown field 'rulez'");
    }

    @Test
    void listedValuesAndWildcardsMatch() {
        OsmFacilityMapping mapping = load("""
                rules:
                  - tags: {shop: [supermarket, greengrocer]}
                    type: market
                  - tags: {emergency: "*"}
                    type: emergency_shelter
                """);
        assertThat(mapping.typeFor(Map.of("shop", "greengrocer"))).isEqualTo("market");
        assertThat(mapping.typeFor(Map.of("emergency", "anything"))).isEqualTo("emergency_shelter");
        assertThat(mapping.rules().get(0).label()).isEqualTo("shop=[supermarket, greengrocer]");
    }

    private static OsmFacilityMapping load(String yaml) {
        return OsmFacilityMapping.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", CATALOG);
    }
}
