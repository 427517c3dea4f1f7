package org.lifecircle.web.common;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@code DATABASE_URL} of the form {@code postgres://user:password@host:port/database} (or a
 * {@code jdbc:postgresql:} URL) turned into Spring datasource settings, so the service can point
 * at an existing PostGIS without a private cluster.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static Optional<DatabaseUrl> fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(value.trim()));
    }

    static DatabaseUrl parse(String value) {
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(value, null, null);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a URL: " + e.getMessage(), e);
        }
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:, got "
                            + uri.getScheme());
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(
                    "DATABASE_URL needs a host and a database: postgres://user:pw@host:5432/db");
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        return new DatabaseUrl(jdbc, user, password);
    }

    /** Sets the datasource properties unless the user already set them explicitly. */
    public void applyAsSystemProperties() {
        setIfAbsent("spring.datasource.url", jdbcUrl);
        setIfAbsent("spring.datasource.username", username);
        setIfAbsent("spring.datasource.password", password);
    }

    private static void setIfAbsent(String key, String value) {
        if (value != null && System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
