package org.lifecircle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The database stopped under a running service and a running analysis, then started again: the
 * API answers 503 problem+json meanwhile, recovers by itself afterwards, and the run is not left
 * "running" for ever.
 */
class DatabaseOutageIT extends TownIntegrationTest {
    private static final long RECOVERY_MILLIS = 60_000;

    @Test
    void anOutageIs503AndTheServiceAndItsRunsRecoverWhenTheDatabaseReturns() throws Exception {
        assertThat(http.get("/api/summary").status()).isEqualTo(200);
        long run = http.post("/api/runs", "{\"kind\": \"service-areas\", \"minutes\": [5, 10, 15]}")
                .body()
                .get("id")
                .asLong();
        awaitRunning(run);

        database("stop");
        try {
            HttpJson.Answer down = http.get("/api/summary");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.body().get("detail").asString()).contains("database");
            assertThat(http.get("/api/communities").status()).isEqualTo(503);
            Thread.sleep(1500);
        } finally {
            database("start");
        }

        long deadline = System.currentTimeMillis() + RECOVERY_MILLIS;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            status = http.get("/api/summary").status();
            Thread.sleep(200);
        }
        assertThat(status)
                .as("the API answers again after the database returns")
                .isEqualTo(200);
        JsonNode finished = new RunsClient(http).awaitFinished(run);
        assertThat(finished.get("status").asString()).isIn("failed", "succeeded");
    }

    private void awaitRunning(long run) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (http.get("/api/runs/" + run).body().get("status").asString().equals("running")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("run " + run + " never started");
    }

    /** scripts/db.sh on the throwaway cluster of scripts/test.sh, on its port. */
    private static void database(String command) throws IOException, InterruptedException {
        String runDir = System.getenv("LIFECIRCLE_TEST_RUN_DIR");
        assertThat(runDir).as("LIFECIRCLE_TEST_RUN_DIR from scripts/test.sh").isNotBlank();
        int dbPort = URI.create(System.getenv("SPRING_DATASOURCE_URL").substring("jdbc:".length()))
                .getPort();
        Path root = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("scripts/db.sh").toString(), command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(new File(runDir, "outage-" + command + ".log"));
        builder.environment().put("LIFECIRCLE_RUN_DIR", runDir);
        builder.environment().put("LIFECIRCLE_DB_PORT", Integer.toString(dbPort));
        builder.environment().put("LIFECIRCLE_DB_FAST", "1");
        Process process = builder.start();
        assertThat(process.waitFor()).as("scripts/db.sh " + command).isZero();
    }
}
