package org.lifecircle.web.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads datasets into PostGIS. Each load is one transaction: it either lands whole or leaves the
 * database as it was.
 */
@Component
public class PostgisDatasetStore {
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PostgisDatasetStore(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * Opens a load. With {@code replace}, each table the load writes is replaced in the same
     * transaction (so a failed load keeps the old rows): current community versions are closed
     * ({@code valid_to}, their boundaries stay as history), other tables emptied. Tables the load does
     * not write are kept.
     */
    public PostgisDatasetLoad open(boolean replace) {
        try {
            return new PostgisDatasetLoad(dataSource.getConnection(), replace);
        } catch (SQLException e) {
            throw new DatasetLoadException("Cannot open a database connection: " + e.getMessage(), e);
        }
    }

    /** Whether any dataset was ever loaded. */
    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM dataset_load)")
                .query(Boolean.class)
                .single();
    }
}
