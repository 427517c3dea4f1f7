package org.lifecircle.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Cancelling runs, queued and running, over real HTTP: they stop and store nothing. */
class RunControlIT extends TownIntegrationTest {
    /** Per-facility network areas of every type for 5, 10 and 15 minutes: seconds of work on the town. */
    private static final String SLOW = "{\"kind\": \"service-areas\", \"minutes\": [5, 10, 15]}";

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
}
