package org.lifecircle.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The REST API over real HTTP against the demo town in the real PostGIS. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecircle.demo.autoload=none", "lifecircle.max-features-per-response=400"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {
    /** A box inside the demo town, a few hundred metres across, filled in from the data. */
    private String smallBox;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoLoader demoLoader;

    HttpJson http;

    @BeforeAll
    void loadTown() {
        TestDatabase.requireThrowawayDatabase();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        http = new HttpJson(port);
        smallBox = jdbc.queryForObject(
                "SELECT concat_ws(',', ST_X(c) - 0.002, ST_Y(c) - 0.002, ST_X(c) + 0.002, ST_Y(c) + 0.002)"
                        + " FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) AS c FROM population_cell) x",
                String.class);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void summaryCountsEqualTheDatabase() {
        HttpJson.Answer answer = http.get("/api/summary");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.at("/dataset/name").asString()).isEqualTo("demo-town");
        assertThat(body.at("/communities/count").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM community WHERE valid_to IS NULL"))
                .isGreaterThan(15);
        assertThat(body.at("/population/households").asLong())
                .isEqualTo(count("SELECT SUM(households) FROM population_cell"))
                .isBetween(40_000L, 80_000L);
        assertThat(body.at("/population/cells").asLong()).isEqualTo(count("SELECT COUNT(*) FROM population_cell"));
        assertThat(body.at("/facilities/count").asLong()).isEqualTo(count("SELECT COUNT(*) FROM facility"));
        assertThat(body.at("/roadNetwork/edges").asLong()).isEqualTo(count("SELECT COUNT(*) FROM road_edge"));
        assertThat(body.at("/roadNetwork/bridges").asLong()).isPositive();
        assertThat(body.at("/communities/underMinimum").asLong()).isPositive();
        assertThat(body.at("/communities/overMaximum").asLong()).isPositive();
        assertThat(body.at("/extent").size()).isEqualTo(4);
    }

    @Test
    void communitiesAreGeoJsonWithHouseholdTalliesThatAddUp() {
        HttpJson.Answer answer = http.get("/api/communities");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/geo+json");
        JsonNode features = answer.body().get("features");
        assertThat(features.size()).isEqualTo((int) count("SELECT COUNT(*) FROM community WHERE valid_to IS NULL"));
        long households = 0;
        for (JsonNode feature : features) {
            assertThat(feature.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
            assertThat(feature.at("/properties/name").asString()).matches(".+(社区|村)");
            households += feature.at("/properties/households").asLong();
        }
        assertThat(households).isEqualTo(count("SELECT SUM(households) FROM population_cell"));
    }

    @Test
    void facilitiesFilterByType() {
        HttpJson.Answer answer = http.get("/api/facilities?type=kindergarten");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode features = answer.body().get("features");
        assertThat(features.size())
                .isEqualTo((int) count("SELECT COUNT(*) FROM facility WHERE type_code = 'kindergarten'"))
                .isPositive();
        features.forEach(f -> assertThat(f.at("/properties/type").asString()).isEqualTo("kindergarten"));
    }

    @Test
    void facilitiesWithinABboxAreThoseInside() {
        HttpJson.Answer answer = http.get("/api/facilities?bbox=" + smallBox);
        String[] b = smallBox.split(",");
        assertThat(answer.body().get("features").size()).isEqualTo((int)
                count("SELECT COUNT(*) FROM facility WHERE geom && ST_MakeEnvelope(" + smallBox + ", 4326)"));
        for (JsonNode f : answer.body().get("features")) {
            double lon = f.at("/geometry/coordinates/0").asDouble();
            assertThat(lon).isBetween(Double.parseDouble(b[0]), Double.parseDouble(b[2]));
        }
    }

    @Test
    void unknownFacilityTypeIsABadParameter() {
        HttpJson.Answer answer = http.get("/api/facilities?type=casino");
        assertProblem(answer, 400, "bad-parameter");
        assertThat(answer.body().get("detail").asString()).contains("casino").contains("kindergarten");
    }

    @Test
    void facilityTypesComeFromTheCatalogWithCounts() {
        HttpJson.Answer answer = http.get("/api/facility-types");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().size()).isGreaterThanOrEqualTo(10);
        for (JsonNode type : answer.body()) {
            assertThat(type.get("facilities").asLong())
                    .as(type.get("code").asString())
                    .isEqualTo(count("SELECT COUNT(*) FROM facility WHERE type_code = '"
                            + type.get("code").asString() + "'"));
            assertThat(type.get("source").asString()).isNotBlank();
        }
    }

    @Test
    void populationCellsInABboxMatchTheDatabase() {
        HttpJson.Answer answer = http.get("/api/population-cells?bbox=" + smallBox);
        assertThat(answer.status()).isEqualTo(200);
        long expected =
                count("SELECT COUNT(*) FROM population_cell WHERE geom && ST_MakeEnvelope(" + smallBox + ", 4326)");
        assertThat(answer.body().get("features").size())
                .isEqualTo((int) expected)
                .isPositive();
        assertThat(answer.body().at("/features/0/properties/households").asInt())
                .isPositive();
    }

    @Test
    void populationCellsNeedABbox() {
        assertProblem(http.get("/api/population-cells"), 400, "bad-parameter");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1,2,3",
                "a,b,c,d",
                "119.1,31.6,119.0,31.7",
                "119,31.6,119.1,31.6",
                "119,31.6,200,31.7",
                "NaN,31.6,119.1,31.7",
                "119,31.6,119.1,31.7,5"
            })
    void malformedBboxIsABadParameter(String bbox) {
        HttpJson.Answer answer = http.get("/api/population-cells?bbox=" + bbox);
        assertProblem(answer, 400, "bad-parameter");
        assertThat(answer.body().get("parameter").asString()).isEqualTo("bbox");
    }

    @Test
    void aBboxOverTheWholeTownExceedsTheFeatureLimit() {
        HttpJson.Answer answer = http.get("/api/population-cells?bbox=-180,-90,180,90");
        assertProblem(answer, 400, "too-many-features");
        assertThat(answer.body().get("matched").asLong()).isEqualTo(count("SELECT COUNT(*) FROM population_cell"));
    }

    @Test
    void unknownParameterIsRefusedNotIgnored() {
        HttpJson.Answer answer = http.get("/api/communities?bbx=1,2,3,4");
        assertProblem(answer, 400, "unknown-parameter");
        assertThat(answer.body().get("parameter").asString()).isEqualTo("bbx");
        assertProblem(http.get("/api/summary?verbose=true"), 400, "unknown-parameter");
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        assertProblem(http.get("/api/nothing-here"), 404, "not-found");
    }

    @Test
    void healthIsUp() {
        HttpJson.Answer answer = http.get("/actuator/health");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("status").asString()).isEqualTo("UP");
    }

    private static void assertProblem(HttpJson.Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).endsWith("/" + type);
        assertThat(answer.body().get("detail").asString()).isNotBlank();
        assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
