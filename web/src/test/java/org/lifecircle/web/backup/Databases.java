package org.lifecircle.web.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Databases of the throwaway server that {@code scripts/test.sh} names in {@code
 * SPRING_DATASOURCE_URL}: the project database and scratch databases beside it, reached over plain
 * JDBC connections of their own, so session settings never leak into the service's pool.
 */
final class Databases {
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");
    /** Scratch names this test may create and drop; never the project database. */
    private static final Pattern SCRATCH_NAME = Pattern.compile("^lifecircle_backup_it_[a-z0-9_]+$");

    private Databases() {}

    /** The database the service uses. */
    static String projectDatabase() {
        return urlParts().group(2);
    }

    static String jdbcUrl(String database) {
        Matcher url = urlParts();
        return url.group(1) + database + url.group(3);
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl(database),
                System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "lifecircle"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "lifecircle"));
    }

    static boolean exists(String database) {
        try (Connection c = connect(projectDatabase());
                PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops a scratch database, ending any session still in it. */
    static void dropScratch(String database) {
        if (!SCRATCH_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a scratch database of this test: " + database);
        }
        execute(projectDatabase(), "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }

    static void execute(String database, String sql) {
        try (Connection c = connect(database);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long queryLong(String database, String sql) {
        List<String> rows = queryStrings(database, sql);
        return Long.parseLong(rows.get(0));
    }

    /** The first column of every row, as text. */
    static List<String> queryStrings(String database, String sql) {
        try (Connection c = connect(database);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Matcher urlParts() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        Matcher m = JDBC_URL.matcher(url == null ? "" : url);
        if (!m.matches()) {
            throw new IllegalStateException("SPRING_DATASOURCE_URL is not jdbc:postgresql://host:port/db: " + url);
        }
        return m;
    }
}
