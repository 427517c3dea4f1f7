package org.lifecircle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TestAccounts;
import org.lifecircle.web.TownIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Managing accounts over the API, and what the audit log then says about who did what. */
class AccountsAndAuditIT extends TownIntegrationTest {
    private HttpJson planner;

    @BeforeAll
    void accounts() {
        TestRoles.ensure(http);
        planner = HttpJson.signedIn(port, TestRoles.PLANNER, TestRoles.PASSWORD);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        assertThat(count("SELECT count(*) FROM app_account WHERE password_hash NOT LIKE '{bcrypt}$2%'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM app_account WHERE password_hash LIKE '%" + TestRoles.PASSWORD + "%'"))
                .isZero();
        JsonNode listed = http.get("/api/accounts").body().get("accounts");
        assertThat(listed.toString())
                .doesNotContain("bcrypt")
                .doesNotContain("$2")
                .doesNotContain("passwordHash");
    }

    @Test
    void badAccountRequestsAreClear400sOr409s() {
        assertThat(post("{\"username\": \"x-short\", \"password\": \"short\"}")).isEqualTo(400);
        assertThat(post("{\"username\": \"x-role\", \"password\": \"long-enough\", \"role\": \"king\"}"))
                .isEqualTo(400);
        assertThat(post("{\"username\": \"../etc\", \"password\": \"long-enough\"}"))
                .isEqualTo(400);
        assertThat(post("{\"username\": \"x\", \"password\": \"long-enough\", \"colour\": \"red\"}"))
                .isEqualTo(400);
        assertThat(post("{\"username\": \"" + TestRoles.VIEWER + "\", \"password\": \"long-enough\"}"))
                .isEqualTo(409);
        assertThat(http.patch("/api/accounts/nobody-at-all", "{\"enabled\": false}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        String name = "test-disabled";
        assertThat(post("{\"username\": \"" + name + "\", \"password\": \"long-enough\"}"))
                .isIn(201, 409);
        HttpJson client = HttpJson.signedIn(port, name, "long-enough");
        assertThat(http.patch("/api/accounts/" + name, "{\"enabled\": true}").status())
                .isEqualTo(200);
        assertThat(client.get("/api/me").status()).isEqualTo(200);
        assertThat(http.patch("/api/accounts/" + name, "{\"enabled\": false}").status())
                .isEqualTo(200);
        assertThat(client.get("/api/me").status()).isEqualTo(401);
        assertThat(http.patch("/api/accounts/" + name, "{\"enabled\": true}").status())
                .isEqualTo(200);
        assertThat(client.get("/api/me").body().get("role").asString()).isEqualTo("viewer");
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedOrDisabled() {
        String second = "test-admin-2";
        assertThat(post("{\"username\": \"" + second + "\", \"password\": \"long-enough\", \"role\": \"admin\"}"))
                .isIn(201, 409);
        assertThat(http.patch("/api/accounts/" + second, "{\"role\": \"viewer\"}")
                        .status())
                .isEqualTo(200);

        HttpJson.Answer refused = http.patch("/api/accounts/" + TestAccounts.ADMIN, "{\"role\": \"planner\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("last enabled admin");
        assertThat(http.patch("/api/accounts/" + TestAccounts.ADMIN, "{\"enabled\": false}")
                        .status())
                .isEqualTo(409);
        assertThat(http.get("/api/me").body().get("role").asString()).isEqualTo("admin");

        // With a second admin, the first may step down, and be brought back by the second.
        assertThat(http.patch("/api/accounts/" + second, "{\"role\": \"admin\"}")
                        .status())
                .isEqualTo(200);
        assertThat(http.patch("/api/accounts/" + TestAccounts.ADMIN, "{\"role\": \"planner\"}")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/accounts").status()).isEqualTo(403);
        HttpJson secondAdmin = HttpJson.signedIn(port, second, "long-enough");
        assertThat(secondAdmin
                        .patch("/api/accounts/" + TestAccounts.ADMIN, "{\"role\": \"admin\"}")
                        .status())
                .isEqualTo(200);
        assertThat(http.patch("/api/accounts/" + second, "{\"role\": \"viewer\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void everyoneChangesTheirOwnPasswordKnowingTheCurrentOne() {
        String name = "test-own-password";
        assertThat(post("{\"username\": \"" + name + "\", \"password\": \"first-password\"}"))
                .isIn(201, 409);
        assertThat(http.patch("/api/accounts/" + name, "{\"password\": \"first-password\"}")
                        .status())
                .isEqualTo(200);
        HttpJson before = HttpJson.signedIn(port, name, "first-password");
        assertThat(before.post(
                                "/api/me/password",
                                "{\"currentPassword\": \"wrong\", \"newPassword\": \"second-password\"}")
                        .status())
                .isEqualTo(400);
        assertThat(before.post(
                                "/api/me/password",
                                "{\"currentPassword\": \"first-password\", \"newPassword\": \"second-password\"}")
                        .status())
                .isEqualTo(204);
        assertThat(before.get("/api/me").status()).isEqualTo(401);
        assertThat(HttpJson.signedIn(port, name, "second-password")
                        .get("/api/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theAuditLogSaysWhoEditedAPlanAndStartedARun() {
        long plan = planner.post("/api/plans", "{\"name\": \"审计测试\"}")
                .body()
                .get("id")
                .asLong();
        long cell = jdbc.queryForObject(
                "SELECT cell_id FROM plan_cell WHERE plan_id = ? ORDER BY cell_id LIMIT 1", Long.class, plan);
        assertThat(planner.post("/api/plans/" + plan + "/moves", "{\"cells\": [" + cell + "], \"to\": null}")
                        .status())
                .isEqualTo(200);
        planner.post("/api/plans/" + plan + "/undo", "");
        long run = planner.post(
                        "/api/runs", "{\"kind\": \"service-areas\", \"minutes\": [5], \"types\": [\"kindergarten\"]}")
                .body()
                .get("id")
                .asLong();
        runs.awaitFinished(run);

        JsonNode events = http.get("/api/audit?actor=" + TestRoles.PLANNER + "&limit=100")
                .body()
                .get("events");
        List<String> seen = new ArrayList<>();
        for (JsonNode event : events) {
            assertThat(event.get("actor").asString()).isEqualTo(TestRoles.PLANNER);
            assertThat(event.get("remoteAddr").asString()).isEqualTo("127.0.0.1");
            seen.add(event.get("action").asString() + " " + event.get("target").asString());
        }
        assertThat(seen)
                .contains(
                        "plan.created plan:" + plan,
                        "plan.edited plan:" + plan,
                        "plan.undone plan:" + plan,
                        "run.submitted run:" + run);
        JsonNode submitted = http.get("/api/audit?actor=" + TestRoles.PLANNER + "&action=run.submitted&limit=1")
                .body()
                .get("events")
                .get(0);
        assertThat(submitted.get("detail").get("kind").asString()).isEqualTo("service-areas");
        assertThat(submitted
                        .get("detail")
                        .get("parameters")
                        .get("minutes")
                        .get(0)
                        .asInt())
                .isEqualTo(5);

        // The admin's own account changes are there too, and the CSV holds what the JSON holds.
        HttpJson.Raw csv = http.getRaw("/api/audit?actor=" + TestRoles.PLANNER + "&limit=100&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,at,actor,action,target,detail,remote_addr");
        assertThat(text.lines().count() - 1).isEqualTo(events.size());
        assertThat(http.get("/api/audit?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void theAuditLogIsFilteredByTime() {
        JsonNode all = http.get("/api/audit?limit=100000").body().get("events");
        assertThat(all.size()).isPositive();
        String future = "2999-01-01T00:00:00%2B08:00";
        assertThat(http.get("/api/audit?from=" + future).body().get("events").size())
                .isZero();
        assertThat(http.get("/api/audit?to=" + future + "&limit=100000")
                        .body()
                        .get("events")
                        .size())
                .isEqualTo(all.size());
    }

    private int post(String json) {
        return http.post("/api/accounts", json).status();
    }
}
