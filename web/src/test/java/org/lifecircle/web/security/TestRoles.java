package org.lifecircle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.lifecircle.web.HttpJson;

/** A viewer and a planner account beside the tests' admin, created once through the accounts API. */
public final class TestRoles {
    public static final String VIEWER = "test-viewer";
    public static final String PLANNER = "test-planner";
    public static final String PASSWORD = "test-password-1";

    private TestRoles() {}

    public static void ensure(HttpJson admin) {
        create(admin, VIEWER, "viewer");
        create(admin, PLANNER, "planner");
    }

    private static void create(HttpJson admin, String username, String role) {
        int status = admin.post(
                        "/api/accounts",
                        "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"" + role
                                + "\"}")
                .status();
        assertThat(status).as("creating " + username).isIn(201, 409);
        // An earlier test class may have changed it: back to what this test expects.
        assertThat(admin.patch(
                                "/api/accounts/" + username,
                                "{\"role\": \"" + role + "\", \"enabled\": true, \"password\": \"" + PASSWORD + "\"}")
                        .status())
                .isEqualTo(200);
    }
}
