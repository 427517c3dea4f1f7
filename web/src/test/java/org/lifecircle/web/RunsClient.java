package org.lifecircle.web;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Starts runs through the runs API and waits for them, checking progress on the way. */
public final class RunsClient {
    private static final long RUN_TIMEOUT_MILLIS = 180_000;

    private final HttpJson http;

    public RunsClient(HttpJson http) {
        this.http = http;
    }

    /** Starts a run that must be accepted and succeed; its id. */
    public long finishedRun(String body) {
        HttpJson.Answer started = http.post("/api/runs", body);
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
        long id = started.body().get("id").asLong();
        JsonNode run = awaitFinished(id);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        return id;
    }

    /** Polls a run until it succeeds, fails or is cancelled; its final row. */
    public JsonNode awaitFinished(long id) {
        long deadline = System.currentTimeMillis() + RUN_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            JsonNode run = http.get("/api/runs/" + id).body();
            String status = run.get("status").asString();
            if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")) {
                return run;
            }
            assertThat(run.get("progressPercent").asDouble()).isBetween(0.0, 100.0);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + id + " did not finish within " + RUN_TIMEOUT_MILLIS + " ms");
    }
}
