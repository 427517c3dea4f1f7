package org.lifecircle.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A run cancelled after the executor's look at its cancel flag but before the executor marks it
 * running. The JSON API fuzzing (JsonApiFuzzIT cancels every run it gets accepted at once) met this
 * interleaving: the update to "running" broke the run table's time check and the run ended "failed"
 * with that SQL error. Here the two steps are taken in that order on purpose.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
class RunStartRaceIT {
    @Autowired
    RunRepository runs;

    @BeforeAll
    static void database() {
        TestDatabase.requireThrowawayDatabase();
    }

    @Test
    void aRunCancelledBeforeItIsMarkedRunningStaysCancelled() {
        long id = runs.create(
                "community-centres", JsonNodeFactory.instance.objectNode().put("kind", "community-centres"));
        assertThat(runs.cancel(id, "Cancelled on request", "{}")).isTrue();

        assertThat(runs.markRunning(id)).isFalse();

        assertThat(runs.find(id).orElseThrow().status()).isEqualTo("cancelled");
    }
}
