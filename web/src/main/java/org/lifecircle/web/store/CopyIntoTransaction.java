package org.lifecircle.web.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * {@code COPY} on the connection of the current Spring transaction, so bulk result rows commit or
 * roll back together with the run's other rows. Large result tables (a coverage run on the city
 * writes some 800,000 rows) go an order of magnitude faster this way than with batched INSERTs.
 */
@Component
public class CopyIntoTransaction {
    /** Writes the rows of one table. */
    @FunctionalInterface
    public interface Rows {
        void write(CopyWriter writer) throws SQLException;
    }

    private final DataSource dataSource;

    CopyIntoTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Copies rows into a table within the caller's transaction.
     *
     * @return the number of rows copied
     */
    public long copy(String table, String columns, Rows rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter writer =
                new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI(), table, columns)) {
            rows.write(writer);
            return writer.finish();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
