package org.lifecircle.web.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A text that changes whenever the data the maps and analyses read changes: a dataset loaded, a
 * community version added or closed (an adopted plan), a facility added or removed, population
 * cells imported. Caches and
 * ETags key on it; it costs four index lookups and a count of today's communities.
 */
@Component
public class DataVersion {
    private static final String VERSION = """
            SELECT (SELECT COALESCE(MAX(id), 0) FROM dataset_load) || '/'
                || (SELECT COALESCE(MAX(id), 0) FROM community) || '/'
                || (SELECT COUNT(*) FROM community WHERE valid_to IS NULL)
                || '/' || (SELECT COALESCE(MAX(id), 0) || '/' || COUNT(*) FROM facility)
                -- A file import of cells replaces or appends rows, which always takes new ids.
                || '/' || (SELECT COALESCE(MAX(id), 0) FROM population_cell)
            """;

    private final JdbcClient jdbc;

    DataVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String current() {
        return jdbc.sql(VERSION).query(String.class).single();
    }
}
