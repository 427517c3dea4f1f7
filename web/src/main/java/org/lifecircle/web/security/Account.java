package org.lifecircle.web.security;

import java.time.OffsetDateTime;

/** An account as the API shows it: never its password hash. */
public record Account(
        String username, String role, boolean enabled, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
