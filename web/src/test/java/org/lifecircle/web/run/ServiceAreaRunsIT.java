package org.lifecircle.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.core.domain.Community;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import org.lifecircle.web.store.PostgisDatasetLoad;
import org.lifecircle.web.store.PostgisDatasetStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Service-area runs through the runs API over real HTTP, on the demo town in the real PostGIS. */
class ServiceAreaRunsIT extends TownIntegrationTest {
    @Autowired
    PostgisDatasetStore store;

    @Test
    void networkRunProducesPerFacilityAndDissolvedAreas() {
        HttpJson.Answer started = http.post("/api/runs", """
                {"kind": "service-areas", "types": ["kindergarten", "primary_school"], "minutes": [10, 5],
                 "mode": "network", "speed": 1.0}""");
        assertThat(started.status()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        JsonNode run = runs.awaitFinished(id);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("progressPercent").asDouble()).isEqualTo(100.0);
        assertThat(run.at("/timingsMillis/compute").asLong()).isPositive();
        assertThat(run.at("/parameters/minutesByType/kindergarten").toString()).isEqualTo("[5,10]");

        JsonNode dissolved = http.get("/api/runs/" + id + "/service-areas").body();
        assertThat(dissolved.get("features").size()).isEqualTo(4);
        long kindergartens = count("SELECT COUNT(*) FROM facility WHERE type_code = 'kindergarten'");
        JsonNode perFacility = http.get("/api/runs/" + id + "/service-areas?scope=facility&type=kindergarten&minutes=5")
                .body();
        assertThat(perFacility.get("features").size()).isEqualTo((int) kindergartens);

        double dissolved5 = area(id, "kindergarten", 5);
        double dissolved10 = area(id, "kindergarten", 10);
        assertThat(dissolved10).isGreaterThan(dissolved5);
        // A 5-minute walk (300 m) covers less than the 300 m circle around every kindergarten.
        assertThat(dissolved5).isLessThan(kindergartens * Math.PI * 300 * 300);
        // Every facility lies inside its own area, and inside the dissolved area of its type.
        assertThat(count("""
                        SELECT COUNT(*) FROM service_area s JOIN facility f ON f.id = s.facility_id
                        WHERE s.run_id = %d AND NOT ST_Intersects(s.geom, f.geom)""".formatted(id))).isZero();
        assertThat(count("""
                        SELECT COUNT(*) FROM facility f JOIN service_area s
                          ON s.run_id = %d AND s.facility_id IS NULL AND s.type_code = f.type_code
                        WHERE NOT ST_Intersects(s.geom, f.geom)""".formatted(id))).isZero();
    }

    @Test
    void networkAreaStaysOnItsBankOfTheRiver() {
        long id = runs.finishedRun("""
                {"kind": "service-areas", "types": ["middle_school"], "minutes": [15], "mode": "network"}""");
        long circle = runs.finishedRun("""
                {"kind": "service-areas", "types": ["middle_school"], "minutes": [15], "mode": "circle"}""");
        // Land across the river: the circles reach it, the walk does only over bridges, and then less.
        double networkOverRiver = count("""
                SELECT ROUND(COALESCE(SUM(ST_Area(ST_Intersection(s.geom, b.geom)::geography)), 0))::bigint
                FROM service_area s, barrier b
                WHERE s.run_id = %d AND s.facility_id IS NULL AND b.kind = 'river'""".formatted(id));
        double circleOverRiver = count("""
                SELECT ROUND(COALESCE(SUM(ST_Area(ST_Intersection(s.geom, b.geom)::geography)), 0))::bigint
                FROM service_area s, barrier b
                WHERE s.run_id = %d AND s.facility_id IS NULL AND b.kind = 'river'""".formatted(circle));
        assertThat(circleOverRiver).isPositive();
        assertThat(networkOverRiver).isLessThan(circleOverRiver);
    }

    @Test
    void circleRunAreasAreGeodesicCircles() {
        long id = runs.finishedRun("""
                {"kind": "service-areas", "types": ["market"], "minutes": [10], "mode": "circle", "speed": 1.2}""");
        double radius = 1.2 * 10 * 60;
        List<Double> areas = jdbc.queryForList(
                "SELECT ST_Area(geom::geography) FROM service_area WHERE run_id = ? AND facility_id IS NOT NULL",
                Double.class,
                id);
        assertThat(areas).isNotEmpty();
        for (double area : areas) {
            assertThat(area).isCloseTo(Math.PI * radius * radius, org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    @Test
    void defaultsComeFromTheCatalog() {
        HttpJson.Answer started = http.post("/api/runs", """
                {"kind": "service-areas", "types": ["kindergarten", "middle_school"]}""");
        JsonNode parameters = started.body().get("parameters");
        assertThat(parameters.at("/minutesByType/kindergarten").toString()).isEqualTo("[5]");
        assertThat(parameters.at("/minutesByType/middle_school").toString()).isEqualTo("[15]");
        assertThat(parameters.get("mode").asString()).isEqualTo("network");
        assertThat(parameters.get("speedMetersPerSecond").asDouble()).isEqualTo(1.0);
        runs.awaitFinished(started.body().get("id").asLong());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"kind\": \"teleport\"}",
                "{\"types\": [\"kindergarten\"]}",
                "{\"kind\": \"service-areas\", \"types\": [\"casino\"]}",
                "{\"kind\": \"service-areas\", \"types\": []}",
                "{\"kind\": \"service-areas\", \"minutes\": [0]}",
                "{\"kind\": \"service-areas\", \"minutes\": [61]}",
                "{\"kind\": \"service-areas\", \"minutes\": [2.5]}",
                "{\"kind\": \"service-areas\", \"mode\": \"fly\"}",
                "{\"kind\": \"service-areas\", \"speed\": 10}",
                "{\"kind\": \"service-areas\", \"speed\": \"fast\"}",
                "{\"kind\": \"service-areas\", \"colour\": \"red\"}",
                "[1, 2]",
                "{not json"
            })
    void badRequestsAreRefusedBeforeAnythingRuns(String body) {
        long runsBefore = count("SELECT COUNT(*) FROM analysis_run");
        HttpJson.Answer answer = http.post("/api/runs", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asString()).isNotBlank();
        assertThat(count("SELECT COUNT(*) FROM analysis_run")).isEqualTo(runsBefore);
    }

    @Test
    void unknownRunIsNotFound() {
        HttpJson.Answer answer = http.get("/api/runs/987654321");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(http.get("/api/runs/987654321/service-areas").status()).isEqualTo(404);
    }

    @Test
    void runsAreListedNewestFirstAndSurviveAReload() {
        long id = runs.finishedRun("{\"kind\": \"service-areas\", \"types\": [\"fitness_ground\"], \"minutes\": [5]}");
        JsonNode list = http.get("/api/runs").body();
        assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
        JsonNode filtered = http.get("/api/runs?kind=service-areas&status=succeeded&limit=3")
                .body();
        assertThat(filtered.size()).isBetween(1, 3);
        for (JsonNode run : filtered) {
            assertThat(run.get("kind").asString()).isEqualTo("service-areas");
            assertThat(run.get("status").asString()).isEqualTo("succeeded");
        }
        assertThat(http.get("/api/runs?kind=teleport").status()).isEqualTo(400);
        assertThat(http.get("/api/runs?status=sleeping").status()).isEqualTo(400);
        assertThat(http.get("/api/runs?limit=0").status()).isEqualTo(400);
        assertThat(http.get("/api/runs/" + id).body().get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void runOnADatasetWithoutANetworkFailsAndSaysWhy() {
        try {
            try (PostgisDatasetLoad load = store.open(true)) {
                load.begin(new DatasetInfo("no-network", "test:no-network", "communities, an empty network"));
                load.roadEdges(List.of());
                GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
                Polygon square = wgs84.createPolygon(new Coordinate[] {
                    new Coordinate(119, 31.6),
                    new Coordinate(119.01, 31.6),
                    new Coordinate(119.01, 31.61),
                    new Coordinate(119, 31.61),
                    new Coordinate(119, 31.6)
                });
                load.communities(List.of(new Community(
                        "TEST-NONET",
                        "无路社区",
                        null,
                        "测试街道",
                        true,
                        wgs84.createMultiPolygon(new Polygon[] {square}),
                        null,
                        null,
                        null)));
                load.commit();
            }
            HttpJson.Answer started = http.post("/api/runs", "{\"kind\": \"service-areas\", \"types\": [\"market\"]}");
            JsonNode run = runs.awaitFinished(started.body().get("id").asLong());
            assertThat(run.get("status").asString()).isEqualTo("failed");
            assertThat(run.get("error").asString()).contains("walking network");
        } finally {
            demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        }
    }

    private double area(long runId, String type, int minutes) {
        return jdbc.queryForObject(
                "SELECT area_m2 FROM service_area WHERE run_id = ? AND type_code = ? AND minutes = ? AND facility_id IS NULL",
                Double.class,
                runId,
                type,
                minutes);
    }
}
