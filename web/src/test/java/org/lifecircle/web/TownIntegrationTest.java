package org.lifecircle.web;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An integration test of the running service on the demo town in the throwaway PostGIS of {@code
 * scripts/test.sh}: real HTTP through {@link #http}, runs through {@link #runs}, SQL checks through
 * {@link #jdbc}. The town is loaded once per class; a test class that changes data reloads it with
 * {@link #loadTown()}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TownIntegrationTest {
    @LocalServerPort
    protected int port;

    @Autowired
    protected DemoLoader demoLoader;

    @Autowired
    protected JdbcTemplate jdbc;

    protected HttpJson http;
    protected RunsClient runs;

    @BeforeAll
    void connectAndLoadTown() {
        TestDatabase.requireThrowawayDatabase();
        loadTown();
        http = new HttpJson(port);
        runs = new RunsClient(http);
    }

    /** Replaces the data with the demo town (seed 42). */
    protected void loadTown() {
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
    }

    /** A single-number SQL answer; null counts as 0. */
    protected long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    /**
     * The {@code count} most populous cells of a plan's most populous community, most populous first:
     * cells a test moves into a new community of the plan.
     */
    protected List<Long> mostPopulousCellsOfLargestCommunity(long plan, int count) {
        return jdbc.queryForList("""
                SELECT c.cell_id FROM plan_cell c JOIN population_cell p ON p.id = c.cell_id
                WHERE c.plan_id = ? AND c.community_key = (
                    SELECT c2.community_key FROM plan_cell c2 JOIN population_cell p2 ON p2.id = c2.cell_id
                    WHERE c2.plan_id = ? GROUP BY 1 ORDER BY SUM(p2.households) DESC LIMIT 1)
                ORDER BY p.households DESC, c.cell_id LIMIT ?""", Long.class, plan, plan, count);
    }
}
