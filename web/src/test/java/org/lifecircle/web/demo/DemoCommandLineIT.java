package org.lifecircle.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.TestDatabase;

/** The {@code demo} command as a user runs it: arguments, exit codes, what ends up stored. */
class DemoCommandLineIT {

    @BeforeAll
    static void database() {
        TestDatabase.requireThrowawayDatabase();
    }

    @Test
    void loadsTheRequestedSeedAndReplacesTheDataset() throws SQLException {
        assertThat(DemoCommandLine.run(new String[] {"--size=town", "--seed=7", "--replace"}))
                .isZero();
        try (Connection c = DriverManager.getConnection(
                        System.getenv("SPRING_DATASOURCE_URL"), "lifecircle", "lifecircle");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT source FROM dataset_load ORDER BY id DESC LIMIT 1),"
                        + " (SELECT COUNT(DISTINCT source) FROM population_cell)")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("demo:town:7");
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
    }

    @Test
    void refusesToStackASecondDatasetWithoutReplace() {
        assertThat(DemoCommandLine.run(new String[] {"--size=town", "--replace"}))
                .isZero();
        assertThat(DemoCommandLine.run(new String[] {"--size=town"})).isEqualTo(1);
    }

    @Test
    void badArgumentsExitWithUsage() {
        assertThat(DemoCommandLine.run(new String[] {"--size=metropolis"})).isEqualTo(2);
        assertThat(DemoCommandLine.run(new String[] {"--sise=town"})).isEqualTo(2);
        assertThat(DemoCommandLine.run(new String[] {"--seed=abc"})).isEqualTo(2);
    }
}
