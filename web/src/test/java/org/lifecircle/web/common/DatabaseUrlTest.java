package org.lifecircle.web.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void postgresUrlBecomesJdbcUrlWithCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://planner:s%40cret@db.example:6543/lifecircle?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/lifecircle?sslmode=require");
        assertThat(url.username()).isEqualTo("planner");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void jdbcUrlPassesThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void blankMeansNotSet() {
        assertThat(DatabaseUrl.fromEnvironment("  ")).isEmpty();
        assertThat(DatabaseUrl.fromEnvironment(null)).isEmpty();
    }

    @Test
    void otherSchemesAndMissingDatabaseAreExplained() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/db")).hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://h")).hasMessageContaining("database");
    }
}
