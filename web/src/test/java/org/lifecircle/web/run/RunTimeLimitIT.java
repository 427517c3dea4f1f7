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

/** With a time limit of one millisecond every run stops at its first progress report, unstored. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecircle.demo.autoload=none", "lifecircle.runs.time-limit=1ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunTimeLimitIT {
    @LocalServerPort
    int port;

    @Autowired
    DemoLoader demoLoader;

    @Autowired
    JdbcTemplate jdbc;

    HttpJson http;

    @BeforeAll
    void loadTown() {
        TestDatabase.requireThrowawayDatabase();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        http = new HttpJson(port);
    }

    @Test
    void aRunPastItsTimeLimitIsCancelledAndSaysWhy() {
        long id = http.post("/api/runs", "{\"kind\": \"coverage\"}")
                .body()
                .get("id")
                .asLong();
        JsonNode run = new RunsClient(http).awaitFinished(id);
        assertThat(run.get("status").asString()).isEqualTo("cancelled");
        assertThat(run.get("error").asString()).contains("time limit");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coverage_community WHERE run_id = ?", Long.class, id))
                .isZero();
    }
}
