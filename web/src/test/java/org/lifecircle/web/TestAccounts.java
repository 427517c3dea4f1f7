package org.lifecircle.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The accounts of the integration tests. The admin is the service's first account, created at the
 * first start with {@code LIFECIRCLE_ADMIN_PASSWORD} (set by {@code scripts/test.sh}); the others
 * are created by the tests that need them.
 */
public final class TestAccounts {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = adminPassword();

    private TestAccounts() {}

    /** The {@code Authorization} header value for HTTP Basic. */
    public static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String adminBasic() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    private static String adminPassword() {
        String password = System.getenv("LIFECIRCLE_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("LIFECIRCLE_ADMIN_PASSWORD is not set: run the tests with scripts/test.sh");
        }
        return password;
    }
}
