package org.lifecircle.web.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Coverage runs, their tables, gaps, standards checks and the what-if endpoint over real HTTP, on
 * the demo town in the real PostGIS.
 */
class CoverageRunsIT extends TownIntegrationTest {
    long runId;

    @BeforeAll
    void startRun() {
        runId = runs.finishedRun("""
                {"kind": "coverage", "types": ["kindergarten", "middle_school", "market"],
                 "thresholds": {"market": 600}}""");
    }

    @Test
    void everyCellGetsADistancePerTypeAndCoveredMeansWithinTheThreshold() {
        long cells = count("SELECT COUNT(*) FROM population_cell");
        assertThat(count("SELECT COUNT(*) FROM coverage_cell WHERE run_id = " + runId))
                .isEqualTo(3 * cells);
        assertThat(count("""
                        SELECT COUNT(*) FROM coverage_cell v JOIN coverage_community c
                          ON c.run_id = v.run_id AND c.type_code = v.type_code
                        WHERE v.run_id = %d AND v.covered <> (v.distance_m IS NOT NULL AND v.distance_m <= c.threshold_m)
                        """.formatted(runId))).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT DISTINCT threshold_m FROM coverage_community WHERE run_id = ? AND type_code = 'market'",
                        Double.class,
                        runId))
                .isEqualTo(600.0);
    }

    @Test
    void walkingDistanceIsNeverShorterThanTheStraightLine() {
        // A walk is at least the geodesic distance from the cell's centroid (where its residents
        // join the network when it lies inside the cell) to its nearest facility; 0.5 % + 1 m of
        // slack for measuring in the Gauss-Krüger plane.
        long violations = count("""
                SELECT COUNT(*) FROM coverage_cell v
                JOIN result_cell r ON r.run_id = v.run_id AND r.cell_id = v.cell_id
                JOIN facility f ON f.id = v.nearest_facility_id
                WHERE v.run_id = %d
                  AND ST_Intersects(r.geom, ST_Centroid(r.geom))
                  AND v.distance_m * 1.005 + 1 < ST_Distance(ST_Centroid(r.geom)::geography, f.geom::geography)
                """.formatted(runId));
        assertThat(violations).isZero();
        // And the nearest facility is of the type.
        assertThat(count("""
                        SELECT COUNT(*) FROM coverage_cell v JOIN facility f ON f.id = v.nearest_facility_id
                        WHERE v.run_id = %d AND f.type_code <> v.type_code""".formatted(runId))).isZero();
    }

    @Test
    void communityTotalsAreTheSumsOfTheirCells() {
        List<Map<String, Object>> mismatches = jdbc.queryForList("""
                SELECT c.type_code, c.community_id, c.covered_households, x.covered
                FROM coverage_community c
                JOIN (SELECT v.type_code, r.community_id,
                             SUM(r.households) FILTER (WHERE v.covered) AS covered, SUM(r.households) AS total
                      FROM coverage_cell v JOIN result_cell r ON r.run_id = v.run_id AND r.cell_id = v.cell_id
                      WHERE v.run_id = ? GROUP BY 1, 2) x
                  ON x.type_code = c.type_code AND x.community_id = c.community_id
                WHERE c.run_id = ? AND (COALESCE(x.covered, 0) <> c.covered_households OR x.total <> c.households)
                """, runId, runId);
        assertThat(mismatches).isEmpty();
        JsonNode run = http.get("/api/runs/" + runId).body();
        long households = count("SELECT SUM(households) FROM population_cell");
        assertThat(run.at("/summary/types/kindergarten/households").asLong()).isEqualTo(households);
        long coveredKindergarten = count("""
                SELECT COALESCE(SUM(r.households), 0) FROM coverage_cell v
                JOIN result_cell r ON r.run_id = v.run_id AND r.cell_id = v.cell_id
                WHERE v.run_id = %d AND v.type_code = 'kindergarten' AND v.covered""".formatted(runId));
        assertThat(run.at("/summary/types/kindergarten/coveredHouseholds").asLong())
                .isEqualTo(coveredKindergarten);
    }

    @Test
    void gapsHoldEveryUncoveredHouseholdOnceAndAreRankedByHouseholds() {
        JsonNode gaps = http.get("/api/runs/" + runId + "/coverage/gaps?type=middle_school")
                .body();
        long uncovered = count("""
                SELECT COALESCE(SUM(r.households), 0) FROM coverage_cell v
                JOIN result_cell r ON r.run_id = v.run_id AND r.cell_id = v.cell_id
                WHERE v.run_id = %d AND v.type_code = 'middle_school' AND NOT v.covered""".formatted(runId));
        long inGaps = 0;
        long previous = Long.MAX_VALUE;
        for (JsonNode gap : gaps.get("features")) {
            long households = gap.at("/properties/households").asLong();
            JsonNode nearest = gap.at("/properties/nearest_distance_m");
            if (!nearest.isNull()) {
                // Beyond the 1,000 m threshold, at the default 1 m/s: over 16.6 minutes.
                assertThat(nearest.asDouble()).isGreaterThan(1000);
                assertThat(gap.at("/properties/nearest_walk_minutes").asDouble())
                        .isCloseTo(nearest.asDouble() / 60, within(0.06));
            }
            assertThat(households).isLessThanOrEqualTo(previous);
            previous = households;
            inGaps += households;
        }
        assertThat(inGaps).isEqualTo(uncovered);
        // No gap overlaps a covered cell by more than a sliver.
        assertThat(count("""
                        SELECT COUNT(*) FROM coverage_gap g
                        JOIN coverage_cell v ON v.run_id = g.run_id AND v.type_code = g.type_code AND v.covered
                        JOIN result_cell r ON r.run_id = v.run_id AND r.cell_id = v.cell_id
                        WHERE g.run_id = %d AND ST_Area(ST_Intersection(g.geom, r.geom)) > 0.01 * ST_Area(r.geom)
                        """.formatted(runId))).isZero();
    }

    @Test
    void cellsLayerFiltersByCoverage() {
        JsonNode uncovered = http.get("/api/runs/" + runId + "/coverage/cells?type=kindergarten&covered=false")
                .body();
        long expected = count("SELECT COUNT(*) FROM coverage_cell WHERE run_id = " + runId
                + " AND type_code = 'kindergarten' AND NOT covered");
        assertThat(uncovered.get("features").size()).isEqualTo((int) expected);
        for (JsonNode feature : uncovered.get("features")) {
            assertThat(feature.at("/properties/covered").asBoolean()).isFalse();
            JsonNode distance = feature.at("/properties/distance_m");
            if (!distance.isNull()) {
                // At the run's default 1 m/s, minutes are metres / 60.
                assertThat(feature.at("/properties/walk_minutes").asDouble())
                        .isCloseTo(distance.asDouble() / 60, within(0.06));
            }
        }
    }

    @Test
    void communityTableAsJsonAndAsExcelReadyCsvAgree() {
        JsonNode table =
                http.get("/api/runs/" + runId + "/coverage/communities").body();
        int communities = (int) count("SELECT COUNT(*) FROM community WHERE valid_to IS NULL");
        assertThat(table.get("communities").size()).isEqualTo(communities);
        assertThat(table.get("types").size()).isEqualTo(3);
        // The map's community layer carries the same numeric ids the table and the checks use.
        java.util.Set<Long> mapIds = new java.util.HashSet<>();
        for (JsonNode feature : http.get("/api/communities").body().get("features")) {
            mapIds.add(feature.at("/properties/id").asLong());
        }
        java.util.Set<Long> tableIds = new java.util.HashSet<>();
        for (JsonNode row : table.get("communities")) {
            tableIds.add(row.get("id").asLong());
        }
        assertThat(mapIds).isEqualTo(tableIds);

        HttpJson.Raw csv = http.getRaw("/api/runs/" + runId + "/coverage/communities?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        // Excel needs the UTF-8 byte-order mark to read Chinese text.
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records;
        try {
            records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(records).hasSize(communities + 1);
        assertThat(records.get(0).get(0)).isEqualTo("社区代码 code");
        assertThat(records.get(0).values()).anyMatch(h -> h.startsWith("幼儿园 覆盖率%"));
        Map<String, String> nameByCode = new HashMap<>();
        jdbc.query("SELECT code, name FROM community WHERE valid_to IS NULL", rs -> {
            nameByCode.put(rs.getString(1), rs.getString(2));
        });
        int kindergartenPercent = records.get(0).values().length;
        for (int i = 0; i < records.get(0).size(); i++) {
            if (records.get(0).get(i).startsWith("幼儿园 覆盖率%")) {
                kindergartenPercent = i;
            }
        }
        Map<String, JsonNode> jsonByCode = new HashMap<>();
        for (JsonNode row : table.get("communities")) {
            jsonByCode.put(row.get("code").asString(), row);
        }
        for (CSVRecord record : records.subList(1, records.size())) {
            assertThat(record.get(1)).isEqualTo(nameByCode.get(record.get(0)));
            JsonNode row = jsonByCode.get(record.get(0));
            assertThat(Long.parseLong(record.get(3)))
                    .isEqualTo(row.get("households").asLong());
            assertThat(Double.parseDouble(record.get(kindergartenPercent)))
                    .isCloseTo(row.at("/coverage/kindergarten/coveredPercent").asDouble(), within(0.005));
        }
    }

    @Test
    void standardsChecksJudgeEachCommunityWithItsSourceClause() {
        JsonNode checks = http.get("/api/runs/" + runId + "/standards").body();
        assertThat(checks.size()).isPositive();
        Map<Long, Long> households = new HashMap<>();
        for (JsonNode row :
                http.get("/api/runs/" + runId + "/coverage/communities").body().get("communities")) {
            households.put(row.get("id").asLong(), row.get("households").asLong());
        }
        int householdChecks = 0;
        int staffFailures = 0;
        for (JsonNode check : checks) {
            assertThat(check.get("source").asString()).isNotBlank();
            String rule = check.get("ruleId").asString();
            if (rule.startsWith("community.households")) {
                householdChecks++;
                long h = households.get(check.get("communityId").asLong());
                assertThat(check.get("value").asDouble()).isEqualTo((double) h);
                boolean inRange = h >= 1000 && h <= 5000;
                if (rule.equals("community.households.min")) {
                    assertThat(check.get("outcome").asString()).isEqualTo(h >= 1000 ? "pass" : "fail");
                } else if (rule.equals("community.households.max")) {
                    assertThat(check.get("outcome").asString()).isEqualTo(h <= 5000 ? "pass" : "fail");
                } else {
                    assertThat(check.get("outcome").asString()).isEqualTo(inRange ? "pass" : "fail");
                }
            }
            if (rule.startsWith("community.staff")
                    && check.get("outcome").asString().equals("fail")) {
                staffFailures++;
                assertThat(check.get("source").asString()).contains("第八条");
            }
            if (rule.equals("community.coverage.minPercent")
                    && check.get("subject").asString().equals("primary_school")) {
                // The run did not compute primary schools: not known, never failed.
                assertThat(check.get("outcome").asString()).isEqualTo("unknown");
            }
        }
        assertThat(householdChecks).isGreaterThanOrEqualTo(households.size());
        // The demo register has at least one urban community with staff outside 5–9.
        assertThat(staffFailures).isPositive();
        long one = households.keySet().iterator().next();
        JsonNode ofOne =
                http.get("/api/runs/" + runId + "/standards?community=" + one).body();
        assertThat(ofOne.size()).isPositive();
        for (JsonNode check : ofOne) {
            assertThat(check.get("communityId").asLong()).isEqualTo(one);
        }
    }

    @Test
    void whatIfMatchesARunWithTheFacilityAdded() {
        // Put a hypothetical kindergarten on the cell of the largest kindergarten gap.
        JsonNode gap = http.get("/api/runs/" + runId + "/coverage/gaps?type=kindergarten")
                .body()
                .get("features")
                .get(0);
        assertThat(gap).isNotNull();
        Map<String, Object> point = jdbc.queryForMap("""
                SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
                  SELECT ST_PointOnSurface(r.geom) AS p FROM result_cell r
                  JOIN coverage_cell v ON v.run_id = r.run_id AND v.cell_id = r.cell_id
                  JOIN coverage_gap g ON g.run_id = r.run_id AND g.type_code = v.type_code AND g.rank = 1
                  WHERE r.run_id = ? AND v.type_code = 'kindergarten' AND NOT v.covered
                    AND ST_Intersects(g.geom, ST_PointOnSurface(r.geom))
                  ORDER BY r.households DESC, r.cell_id LIMIT 1) x""", runId);
        double lon = ((Number) point.get("lon")).doubleValue();
        double lat = ((Number) point.get("lat")).doubleValue();
        HttpJson.Answer answer = http.post(
                "/api/coverage/what-if", "{\"type\": \"kindergarten\", \"lon\": " + lon + ", \"lat\": " + lat + "}");
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        JsonNode whatIf = answer.body();
        long before = whatIf.get("coveredHouseholdsBefore").asLong();
        long after = whatIf.get("coveredHouseholdsAfter").asLong();
        assertThat(after).isGreaterThan(before);
        JsonNode run = http.get("/api/runs/" + runId).body();
        assertThat(before)
                .isEqualTo(
                        run.at("/summary/types/kindergarten/coveredHouseholds").asLong());

        // The oracle: store the facility, run coverage again, compare per community.
        try {
            jdbc.update(
                    "INSERT INTO facility (type_code, name, geom) VALUES ('kindergarten', 'what-if', ST_SetSRID(ST_MakePoint(?, ?), 4326))",
                    lon,
                    lat);
            long withIt = runs.finishedRun("{\"kind\": \"coverage\", \"types\": [\"kindergarten\"]}");
            JsonNode rerun = http.get("/api/runs/" + withIt).body();
            assertThat(rerun.at("/summary/types/kindergarten/coveredHouseholds").asLong())
                    .isEqualTo(after);
            for (JsonNode change : whatIf.get("communities")) {
                long stored = jdbc.queryForObject(
                        "SELECT covered_households FROM coverage_community WHERE run_id = ? AND community_id = ?",
                        Long.class,
                        withIt,
                        change.get("id").asLong());
                assertThat(change.get("coveredHouseholdsAfter").asLong()).isEqualTo(stored);
            }
        } finally {
            jdbc.update("DELETE FROM facility WHERE name = 'what-if'");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\": \"casino\", \"lon\": 118.8, \"lat\": 32.0}",
                "{\"lon\": 118.8, \"lat\": 32.0}",
                "{\"type\": \"kindergarten\", \"lat\": 32.0}",
                "{\"type\": \"kindergarten\", \"lon\": 200, \"lat\": 32.0}",
                "{\"type\": \"kindergarten\", \"lon\": 118.8, \"lat\": 32.0, \"threshold\": 5}",
                "{\"type\": \"kindergarten\", \"lon\": 118.8, \"lat\": 32.0, \"colour\": \"red\"}",
                "{\"type\": \"kindergarten\", \"lon\": 100.0, \"lat\": 20.0}"
            })
    void badWhatIfQuestionsAreRefused(String body) {
        HttpJson.Answer answer = http.post("/api/coverage/what-if", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"kind\": \"coverage\", \"types\": [\"casino\"]}",
                "{\"kind\": \"coverage\", \"thresholds\": 300}",
                "{\"kind\": \"coverage\", \"types\": [\"market\"], \"thresholds\": {\"kindergarten\": 300}}",
                "{\"kind\": \"coverage\", \"thresholds\": {\"kindergarten\": 10}}",
                "{\"kind\": \"coverage\", \"speed\": 0}",
                "{\"kind\": \"coverage\", \"minGapHouseholds\": -1}",
                "{\"kind\": \"coverage\", \"radius\": 300}"
            })
    void badRunRequestsAreRefusedBeforeAnythingRuns(String body) {
        long runsBefore = count("SELECT COUNT(*) FROM analysis_run");
        HttpJson.Answer answer = http.post("/api/runs", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(count("SELECT COUNT(*) FROM analysis_run")).isEqualTo(runsBefore);
    }

    @Test
    void resultsOfAnotherKindOfRunOrOfNoRunAreRefused() {
        long serviceAreas =
                runs.finishedRun("{\"kind\": \"service-areas\", \"types\": [\"market\"], \"minutes\": [5]}");
        HttpJson.Answer wrongKind = http.get("/api/runs/" + serviceAreas + "/coverage/communities");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body().get("parameter").asString()).isEqualTo("id");
        assertThat(http.get("/api/runs/987654321/coverage/gaps").status()).isEqualTo(404);
        assertThat(http.get("/api/runs/" + runId + "/coverage/communities?format=xlsx")
                        .status())
                .isEqualTo(400);
    }
}
