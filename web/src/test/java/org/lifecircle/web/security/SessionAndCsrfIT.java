package org.lifecircle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.TestAccounts;
import org.lifecircle.web.TownIntegrationTest;

/**
 * The browser's way in: the sign-in form, a session cookie, and the CSRF token every change must
 * echo. Driven with a cookie-keeping HTTP client, request by request, as a browser would send them.
 */
class SessionAndCsrfIT extends TownIntegrationTest {
    private String base;

    @BeforeAll
    void base() {
        TestRoles.ensure(http);
        base = "http://127.0.0.1:" + port;
    }

    @Test
    void signingInNeedsTheTokenAndTheRightPassword() throws Exception {
        Browser browser = new Browser();
        browser.get("/login.html");
        String token = browser.cookie("XSRF-TOKEN");
        assertThat(token).isNotBlank();

        HttpResponse<String> noToken = browser.signIn(TestRoles.PLANNER, TestRoles.PASSWORD, null);
        assertThat(noToken.statusCode()).isEqualTo(302);
        assertThat(browser.cookie("JSESSIONID")).isNull();

        HttpResponse<String> wrong = browser.signIn(TestRoles.PLANNER, "wrong-password", token);
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login.html?error");

        long signInsBefore = count("SELECT count(*) FROM audit_event WHERE action = 'account.signed-in' AND actor = '"
                + TestRoles.PLANNER + "'");
        HttpResponse<String> right =
                browser.signIn(TestRoles.PLANNER, TestRoles.PASSWORD, browser.cookie("XSRF-TOKEN"));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElse("")).isEqualTo(base + "/");
        assertThat(browser.cookie("JSESSIONID")).isNotNull();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'account.signed-in' AND actor = '"
                        + TestRoles.PLANNER + "'"))
                .isEqualTo(signInsBefore + 1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'account.sign-in-failed'"
                        + " AND target = 'account:" + TestRoles.PLANNER + "'"))
                .isPositive();
    }

    @Test
    void aSessionChangesNothingWithoutTheCsrfToken() throws Exception {
        Browser browser = new Browser();
        browser.get("/login.html");
        browser.signIn(TestRoles.PLANNER, TestRoles.PASSWORD, browser.cookie("XSRF-TOKEN"));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/me").body()).contains("\"role\":\"planner\"");

        HttpResponse<String> forged = browser.post("/api/runs", "{}", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");

        // With the page's token it passes the door: the empty body is then the only problem.
        HttpResponse<String> real = browser.post("/api/runs", "{}", browser.cookie("XSRF-TOKEN"));
        assertThat(real.statusCode()).isEqualTo(400);

        HttpResponse<String> signedOut = browser.post("/logout", "", browser.cookie("XSRF-TOKEN"));
        assertThat(signedOut.statusCode()).isIn(204, 302);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theMapPagesSessionReachesTheMapLayersWhichAnonymousCannot() throws Exception {
        String capabilities = "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities";
        Browser anonymous = new Browser();
        HttpResponse<String> refused = anonymous.get(capabilities);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("ExceptionReport");
        assertThat(anonymous.get("/tiles/communities/14/0/0.mvt").statusCode()).isEqualTo(401);

        Browser browser = new Browser();
        browser.get("/login.html");
        browser.signIn(TestRoles.VIEWER, TestRoles.PASSWORD, browser.cookie("XSRF-TOKEN"));
        HttpResponse<String> allowed = browser.get(capabilities);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("WMS_Capabilities");
        assertThat(browser.get("/tiles/communities/14/0/0.mvt").statusCode()).isIn(200, 204);
    }

    @Test
    void scriptsAndMapClientsGetNoCsrfCookieWhilePagesDo() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/api/me", "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"}) {
            HttpResponse<Void> signed = client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", TestAccounts.adminBasic())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(signed.statusCode()).as(path).isEqualTo(200);
            assertThat(signed.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        HttpResponse<Void> page = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login.html")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    }

    @Test
    void basicCredentialsFromAnotherSitesPageDoNotSkipTheToken() throws Exception {
        HttpRequest crossSite = HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                .header("Authorization", TestAccounts.adminBasic())
                .header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        int status = HttpClient.newHttpClient()
                .send(crossSite, HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(status).isIn(401, 403);
    }

    /** A cookie-keeping client that does not follow redirects, so each answer can be checked. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header("X-Requested-With", "lifecircle")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String username, String password, String token)
                throws IOException, InterruptedException {
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }
}
