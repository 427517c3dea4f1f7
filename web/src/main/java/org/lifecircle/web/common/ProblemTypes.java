package org.lifecircle.web.common;

import java.net.URI;

/** Stable problem {@code type} URIs, one per kind of problem (RFC 9457 §3.1.1). */
public final class ProblemTypes {
    private static final String BASE = "https://lifecircle.org/problems/";

    public static final URI BAD_PARAMETER = URI.create(BASE + "bad-parameter");
    public static final URI UNKNOWN_PARAMETER = URI.create(BASE + "unknown-parameter");
    public static final URI TOO_MANY_FEATURES = URI.create(BASE + "too-many-features");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    /** No account, or a wrong password. */
    public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");
    /** An account whose role does not allow the request, or a browser request without its CSRF token. */
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

    public static final URI DATABASE_UNAVAILABLE = URI.create(BASE + "database-unavailable");
    public static final URI INTERNAL = URI.create(BASE + "internal-error");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    /** An import that stored nothing because of the file or its rows. */
    public static final URI IMPORT_REJECTED = URI.create(BASE + "import-rejected");
    /** An import that stored nothing because the server lacks what it needs (GDAL, the database). */
    public static final URI IMPORT_UNAVAILABLE = URI.create(BASE + "import-unavailable");

    private ProblemTypes() {}
}
