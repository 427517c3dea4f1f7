package org.lifecircle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TestAccounts;
import org.lifecircle.web.TownIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the service × every role and no account: allowed or refused as {@link Role}
 * says. The matrix must name every endpoint the service maps, so a new endpoint cannot slip in
 * without a decision.
 *
 * <p>Allowed requests are chosen so they change nothing (an unknown id, a bad body): what counts is
 * that they pass the door, i.e. answer neither 401 nor 403.
 */
class AuthorizationMatrixIT extends TownIntegrationTest {
    private enum Need {
        NOBODY,
        VIEWER,
        PLANNER,
        ADMIN
    }

    /** One endpoint: its mapping, a harmless request to it, and the least role it needs. */
    private record Endpoint(String method, String pattern, String path, String body, Need need) {}

    private static final String NO_ID = "999999";
    private static final List<Endpoint> MATRIX = List.of(
            get("/api/ui/messages/{language}", "/api/ui/messages/zh", Need.NOBODY),
            get("/api/ui/config", "/api/ui/config", Need.VIEWER),
            get("/api/summary", "/api/summary", Need.VIEWER),
            get("/api/facility-types", "/api/facility-types", Need.VIEWER),
            get("/api/communities", "/api/communities", Need.VIEWER),
            get("/api/facilities", "/api/facilities", Need.VIEWER),
            get("/api/barriers", "/api/barriers", Need.VIEWER),
            get("/api/road-edges", "/api/road-edges?bbox=118.7,32.0,118.71,32.01", Need.VIEWER),
            get("/api/population-cells", "/api/population-cells?bbox=118.7,32.0,118.71,32.01", Need.VIEWER),
            get("/api/runs", "/api/runs", Need.VIEWER),
            get("/api/runs/{id}", "/api/runs/" + NO_ID, Need.VIEWER),
            get("/api/runs/{id}/service-areas", "/api/runs/" + NO_ID + "/service-areas", Need.VIEWER),
            get("/api/runs/{id}/coverage/cells", "/api/runs/" + NO_ID + "/coverage/cells?type=clinic", Need.VIEWER),
            get("/api/runs/{id}/coverage/gaps", "/api/runs/" + NO_ID + "/coverage/gaps?type=clinic", Need.VIEWER),
            get("/api/runs/{id}/coverage/communities", "/api/runs/" + NO_ID + "/coverage/communities", Need.VIEWER),
            get("/api/runs/{id}/standards", "/api/runs/" + NO_ID + "/standards", Need.VIEWER),
            get("/api/runs/{id}/sites", "/api/runs/" + NO_ID + "/sites", Need.VIEWER),
            get("/api/runs/{id}/community-centres", "/api/runs/" + NO_ID + "/community-centres", Need.VIEWER),
            get("/api/runs/{id}/accessibility/cells", "/api/runs/" + NO_ID + "/accessibility/cells", Need.VIEWER),
            get("/api/plans", "/api/plans", Need.VIEWER),
            get("/api/plans/{id}", "/api/plans/" + NO_ID, Need.VIEWER),
            get("/api/plans/{id}/communities", "/api/plans/" + NO_ID + "/communities", Need.VIEWER),
            get("/api/plans/{id}/moves", "/api/plans/" + NO_ID + "/moves", Need.VIEWER),
            get("/api/plans/{id}/cells", "/api/plans/" + NO_ID + "/cells?bbox=118.7,32.0,118.71,32.01", Need.VIEWER),
            get("/api/plans/{id}/cells/{cellId}", "/api/plans/" + NO_ID + "/cells/1", Need.VIEWER),
            get("/api/me", "/api/me", Need.VIEWER),
            get("/tiles/{layer}/{z}/{x}/{y}.mvt", "/tiles/communities/0/0/0.mvt", Need.VIEWER),
            get("/ogc", "/ogc?SERVICE=WMS&REQUEST=GetCapabilities", Need.VIEWER),
            post("/ogc", "/ogc?SERVICE=WFS&REQUEST=GetCapabilities", null, Need.VIEWER),
            get("/ogc/api/**", "/ogc/api/collections?f=json", Need.VIEWER),
            get("/ogc/schemas/**", "/ogc/schemas/wfs/2.0/wfs.xsd", Need.NOBODY),
            post("/api/coverage/what-if", "/api/coverage/what-if", "{}", Need.VIEWER),
            post("/api/me/password", "/api/me/password", "{}", Need.VIEWER),
            post("/api/runs", "/api/runs", "{}", Need.PLANNER),
            post("/api/runs/{id}/cancel", "/api/runs/" + NO_ID + "/cancel", null, Need.PLANNER),
            post("/api/plans", "/api/plans", "{\"unknown\": 1}", Need.PLANNER),
            post("/api/plans/{id}/moves", "/api/plans/" + NO_ID + "/moves", "{}", Need.PLANNER),
            post("/api/plans/{id}/undo", "/api/plans/" + NO_ID + "/undo", null, Need.PLANNER),
            post("/api/plans/{id}/redo", "/api/plans/" + NO_ID + "/redo", null, Need.PLANNER),
            post("/api/plans/{id}/rebalance", "/api/plans/" + NO_ID + "/rebalance", "{}", Need.PLANNER),
            post(
                    "/api/plans/{id}/moves/{cellId}/reject",
                    "/api/plans/" + NO_ID + "/moves/1/reject",
                    null,
                    Need.PLANNER),
            new Endpoint(
                    "PATCH",
                    "/api/plans/{id}/communities/{key}",
                    "/api/plans/" + NO_ID + "/communities/0",
                    "{\"name\": \"x\"}",
                    Need.PLANNER),
            post("/api/plans/{id}/adopt", "/api/plans/" + NO_ID + "/adopt", null, Need.ADMIN),
            post("/api/imports/{kind}", "/api/imports/population", "{}", Need.ADMIN),
            get("/api/accounts", "/api/accounts", Need.ADMIN),
            post("/api/accounts", "/api/accounts", "{}", Need.ADMIN),
            get("/api/accounts/{username}", "/api/accounts/nobody", Need.ADMIN),
            new Endpoint("PATCH", "/api/accounts/{username}", "/api/accounts/nobody", "{}", Need.ADMIN),
            get("/api/audit", "/api/audit?limit=1", Need.ADMIN));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Map<Need, HttpJson> clients;

    @BeforeAll
    void accounts() {
        TestRoles.ensure(http);
        clients = Map.of(
                Need.NOBODY, HttpJson.anonymous(port),
                Need.VIEWER, HttpJson.signedIn(port, TestRoles.VIEWER, TestRoles.PASSWORD),
                Need.PLANNER, HttpJson.signedIn(port, TestRoles.PLANNER, TestRoles.PASSWORD),
                Need.ADMIN, HttpJson.signedIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD));
    }

    @Test
    void theMatrixNamesEveryEndpointTheServiceMaps() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // Spring Boot's error page, reached only by forwarding
                }
                for (RequestMethod method : methods) {
                    mapped.add(method + " " + pattern);
                }
            }
        }
        Set<String> listed =
                MATRIX.stream().map(e -> e.method() + " " + e.pattern()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(mapped);
    }

    @Test
    void everyEndpointAdmitsExactlyTheRolesItShould() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : MATRIX) {
            for (Need who : Need.values()) {
                HttpJson.Raw answer = clients.get(who).exchange(endpoint.method(), endpoint.path(), endpoint.body());
                boolean allowed = who.compareTo(endpoint.need()) >= 0;
                int refusal = who == Need.NOBODY ? 401 : 403;
                boolean ok = allowed
                        ? answer.status() != 401 && answer.status() != 403 && answer.status() < 500
                        : answer.status() == refusal;
                if (!ok) {
                    wrong.add(who + " " + endpoint.method() + " " + endpoint.path() + " → " + answer.status() + " "
                            + new String(answer.body(), StandardCharsets.UTF_8)
                                    .substring(0, Math.min(200, answer.body().length)));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void refusalsSpeakTheClientsLanguage() {
        HttpJson anonymous = clients.get(Need.NOBODY);
        HttpJson.Raw api = anonymous.getRaw("/api/summary");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic realm=\"lifecircle\"");

        HttpJson.Raw ogc = anonymous.getRaw("/ogc?SERVICE=WMS&REQUEST=GetCapabilities");
        assertThat(ogc.status()).isEqualTo(401);
        assertThat(new String(ogc.body(), StandardCharsets.UTF_8)).contains("ows:ExceptionReport");
        assertThat(ogc.headers().firstValue("WWW-Authenticate")).isPresent();

        HttpJson.Raw page = anonymous.getRaw("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login.html");
        assertThat(anonymous.getRaw("/login.html").status()).isEqualTo(200);
        assertThat(anonymous.getRaw("/actuator/health").status()).isEqualTo(200);

        HttpJson.Raw forbidden = clients.get(Need.VIEWER).exchange("POST", "/api/runs", "{}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(new String(forbidden.body(), StandardCharsets.UTF_8)).contains("role");

        HttpJson.Raw wrongPassword =
                HttpJson.signedIn(port, TestRoles.VIEWER, "not-the-password").getRaw("/api/summary");
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    private static Endpoint get(String pattern, String path, Need need) {
        return new Endpoint("GET", pattern, path, null, need);
    }

    private static Endpoint post(String pattern, String path, String body, Need need) {
        return new Endpoint("POST", pattern, path, body, need);
    }
}
