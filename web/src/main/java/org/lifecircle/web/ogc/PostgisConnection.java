package org.lifecircle.web.ogc;

import java.net.URI;

/** The service's JDBC datasource as a libpq connection string for MapServer's PostGIS layers. */
record PostgisConnection(String host, int port, String database, String user, String password) {

    /** From {@code jdbc:postgresql://host:port/database}; port 5432 when absent. */
    static PostgisConnection fromJdbc(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new PostgisConnection(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, database, user, password);
    }

    /** {@code host=… port=… dbname=… user=… password=…}, values single-quoted as libpq wants. */
    String libpq() {
        StringBuilder out = new StringBuilder();
        append(out, "host", host);
        append(out, "port", Integer.toString(port));
        append(out, "dbname", database);
        append(out, "user", user);
        append(out, "password", password);
        return out.toString().trim();
    }

    private static void append(StringBuilder out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(key)
                    .append("='")
                    .append(value.replace("\\", "\\\\").replace("'", "\\'"))
                    .append("' ");
        }
    }
}
