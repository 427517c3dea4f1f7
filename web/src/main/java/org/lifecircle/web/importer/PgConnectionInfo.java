package org.lifecircle.web.importer;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's database as GDAL's PostgreSQL driver wants it: a {@code PG:host=… port=… dbname=…
 * user=…} connection string and, in the environment, {@code PGPASSWORD}, so the password never
 * shows in a process listing.
 *
 * @param connectionString {@code PG:} followed by libpq key=value pairs
 * @param environment variables for the GDAL process
 */
record PgConnectionInfo(String connectionString, Map<String, String> environment) {
    PgConnectionInfo {
        environment = Map.copyOf(environment);
    }

    /**
     * From a {@code jdbc:postgresql://host[:port]/database[?user=…&password=…&sslmode=…]} URL and
     * the datasource's user and password (which win over the URL's).
     *
     * @throws IllegalArgumentException for URLs of another shape (several hosts, no database)
     */
    static PgConnectionInfo fromJdbc(String jdbcUrl, String username, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        Map<String, String> pairs = new LinkedHashMap<>();
        if (rest.startsWith("//")) {
            URI uri = URI.create("postgresql:" + rest);
            if (uri.getHost() == null || rest.substring(2).split("/")[0].contains(",")) {
                throw new IllegalArgumentException("GDAL needs one database host, got " + jdbcUrl);
            }
            pairs.put("host", uri.getHost());
            pairs.put("port", String.valueOf(uri.getPort() > 0 ? uri.getPort() : 5432));
            pairs.put("dbname", uri.getPath().replaceFirst("^/", ""));
            rest = uri.getRawQuery();
        } else {
            int q = rest.indexOf('?');
            pairs.put("dbname", q < 0 ? rest : rest.substring(0, q));
            rest = q < 0 ? null : rest.substring(q + 1);
        }
        String urlPassword = null;
        if (rest != null) {
            for (String param : rest.split("&")) {
                String[] kv = param.split("=", 2);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                switch (kv[0]) {
                    case "user" -> pairs.put("user", value);
                    case "password" -> urlPassword = value;
                    case "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout" -> pairs.put(kv[0], value);
                    default -> {
                        // JDBC-only settings (prepareThreshold …) mean nothing to libpq.
                    }
                }
            }
        }
        if (pairs.get("dbname").isEmpty()) {
            throw new IllegalArgumentException("The JDBC URL names no database: " + jdbcUrl);
        }
        if (username != null && !username.isEmpty()) {
            pairs.put("user", username);
        }
        StringBuilder pg = new StringBuilder("PG:");
        pairs.forEach((k, v) ->
                pg.append(pg.length() > 3 ? " " : "").append(k).append('=').append(quote(v)));
        Map<String, String> env = new LinkedHashMap<>();
        String pw = password != null ? password : urlPassword;
        if (pw != null) {
            env.put("PGPASSWORD", pw);
        }
        env.put("PGCLIENTENCODING", "UTF8");
        return new PgConnectionInfo(pg.toString(), env);
    }

    /** libpq quoting: single quotes around values with spaces or quotes, backslash escapes. */
    private static String quote(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_.\\-/]+")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
