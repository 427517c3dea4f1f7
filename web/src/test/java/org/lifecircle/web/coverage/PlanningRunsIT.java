package org.lifecircle.web.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Siting, accessibility and community-centre runs over real HTTP on the demo town, each checked
 * against an independent computation: the sites by a coverage run with them built, accessibility by
 * its conservation law summed in SQL, centres by their community.
 */
class PlanningRunsIT extends TownIntegrationTest {

    @Test
    void suggestedSitesCoverWhatACoverageRunWithThemBuiltFinds() {
        long siting = runs.finishedRun("{\"kind\": \"siting\", \"type\": \"kindergarten\", \"sites\": 3}");
        JsonNode summary = http.get("/api/runs/" + siting).body().get("summary");
        JsonNode sites = http.get("/api/runs/" + siting + "/sites").body().get("features");
        assertThat(sites.size()).isEqualTo(3).isEqualTo(summary.get("sites").asInt());
        JsonNode curve = summary.get("coverageCurvePercent");
        assertThat(curve.size()).isEqualTo(4);
        for (int i = 0; i < sites.size(); i++) {
            JsonNode site = sites.get(i).get("properties");
            assertThat(site.get("build_order").asInt()).isEqualTo(i + 1);
            assertThat(site.get("added_households").asLong()).isPositive();
            assertThat(site.get("cumulative_percent").asDouble())
                    .isCloseTo(curve.get(i + 1).asDouble(), within(0.01));
            assertThat(curve.get(i + 1).asDouble()).isGreaterThan(curve.get(i).asDouble());
        }

        long existing = runs.finishedRun("{\"kind\": \"coverage\", \"types\": [\"kindergarten\"]}");
        JsonNode before = http.get("/api/runs/" + existing).body().at("/summary/types/kindergarten");
        assertThat(summary.get("existingCoveredHouseholds").asLong())
                .isEqualTo(before.get("coveredHouseholds").asLong());
        assertThat(curve.get(0).asDouble())
                .isCloseTo(before.get("coveredPercent").asDouble(), within(0.01));
        try {
            // From the stored points, not the GeoJSON's 7 decimals: on the demo town's regular grid a
            // cell centre lies equally far from two streets, and a centimetre decides which it joins.
            jdbc.update("""
                    INSERT INTO facility (type_code, name, geom)
                    SELECT 'kindergarten', 'suggested', geom FROM site_suggestion WHERE run_id = ?""", siting);
            long built = runs.finishedRun("{\"kind\": \"coverage\", \"types\": [\"kindergarten\"]}");
            assertThat(http.get("/api/runs/" + built)
                            .body()
                            .at("/summary/types/kindergarten/coveredHouseholds")
                            .asLong())
                    .isEqualTo(summary.get("coveredHouseholds").asLong());
        } finally {
            jdbc.update("DELETE FROM facility WHERE name = 'suggested'");
        }
    }

    @Test
    void plannersCandidatesAreTheOnlyChoicesAndATargetStopsEarly() {
        Map<String, Object> a = jdbc.queryForMap(
                "SELECT ST_X(c) AS lon, ST_Y(c) AS lat FROM (SELECT ST_Centroid(ST_Collect(geom)) AS c FROM population_cell) x");
        double lon = ((Number) a.get("lon")).doubleValue();
        double lat = ((Number) a.get("lat")).doubleValue();
        long id = runs.finishedRun("""
                {"kind": "siting", "type": "market", "sites": 5,
                 "candidates": [[%s, %s], [%s, %s]]}""".formatted(lon, lat, lon + 0.004, lat - 0.003));
        JsonNode sites = http.get("/api/runs/" + id + "/sites").body().get("features");
        assertThat(sites.size()).isBetween(1, 2);
        for (JsonNode site : sites) {
            assertThat(site.at("/properties/cell_id").isNull()).isTrue();
            double x = site.at("/geometry/coordinates/0").asDouble();
            assertThat(x)
                    .satisfiesAnyOf(
                            v -> assertThat(v).isCloseTo(lon, within(1e-6)),
                            v -> assertThat(v).isCloseTo(lon + 0.004, within(1e-6)));
        }

        long free = runs.finishedRun("{\"kind\": \"siting\", \"type\": \"kindergarten\", \"sites\": 20}");
        JsonNode curve = http.get("/api/runs/" + free).body().at("/summary/coverageCurvePercent");
        double target = (curve.get(0).asDouble() + curve.get(2).asDouble()) / 2;
        long targeted = runs.finishedRun(
                "{\"kind\": \"siting\", \"type\": \"kindergarten\", \"sites\": 20, \"targetPercent\": " + target + "}");
        JsonNode summary = http.get("/api/runs/" + targeted).body().get("summary");
        assertThat(summary.get("greedyStop").asString()).isEqualTo("TARGET_MET");
        assertThat(summary.get("sites").asInt()).isLessThan(20);
        assertThat(summary.get("coveredPercent").asDouble()).isGreaterThanOrEqualTo(target - 0.01);
    }

    @Test
    void accessibilityConservesTheSupplyOfFacilitiesThatServeAnyone() {
        long id = runs.finishedRun("{\"kind\": \"accessibility\", \"type\": \"community_health_station\"}");
        JsonNode run = http.get("/api/runs/" + id).body();
        assertThat(run.at("/parameters/method").asString()).isEqualTo("e2sfca");
        assertThat(run.at("/parameters/supply").asString()).isEqualTo("floor_area");
        JsonNode summary = run.get("summary");
        double served = summary.get("servedSupply").asDouble();
        assertThat(served).isPositive();
        Double weighted = jdbc.queryForObject("""
                SELECT SUM(r.population * a.score) FROM accessibility_cell a
                JOIN result_cell r ON r.run_id = a.run_id AND r.cell_id = a.cell_id WHERE a.run_id = ?""", Double.class, id);
        assertThat(weighted).isCloseTo(served, within(served * 1e-9));
        Double supply = jdbc.queryForObject("""
                SELECT SUM(COALESCE(f.floor_area_m2, t.floor_area_min_m2)) FROM facility f
                JOIN facility_type t ON t.code = f.type_code WHERE f.type_code = 'community_health_station'""", Double.class);
        assertThat(summary.get("totalSupply").asDouble()).isCloseTo(supply, within(1e-6));
        assertThat(served).isLessThanOrEqualTo(supply + 1e-6);
        JsonNode cells = http.get("/api/runs/" + id + "/accessibility/cells").body();
        assertThat(cells.get("features").size()).isEqualTo(count("SELECT COUNT(*) FROM population_cell"));
    }

    @Test
    void binaryCatchmentScoresOnlyCellsWithinStraightLineReachOfAFacility() {
        long id = runs.finishedRun("""
                {"kind": "accessibility", "type": "market", "method": "2sfca", "supply": "count",
                 "demand": "households", "catchment": 500}""");
        // A walk within 500 m needs a facility within 500 m as the crow flies (+1 m slack).
        assertThat(count("""
                        SELECT COUNT(*) FROM accessibility_cell a
                        JOIN result_cell r ON r.run_id = a.run_id AND r.cell_id = a.cell_id
                        WHERE a.run_id = %d AND a.score > 0 AND ST_Intersects(r.geom, ST_Centroid(r.geom))
                          AND NOT EXISTS (SELECT 1 FROM facility f WHERE f.type_code = 'market'
                                          AND ST_DWithin(f.geom::geography, ST_Centroid(r.geom)::geography, 501))
                        """.formatted(id))).isZero();
        Double weighted = jdbc.queryForObject("""
                SELECT SUM(r.households * a.score) FROM accessibility_cell a
                JOIN result_cell r ON r.run_id = a.run_id AND r.cell_id = a.cell_id WHERE a.run_id = ?""", Double.class, id);
        double served =
                http.get("/api/runs/" + id).body().at("/summary/servedSupply").asDouble();
        // With one unit per facility, the served supply is the number of markets that serve anyone.
        assertThat(served).isEqualTo(Math.rint(served));
        assertThat(weighted).isCloseTo(served, within(1e-6));
    }

    @Test
    void everyCommunityCentreIsOneOfItsOwnCells() {
        long id = runs.finishedRun("{\"kind\": \"community-centres\"}");
        JsonNode centres =
                http.get("/api/runs/" + id + "/community-centres").body().get("features");
        long withCells = count("""
                SELECT COUNT(DISTINCT c.id) FROM community c JOIN population_cell p ON ST_Intersects(c.geom, p.centroid)
                WHERE c.valid_to IS NULL""");
        assertThat(centres.size()).isEqualTo((int) withCells);
        List<Map<String, Object>> misplaced = jdbc.queryForList("""
                SELECT x.community_id FROM community_centre x
                JOIN population_cell p ON p.id = x.cell_id
                JOIN community c ON c.id = x.community_id
                WHERE x.run_id = ? AND NOT ST_Intersects(c.geom, p.centroid)""", id);
        assertThat(misplaced).isEmpty();
        for (JsonNode centre : centres) {
            JsonNode p = centre.get("properties");
            assertThat(p.get("mean_walk_m").asDouble())
                    .isLessThanOrEqualTo(p.get("max_walk_m").asDouble());
            assertThat(p.get("reached_households").asLong())
                    .isLessThanOrEqualTo(p.get("households").asLong());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"kind\": \"siting\"}",
                "{\"kind\": \"siting\", \"type\": \"market\", \"sites\": 0}",
                "{\"kind\": \"siting\", \"type\": \"market\", \"candidates\": [[1]]}",
                "{\"kind\": \"siting\", \"type\": \"market\", \"candidates\": []}",
                "{\"kind\": \"siting\", \"type\": \"market\", \"targetPercent\": 120}",
                "{\"kind\": \"accessibility\", \"type\": \"market\", \"method\": \"3sfca\"}",
                "{\"kind\": \"accessibility\", \"type\": \"market\", \"demand\": \"cats\"}",
                "{\"kind\": \"accessibility\"}",
                "{\"kind\": \"community-centres\", \"weights\": \"population\"}"
            })
    void badRequestsAreRefusedBeforeAnythingRuns(String body) {
        long before = count("SELECT COUNT(*) FROM analysis_run");
        HttpJson.Answer answer = http.post("/api/runs", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.body().get("detail").asString()).isNotBlank();
        assertThat(count("SELECT COUNT(*) FROM analysis_run")).isEqualTo(before);
    }
}
