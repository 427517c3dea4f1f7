package org.lifecircle.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.RunsClient;
import org.lifecircle.web.TestDatabase;
import org.lifecircle.web.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Cancelling runs, queued and running, over real HTTP: they stop and store nothing. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunControlIT {
    /** Per-facility network areas of every type for 5, 10 and 15 minutes: seconds of work on the town. */
    private static final String SLOW = "{\"kind\": \"service-areas\", \"minutes\": [5, 10, 15]}";

    @LocalServerPort
    int port;

    @Autowired
    DemoLoader demoLoader;

    @Autowired
    JdbcTemplate jdbc;

    HttpJson http;
    RunsClient runs;

    @BeforeAll
    void loadTown() {
        TestDatabase.requireThrowawayDatabase();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        http = new HttpJson(port);
        runs = new RunsClient(http);
    }

    @Test
    void aQueuedRunCancelledNeverStartsAndARunningOneStopsWithoutResults() {
        long first = http.post("/api/runs", SLOW).body().get("id").asLong();
        long second = http.post("/api/runs", SLOW).body().get("id").asLong();
        HttpJson.Answer cancelQueued = http.post("/api/runs/" + second + "/cancel", "");
        assertThat(cancelQueued.status()).isEqualTo(202);
        assertThat(cancelQueued.body().get("status").asString()).isEqualTo("cancelled");

        awaitStatus(first, "running");
        assertThat(http.post("/api/runs/" + first + "/cancel", "").status()).isEqualTo(202);
        JsonNode stopped = runs.awaitFinished(first);
        assertThat(stopped.get("status").asString()).isEqualTo("cancelled");
        assertThat(stopped.get("error").asString()).contains("Cancelled");
        JsonNode never = runs.awaitFinished(second);
        assertThat(never.get("status").asString()).isEqualTo("cancelled");
        assertThat(never.get("startedAt").isNull()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM service_area WHERE run_id IN (" + first + ", " + second + ")"))
                .isZero();
        assertThat(http.get("/api/runs/" + first + "/service-areas").status()).isEqualTo(409);
        assertThat(http.get("/api/runs?status=cancelled").body().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void finishedAndUnknownRunsCannotBeCancelled() {
        long done = runs.finishedRun("{\"kind\": \"service-areas\", \"types\": [\"market\"], \"minutes\": [5]}");
        HttpJson.Answer late = http.post("/api/runs/" + done + "/cancel", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asString()).contains("succeeded");
        assertThat(http.post("/api/runs/987654321/cancel", "").status()).isEqualTo(404);
    }

    private void awaitStatus(long id, String status) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String now = http.get("/api/runs/" + id).body().get("status").asString();
            if (now.equals(status)) {
                return;
            }
            assertThat(now).isIn("queued", "running");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + id + " never reached " + status);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
