package org.lifecircle.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The service jar stopped with SIGTERM while a run is working, as systemd or Ctrl-C would: it exits
 * in good time, the run ends as cancelled with the reason, and no result of it is left half-written.
 */
class GracefulShutdownIT extends TownIntegrationTest {
    private static final Path JAR = Path.of("target", "lifecircle.jar");

    @Test
    void aStoppedServiceLeavesItsRunCancelledAndNoPartialResults() throws Exception {
        assertThat(JAR)
                .as("the packaged service (mvn package runs before the integration tests)")
                .exists();
        int servicePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            servicePort = socket.getLocalPort();
        }
        File log = Files.createTempFile("lifecircle-shutdown", ".log").toFile();
        Process service = new ProcessBuilder(List.of(
                        "java",
                        "-Xmx1g",
                        "-jar",
                        JAR.toString(),
                        "--server.port=" + servicePort,
                        "--lifecircle.demo.autoload=none"))
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        try {
            HttpJson client = new HttpJson(servicePort);
            awaitReady(client, service, log);
            long run = client.post(
                            "/api/runs",
                            "{\"kind\": \"service-areas\", \"minutes\": [10, 20, 30, 40, 50, 60], \"mode\": \"network\"}")
                    .body()
                    .get("id")
                    .asLong();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!status(run).equals("running") && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(status(run)).as("the run started").isEqualTo("running");

            service.destroy(); // SIGTERM
            assertThat(service.waitFor(60, TimeUnit.SECONDS))
                    .as("the service exits within a minute of SIGTERM")
                    .isTrue();

            JsonNode row = http.get("/api/runs/" + run).body();
            assertThat(row.get("status").asString()).as(row.toString()).isEqualTo("cancelled");
            assertThat(row.get("error").asString()).contains("service stopped");
            assertThat(count("SELECT count(*) FROM service_area WHERE run_id = " + run))
                    .isZero();
        } finally {
            service.destroyForcibly();
        }
    }

    private String status(long run) {
        return http.get("/api/runs/" + run).body().get("status").asString();
    }

    private static void awaitReady(HttpJson client, Process service, File log)
            throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service stopped while starting:\n" + Files.readString(log.toPath()));
            }
            try {
                if (client.get("/api/me").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // connection refused until the port is open
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start:\n" + Files.readString(log.toPath()));
    }
}
