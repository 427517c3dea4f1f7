package org.lifecircle.core.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lifecircle.core.standards.CheckOutcome.FAIL;
import static org.lifecircle.core.standards.CheckOutcome.PASS;
import static org.lifecircle.core.standards.CheckOutcome.UNKNOWN;
import static org.lifecircle.core.standards.StandardsCatalog.COVERAGE_MIN_PERCENT;
import static org.lifecircle.core.standards.StandardsCatalog.HOUSEHOLDS_MAX;
import static org.lifecircle.core.standards.StandardsCatalog.HOUSEHOLDS_MIN;
import static org.lifecircle.core.standards.StandardsCatalog.OFFICE_AREA_URBAN_MIN;
import static org.lifecircle.core.standards.StandardsCatalog.SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS;
import static org.lifecircle.core.standards.StandardsCatalog.STAFF_MAX;
import static org.lifecircle.core.standards.StandardsCatalog.STAFF_MIN;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifecircle.core.domain.Community;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class CommunityStandardsEvaluatorTest {

    private static final StandardsCatalog NATIONAL = StandardsCatalog.national();
    private static final CommunityStandardsEvaluator EVALUATOR = new CommunityStandardsEvaluator(NATIONAL);

    /** 3,000 urban households with every national number met: 900 m² = 30 m² × 30. */
    private static CommunityFacts compliant() {
        return facts(3000, true, 900.0, 500.0, 7, everyTypeCovered(100.0));
    }

    private static CommunityFacts facts(
            long households, boolean urban, Double service, Double office, Integer staff, Map<String, Double> cover) {
        return new CommunityFacts(households, urban, service, office, staff, cover);
    }

    private static Map<String, Double> everyTypeCovered(double percent) {
        Map<String, Double> cover = new LinkedHashMap<>();
        NATIONAL.facilityTypes().keySet().forEach(code -> cover.put(code, percent));
        return cover;
    }

    private static StandardsCheck check(CommunityStandardsReport report, String ruleId) {
        List<StandardsCheck> matching =
                report.checks().stream().filter(c -> c.ruleId().equals(ruleId)).toList();
        assertThat(matching).as("checks of %s", ruleId).hasSize(1);
        return matching.get(0);
    }

    private static StandardsCheck coverage(CommunityStandardsReport report, String typeCode) {
        return report.checks().stream()
                .filter(c -> c.ruleId().equals(COVERAGE_MIN_PERCENT) && typeCode.equals(c.subject()))
                .findFirst()
                .orElseThrow();
    }

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void compliantCommunityPassesEveryCheckInTheDocumentedOrder() {
        CommunityStandardsReport report = EVALUATOR.evaluate(compliant());

        List<String> expectedRules = new ArrayList<>(List.of(
                HOUSEHOLDS_MIN,
                HOUSEHOLDS_MAX,
                SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS,
                OFFICE_AREA_URBAN_MIN,
                STAFF_MIN,
                STAFF_MAX));
        List<String> expectedSubjects = new ArrayList<>(List.of("", "", "", "", "", ""));
        for (String type : NATIONAL.facilityTypes().keySet()) {
            expectedRules.add(COVERAGE_MIN_PERCENT);
            expectedSubjects.add(type);
        }
        assertThat(report.checks()).extracting(StandardsCheck::ruleId).containsExactlyElementsOf(expectedRules);
        assertThat(report.checks())
                .extracting(c -> c.subject() == null ? "" : c.subject())
                .containsExactlyElementsOf(expectedSubjects);
        assertThat(report.checks()).extracting(StandardsCheck::outcome).containsOnly(PASS);
        assertThat(report.allPassed()).isTrue();
        assertThat(report.failureCount()).isZero();
        assertThat(report.unknownCount()).isZero();
        assertThat(report.failures()).isEmpty();
    }

    @ParameterizedTest(name = "{0} households: min {1}, max {2}")
    @CsvSource({"999, FAIL, PASS", "1000, PASS, PASS", "3000, PASS, PASS", "5000, PASS, PASS", "5001, PASS, FAIL"})
    void householdsAreCheckedAgainstBothBoundsInclusively(long households, CheckOutcome min, CheckOutcome max) {
        CommunityStandardsReport report =
                EVALUATOR.evaluate(facts(households, true, 1e6, 500.0, 7, everyTypeCovered(100)));

        StandardsCheck minCheck = check(report, HOUSEHOLDS_MIN);
        StandardsCheck maxCheck = check(report, HOUSEHOLDS_MAX);
        assertThat(minCheck.outcome()).isEqualTo(min);
        assertThat(maxCheck.outcome()).isEqualTo(max);
        assertThat(minCheck.measuredValue()).isEqualTo((double) households);
        assertThat(minCheck.threshold()).isEqualTo(Threshold.atLeast(1000));
        assertThat(maxCheck.threshold()).isEqualTo(Threshold.atMost(5000));
        assertThat(minCheck.unit()).isEqualTo("households");
        assertThat(minCheck.meaning()).contains("merge");
        assertThat(maxCheck.meaning()).contains("split");
        assertThat(report.failureCount()).isEqualTo(min == FAIL || max == FAIL ? 1 : 0);
    }

    @Test
    void serviceAreaOfExactlyThirtySquareMetersPerHundredHouseholdsPasses() {
        StandardsCheck exact = check(
                EVALUATOR.evaluate(facts(1000, true, 300.0, 500.0, 7, everyTypeCovered(100))),
                SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS);

        assertThat(exact.outcome()).isEqualTo(PASS);
        assertThat(exact.measuredValue()).isEqualTo(300.0);
        assertThat(exact.threshold()).isEqualTo(Threshold.atLeast(300));
        assertThat(exact.unit()).isEqualTo("m2");
        assertThat(exact.subject()).isNull();
    }

    @Test
    void serviceAreaBoundaryHoldsForHouseholdCountsThatAreNotRound() {
        CommunityStandardsReport atBoundary =
                EVALUATOR.evaluate(facts(1234, true, 370.2, 500.0, 7, everyTypeCovered(100)));
        CommunityStandardsReport justBelow =
                EVALUATOR.evaluate(facts(1234, true, 370.19, 500.0, 7, everyTypeCovered(100)));

        assertThat(check(atBoundary, SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS).outcome())
                .isEqualTo(PASS);
        assertThat(check(justBelow, SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS).outcome())
                .isEqualTo(FAIL);
    }

    @Test
    void serviceAreaBelowThirtySquareMetersPerHundredHouseholdsFails() {
        CommunityStandardsReport report = EVALUATOR.evaluate(facts(1000, true, 299.9, 500.0, 7, everyTypeCovered(100)));

        StandardsCheck check = check(report, SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS);
        assertThat(check.outcome()).isEqualTo(FAIL);
        assertThat(report.failures()).containsExactly(check);
        assertThat(report.allPassed()).isFalse();
    }

    @ParameterizedTest(name = "urban office {0} m2: {1}")
    @CsvSource({"499, FAIL", "499.99, FAIL", "500, PASS", "2000, PASS"})
    void urbanOfficeSpaceNeedsFiveHundredSquareMeters(double officeSquareMeters, CheckOutcome expected) {
        StandardsCheck check = check(
                EVALUATOR.evaluate(facts(3000, true, 900.0, officeSquareMeters, 7, everyTypeCovered(100))),
                OFFICE_AREA_URBAN_MIN);

        assertThat(check.outcome()).isEqualTo(expected);
        assertThat(check.threshold()).isEqualTo(Threshold.atLeast(500));
        assertThat(check.unit()).isEqualTo("m2");
    }

    @Test
    void ruralCommunityGetsNoOfficeCheckWhateverItsOffice() {
        for (Double office : new Double[] {null, 0.0, 120.0, 499.0}) {
            CommunityStandardsReport report =
                    EVALUATOR.evaluate(facts(3000, false, 900.0, office, 7, everyTypeCovered(100)));

            assertThat(report.checks()).extracting(StandardsCheck::ruleId).doesNotContain(OFFICE_AREA_URBAN_MIN);
            assertThat(report.checks())
                    .hasSize(EVALUATOR.evaluate(compliant()).checks().size() - 1);
            assertThat(report.allPassed()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} staff: min {1}, max {2}")
    @CsvSource({"0, FAIL, PASS", "4, FAIL, PASS", "5, PASS, PASS", "9, PASS, PASS", "10, PASS, FAIL"})
    void residentsCommitteeHasFiveToNineMembers(int staff, CheckOutcome min, CheckOutcome max) {
        CommunityStandardsReport report =
                EVALUATOR.evaluate(facts(3000, true, 900.0, 500.0, staff, everyTypeCovered(100)));

        assertThat(check(report, STAFF_MIN).outcome()).isEqualTo(min);
        assertThat(check(report, STAFF_MAX).outcome()).isEqualTo(max);
        assertThat(check(report, STAFF_MIN).measuredValue()).isEqualTo((double) staff);
        assertThat(check(report, STAFF_MAX).threshold()).isEqualTo(Threshold.atMost(9));
        assertThat(check(report, STAFF_MIN).unit()).isEqualTo("persons");
    }

    @Test
    void missingRecordsAreUnknownNotFailures() {
        CommunityStandardsReport report = EVALUATOR.evaluate(facts(3000, true, null, null, null, Map.of()));

        for (String ruleId :
                List.of(SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS, OFFICE_AREA_URBAN_MIN, STAFF_MIN, STAFF_MAX)) {
            StandardsCheck check = check(report, ruleId);
            assertThat(check.outcome()).as(ruleId).isEqualTo(UNKNOWN);
            assertThat(check.measuredValue()).as(ruleId).isNull();
        }
        NATIONAL.facilityTypes()
                .keySet()
                .forEach(type ->
                        assertThat(coverage(report, type).outcome()).as(type).isEqualTo(UNKNOWN));
        assertThat(report.failureCount()).isZero();
        assertThat(report.unknownCount()).isEqualTo(4 + NATIONAL.facilityTypes().size());
        assertThat(report.allPassed()).as("unknown is not passed").isFalse();
    }

    @Test
    void everyCatalogFacilityTypeIsCheckedForCoverageWithItsCodeAsSubject() {
        CommunityStandardsReport report = EVALUATOR.evaluate(compliant());

        assertThat(report.checks().stream()
                        .filter(c -> c.ruleId().equals(COVERAGE_MIN_PERCENT))
                        .map(StandardsCheck::subject))
                .containsExactlyElementsOf(NATIONAL.facilityTypes().keySet());
        StandardsCheck kindergarten = coverage(report, "kindergarten");
        assertThat(kindergarten.threshold()).isEqualTo(Threshold.atLeast(90));
        assertThat(kindergarten.unit()).isEqualTo("percent");
        assertThat(kindergarten.source()).startsWith("PRACTICE");
    }

    @ParameterizedTest(name = "{0} % covered: {1}")
    @CsvSource({"0, FAIL", "89.99, FAIL", "90, PASS", "100, PASS"})
    void coverageNeedsNinetyPercentOfHouseholds(double percent, CheckOutcome expected) {
        Map<String, Double> cover = everyTypeCovered(100);
        cover.put("market", percent);

        CommunityStandardsReport report = EVALUATOR.evaluate(facts(3000, true, 900.0, 500.0, 7, cover));

        assertThat(coverage(report, "market").outcome()).isEqualTo(expected);
        assertThat(coverage(report, "market").measuredValue()).isEqualTo(percent);
        assertThat(coverage(report, "kindergarten").outcome()).isEqualTo(PASS);
    }

    @Test
    void facilityTypeMissingFromTheCoverageIsUnknown() {
        Map<String, Double> cover = everyTypeCovered(100);
        cover.remove("emergency_shelter");

        CommunityStandardsReport report = EVALUATOR.evaluate(facts(3000, true, 900.0, 500.0, 7, cover));

        assertThat(coverage(report, "emergency_shelter").outcome()).isEqualTo(UNKNOWN);
        assertThat(coverage(report, "emergency_shelter").measuredValue()).isNull();
        assertThat(report.unknownCount()).isEqualTo(1);
        assertThat(report.failureCount()).isZero();
    }

    @Test
    void coverageOfTypesTheCatalogDoesNotKnowIsIgnored() {
        Map<String, Double> cover = everyTypeCovered(100);
        cover.put("casino", 0.0);

        CommunityStandardsReport report = EVALUATOR.evaluate(facts(3000, true, 900.0, 500.0, 7, cover));

        assertThat(report.checks()).extracting(StandardsCheck::subject).doesNotContain("casino");
        assertThat(report.allPassed()).isTrue();
    }

    @Test
    void communityWithoutHouseholdsIsFullyCoveredAndNeedsNoServiceArea() {
        CommunityStandardsReport report = EVALUATOR.evaluate(facts(0, true, 0.0, 500.0, 7, Map.of()));

        NATIONAL.facilityTypes().keySet().forEach(type -> {
            assertThat(coverage(report, type).outcome()).as(type).isEqualTo(PASS);
            assertThat(coverage(report, type).measuredValue()).as(type).isEqualTo(100.0);
        });
        assertThat(check(report, SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS).outcome()).isEqualTo(PASS);
        assertThat(check(report, SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS).threshold())
                .isEqualTo(Threshold.atLeast(0));
        assertThat(report.failures()).extracting(StandardsCheck::ruleId).containsExactly(HOUSEHOLDS_MIN);
    }

    @Test
    void localityWithSmallerMaximumSplitsWhatTheNationalCatalogAccepts() {
        StandardsCatalog locality = StandardsCatalog.load(yaml("rules: {community.households.max: {value: 4000}}"));
        CommunityFacts facts = facts(4500, true, 1350.0, 500.0, 7, everyTypeCovered(100));

        StandardsCheck national = check(EVALUATOR.evaluate(facts), HOUSEHOLDS_MAX);
        StandardsCheck local = check(new CommunityStandardsEvaluator(locality).evaluate(facts), HOUSEHOLDS_MAX);

        assertThat(national.outcome()).isEqualTo(PASS);
        assertThat(local.outcome()).isEqualTo(FAIL);
        assertThat(local.threshold()).isEqualTo(Threshold.atMost(4000));
        assertThat(local.source()).isEqualTo(national.source());
    }

    @Test
    void localityWithStricterCoverageFailsWhatTheNationalCatalogAccepts() {
        StandardsCatalog locality = StandardsCatalog.load(yaml("rules: {community.coverage.minPercent: {value: 95}}"));
        CommunityFacts facts = facts(3000, true, 900.0, 500.0, 7, everyTypeCovered(92));

        CommunityStandardsReport national = EVALUATOR.evaluate(facts);
        CommunityStandardsReport local = new CommunityStandardsEvaluator(locality).evaluate(facts);

        assertThat(national.allPassed()).isTrue();
        assertThat(local.failureCount()).isEqualTo(NATIONAL.facilityTypes().size());
        assertThat(coverage(local, "kindergarten").threshold()).isEqualTo(Threshold.atLeast(95));
    }

    @Test
    void localityWithPreferredServiceAreaRaisesTheRequiredFloorArea() {
        StandardsCatalog locality =
                StandardsCatalog.load(yaml("rules: {community.serviceArea.perHundredHouseholds: {value: 80}}"));
        CommunityFacts facts = facts(3000, true, 900.0, 500.0, 7, everyTypeCovered(100));

        StandardsCheck local =
                check(new CommunityStandardsEvaluator(locality).evaluate(facts), SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS);

        assertThat(local.outcome()).isEqualTo(FAIL);
        assertThat(local.threshold()).isEqualTo(Threshold.atLeast(2400));
    }

    @Test
    void checksCarryTheRuleSourceAndItsFullCitation() {
        CommunityStandardsReport report = EVALUATOR.evaluate(compliant());

        StandardsCheck staff = check(report, STAFF_MIN);
        assertThat(staff.source())
                .isEqualTo(NATIONAL.rules().get(STAFF_MIN).source())
                .startsWith("JUMIN 第八条");
        assertThat(staff.citation()).isEqualTo("《中华人民共和国城市居民委员会组织法》(2018 修正) 第八条 (居民委员会由主任、副主任和委员共五至九人组成)");
        assertThat(check(report, SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS).citation())
                .startsWith("中共中央 国务院《关于加强和完善城乡社区治理的意见》(2017)")
                .contains("30 平方米");
        assertThat(coverage(report, "market").citation()).startsWith("common planning practice, no binding clause");
        report.checks().forEach(c -> assertThat(c.meaning()).as(c.ruleId()).isNotBlank());
    }

    @Test
    void factsOfAStoredCommunityTakeItsRecords() {
        GeometryFactory geometries = new GeometryFactory();
        Polygon square = geometries.createPolygon(new Coordinate[] {
            new Coordinate(118.78, 32.04),
            new Coordinate(118.79, 32.04),
            new Coordinate(118.79, 32.05),
            new Coordinate(118.78, 32.04)
        });
        Community community = new Community(
                "320102001001",
                "长江路社区",
                "320102001",
                "梅园新村街道",
                true,
                geometries.createMultiPolygon(new Polygon[] {square}),
                480.0,
                null,
                6);

        CommunityFacts facts = CommunityFacts.of(community, 2500, Map.of("market", 95.0));

        assertThat(facts).isEqualTo(new CommunityFacts(2500, true, null, 480.0, 6, Map.of("market", 95.0)));
    }

    @Test
    void impossibleFactsAreRefused() {
        assertThatThrownBy(() -> facts(-1, true, null, null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("households");
        assertThatThrownBy(() -> facts(10, true, -5.0, null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serviceAreaSquareMeters");
        assertThatThrownBy(() -> facts(10, true, null, Double.NaN, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("officeAreaSquareMeters");
        assertThatThrownBy(() -> facts(10, true, null, null, -1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("staffCount");
        assertThatThrownBy(() -> facts(10, true, null, null, null, Map.of("market", 100.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("market");
        assertThatThrownBy(() -> facts(10, true, null, null, null, Map.of("market", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coverageMapIsCopied() {
        Map<String, Double> cover = new HashMap<>(everyTypeCovered(100));
        CommunityFacts facts = facts(3000, true, 900.0, 500.0, 7, cover);

        cover.put("market", 0.0);

        assertThat(EVALUATOR.evaluate(facts).allPassed()).isTrue();
    }
}
