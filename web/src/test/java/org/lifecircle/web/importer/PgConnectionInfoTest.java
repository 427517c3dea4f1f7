package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgConnectionInfoTest {

    @Test
    void hostPortDatabaseAndUserGoToTheStringThePasswordToTheEnvironment() {
        PgConnectionInfo info =
                PgConnectionInfo.fromJdbc("jdbc:postgresql://127.0.0.1:55432/lifecircle", "lifecircle", "s3cret");

        assertThat(info.connectionString()).isEqualTo("PG:host=127.0.0.1 port=55432 dbname=lifecircle user=lifecircle");
        assertThat(info.connectionString()).doesNotContain("s3cret");
        assertThat(info.environment()).containsEntry("PGPASSWORD", "s3cret");
    }

    @Test
    void urlParametersAreUsedAndQuoted() {
        PgConnectionInfo info = PgConnectionInfo.fromJdbc(
                "jdbc:postgresql://db.example/gis?user=planner&password=p%20w&sslmode=require&prepareThreshold=0",
                null, null);

        assertThat(info.connectionString())
                .isEqualTo("PG:host=db.example port=5432 dbname=gis user=planner sslmode=require");
        assertThat(info.environment()).containsEntry("PGPASSWORD", "p w");
        assertThat(PgConnectionInfo.fromJdbc("jdbc:postgresql://h/db", "o'brien x", null)
                        .connectionString())
                .endsWith("user='o\\'brien x'");
    }

    @Test
    void urlsGdalCannotUseAreRefused() {
        assertThatThrownBy(() -> PgConnectionInfo.fromJdbc("jdbc:mysql://h/db", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgConnectionInfo.fromJdbc("jdbc:postgresql://a,b/db", null, null))
                .hasMessageContaining("one database host");
    }
}
