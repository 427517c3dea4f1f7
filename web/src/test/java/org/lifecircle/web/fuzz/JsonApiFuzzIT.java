package org.lifecircle.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes the JSON API of the running service on the demo town: every mutating endpoint gets bodies
 * derived from a valid one by {@link JsonMutator}, the read endpoints get odd query parameters and
 * path segments. Whatever arrives, the answer keeps the {@link Answers contract} (no 5xx, errors as
 * problem+json with a detail), and a refused request (4xx) leaves the database as it was ({@link
 * ApiState}). Accepted runs are cancelled and awaited at once, so the run queue stays empty and no
 * run finishes behind a later request's back.
 *
 * <p>Seeds and tries are fixed ({@link Fuzzing}); inputs that once broke the contract are kept as
 * fixed examples at the end.
 */
class JsonApiFuzzIT extends TownIntegrationTest {
    private static final long SEED = 20_260_722L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FUZZ_ACCOUNT = "fuzz-target";
    private static final List<String> RUN_KINDS = List.of(
            "service-areas", "coverage", "siting", "accessibility", "community-centres", "boundary-proposal", "grids");

    private long planId;
    private List<Integer> planKeys;
    private List<Long> planCells;
    private long communityId;
    private String lonLat;
    private List<String> accountsBefore;

    @BeforeAll
    void prepare() {
        accountsBefore = jdbc.queryForList("SELECT username FROM app_account", String.class);
        HttpJson.Answer plan = http.post("/api/plans", "{\"name\": \"fuzz\"}");
        assertThat(plan.status()).isEqualTo(201);
        planId = plan.body().get("id").asLong();
        planKeys = jdbc.queryForList(
                "SELECT key FROM plan_community WHERE plan_id = ? ORDER BY key LIMIT 5", Integer.class, planId);
        planCells = jdbc.queryForList(
                "SELECT cell_id FROM plan_cell WHERE plan_id = ? ORDER BY cell_id LIMIT 5", Long.class, planId);
        communityId = count("SELECT MIN(id) FROM community WHERE valid_to IS NULL");
        lonLat = jdbc.queryForObject(
                "SELECT ST_X(geom) || ',' || ST_Y(geom) FROM facility ORDER BY id LIMIT 1", String.class);
        HttpJson.Answer account = http.post(
                "/api/accounts",
                "{\"username\": \"" + FUZZ_ACCOUNT
                        + "\", \"password\": \"fuzz-target-password\", \"role\": \"viewer\"}");
        assertThat(account.status()).isIn(201, 409);
    }

    /** Accounts the fuzzing made are removed: later tests count admins and list accounts. */
    @AfterAll
    void removeFuzzAccounts() {
        List<String> made = new ArrayList<>(jdbc.queryForList("SELECT username FROM app_account", String.class));
        made.removeAll(accountsBefore);
        for (String username : made) {
            jdbc.update("DELETE FROM app_account WHERE username = ?", username);
        }
    }

    @Test
    void runRequestsOfEveryKindAreAnsweredAndRefusedOnesStoreNothing() {
        fuzz("runs", 7 * 45, (random, attempt) -> {
            String kind = RUN_KINDS.get(attempt % RUN_KINDS.size());
            return new Request("POST", "/api/runs", new JsonMutator(random).body(validRun(kind)));
        });
    }

    @Test
    void whatIfRequestsAreAnsweredAndStoreNothing() {
        JsonNode valid = json("{\"type\": \"kindergarten\", \"lon\": " + lonLat.split(",")[0] + ", \"lat\": "
                + lonLat.split(",")[1] + ", \"threshold\": 300}");
        fuzz(
                "what-if",
                60,
                (random, attempt) -> new Request("POST", "/api/coverage/what-if", new JsonMutator(random).body(valid)));
    }

    @Test
    void planRequestsAreAnsweredAndRefusedOnesChangeNoPlan() {
        JsonNode create = json("{\"name\": \"fuzz plan\"}");
        JsonNode move = json(
                "{\"cells\": [" + planCells.get(0) + ", " + planCells.get(1) + "], \"to\": " + planKeys.get(1) + "}");
        JsonNode rebalance = json("{\"communities\": [" + planKeys.get(0) + "]}");
        fuzz("plans", 150, (random, attempt) -> {
            JsonMutator mutator = new JsonMutator(random);
            return switch (attempt % 3) {
                case 0 -> new Request("POST", "/api/plans", mutator.body(create));
                case 1 -> new Request("POST", "/api/plans/" + planSegment(random) + "/moves", mutator.body(move));
                default ->
                    new Request("POST", "/api/plans/" + planSegment(random) + "/rebalance", mutator.body(rebalance));
            };
        });
    }

    @Test
    void accountRequestsAreAnsweredAndRefusedOnesChangeNoAccount() {
        JsonNode create = json("{\"username\": \"fz-made\", \"password\": \"a long password\", \"role\": \"planner\"}");
        JsonNode change = json("{\"role\": \"planner\", \"enabled\": true, \"password\": \"another password\"}");
        fuzz("accounts", 80, (random, attempt) -> {
            JsonMutator mutator = new JsonMutator(random);
            if (attempt % 2 == 0) {
                return new Request("POST", "/api/accounts", mutator.body(create));
            }
            // Never the admin the tests sign in with: a valid change of its password would lock them out.
            String target = random.nextInt(4) == 0 ? oddSegment(random) : FUZZ_ACCOUNT;
            return new Request("PATCH", "/api/accounts/" + target, mutator.body(change));
        });
    }

    @Test
    void oddQueryParametersAndPathSegmentsOfReadEndpointsAreAnswered() {
        fuzz("reads", 200, (random, attempt) -> new Request("GET", QueryFuzz.path(random, attempt), null));
    }

    /**
     * Inputs that broke the contract before their fixes: 500s from Jackson's {@code asInt()} and
     * {@code asLong()} beyond their range and from U+0000 in text PostgreSQL stores, 500s from
     * parameter names Tomcat or Spring Security refuse when first read, HTML or Spring Boot JSON
     * instead of problem+json for requests refused before Spring, a detail quoting a whole 200,000
     * character value. {@code {plan}} stands for the plan made for fuzzing.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "POST /api/runs {\"kind\": \"boundary-proposal\", \"max\": -9223372036854775809}",
                "POST /api/runs {\"kind\": \"service-areas\", \"minutes\": [4294967297]}",
                "POST /api/runs {\"kind\": \"grids\", \"community\": 9223372036854775808}",
                "POST /api/runs {\"kind\": \"boundary-proposal\", \"name\": \"a\\u0000b\"}",
                "POST /api/plans {\"name\": \"\\u0000\"}",
                "POST /api/plans/{plan}/moves {\"cells\": [9223372036854775808], \"to\": 1}",
                "POST /api/plans/{plan}/moves {\"cells\": [1], \"to\": 2147483648}",
                "POST /api/plans/{plan}/rebalance {\"communities\": [4294967297]}",
                "POST /api/plans/%2F/moves {\"cells\": [1], \"to\": 1}",
                "POST /api/plans/%00/moves {\"cells\": [1], \"to\": 1}",
                "PATCH /api/accounts/%0D%0A",
                "GET /api/facilities?type=%00",
                "GET /api/plans?a%00b=1",
                "GET /api/population-cells?bbox=1,2,3,4&%0D%0A=1",
                "GET /api/road-edges?bbox=1,2,3,4&=json",
                "GET /api/audit?actor=%00"
            })
    void inputsThatOnceBrokeTheContractKeepIt(String example) {
        String[] parts = example.replace("{plan}", String.valueOf(planId)).split(" ", 3);
        Request request = new Request(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
        Verdict verdict = send(request);
        assertThat(verdict.breach()).as(request.toString()).isNull();
        assertThat(verdict.status()).as(request.toString()).isBetween(400, 499);
    }

    @Test
    void requestsTooLongForTomcatAreRefusedAsProblemsWithAShortDetail() {
        assertThat(send(new Request("GET", "/api/runs?limit=" + "9".repeat(20_000), null))
                        .breach())
                .isNull();
        String hugeValue = "{\"type\": \"kindergarten\", \"lon\": 118.8, \"lat\": \"" + "x".repeat(200_000) + "\"}";
        HttpJson.Answer answer = http.post("/api/coverage/what-if", hugeValue);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("detail").asString()).hasSizeLessThan(1_100);
    }

    /**
     * A cancel that lands between the executor's check and its update of the run used to violate
     * the run table's time check, and the run ended "failed" with that SQL error.
     */
    @Test
    void aRunCancelledAsSoonAsItIsAcceptedEndsCancelledOrSucceeded() {
        for (int i = 0; i < 15; i++) {
            HttpJson.Answer accepted = http.post("/api/runs", "{\"kind\": \"community-centres\"}");
            assertThat(accepted.status()).isEqualTo(202);
            JsonNode run = cancelAndAwait(accepted.body().get("id").asLong());
            assertThat(run.get("status").asString()).as(run.toString()).isIn("cancelled", "succeeded");
        }
    }

    private JsonNode validRun(String kind) {
        String[] point = lonLat.split(",");
        return json(
                switch (kind) {
                    case "service-areas" ->
                        "{\"kind\": \"service-areas\", \"types\": [\"kindergarten\", \"market\"], \"minutes\": [5, 10],"
                                + " \"mode\": \"circle\", \"speed\": 1.1, \"offNetworkAllowance\": 50}";
                    case "coverage" ->
                        "{\"kind\": \"coverage\", \"types\": [\"kindergarten\"], \"thresholds\": {\"kindergarten\": 300},"
                                + " \"speed\": 1.0, \"minGapHouseholds\": 10}";
                    case "siting" ->
                        "{\"kind\": \"siting\", \"type\": \"kindergarten\", \"sites\": 2, \"targetPercent\": 90,"
                                + " \"threshold\": 300, \"candidates\": [[" + point[0] + ", " + point[1] + "]],"
                                + " \"maxCandidates\": 50}";
                    case "accessibility" ->
                        "{\"kind\": \"accessibility\", \"type\": \"kindergarten\", \"method\": \"gaussian\","
                                + " \"catchment\": 500, \"supply\": \"count\", \"demand\": \"children\"}";
                    case "community-centres" -> "{\"kind\": \"community-centres\"}";
                    case "boundary-proposal" ->
                        "{\"kind\": \"boundary-proposal\", \"name\": \"fuzz\", \"fromScratch\": false, \"min\": 1000,"
                                + " \"target\": 3000, \"max\": 5000, \"seed\": 7, \"timeLimitSeconds\": 1,"
                                + " \"scope\": \"around-violations\", \"balanceWeight\": 1, \"compactnessWeight\": 1,"
                                + " \"changeWeight\": 1, \"arterialsForIslands\": true}";
                    default ->
                        "{\"kind\": \"grids\", \"name\": \"fuzz\", \"community\": " + communityId + ", \"min\": 300,"
                                + " \"target\": 400, \"max\": 500, \"seed\": 7, \"timeLimitSeconds\": 1,"
                                + " \"arterialsForIslands\": true}";
                });
    }

    /** Mostly the plan made for fuzzing; now and then an id that is no plan or no number. */
    private String planSegment(Random random) {
        return random.nextInt(5) == 0 ? oddSegment(random) : String.valueOf(planId);
    }

    private static String oddSegment(Random random) {
        String odd = random.nextBoolean() ? OddValues.number(random) : OddValues.text(random);
        if (odd.toLowerCase(Locale.ROOT).equals("admin")) {
            odd = "nobody";
        }
        return QueryFuzz.encode(odd);
    }

    record Request(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    /** Sends {@code tries} requests drawn by {@code requests} and checks each answer and the database. */
    private void fuzz(String property, int fixedTries, RequestSource requests) {
        Fuzzing fuzzing = Fuzzing.of("JsonApiFuzzIT." + property, SEED, fixedTries);
        Random random = fuzzing.random();
        for (int attempt = 0; attempt < fuzzing.tries(); attempt++) {
            Request request = requests.next(random, attempt);
            Verdict verdict = send(request);
            fuzzing.outcome(String.valueOf(verdict.status()));
            if (verdict.breach() != null) {
                fuzzing.finding(attempt, request.toString(), verdict.breach());
            }
        }
        fuzzing.assertNone();
    }

    /**
     * Sends one request; why it broke the contract, or {@code null}. An accepted run is cancelled
     * and awaited, so it neither piles up nor stores results during a later request.
     */
    private Verdict send(Request request) {
        ApiState before = ApiState.of(jdbc, planId);
        HttpJson.Raw answer = http.exchange(request.method(), request.path(), request.body());
        String contentType = answer.headers().firstValue("Content-Type").orElse(null);
        String breach = Answers.breach(answer.status(), contentType, answer.body());
        if (breach == null && answer.status() >= 400) {
            ApiState after = ApiState.of(jdbc, planId);
            if (!after.equals(before)) {
                breach = "refused with " + answer.status() + " but changed the database: " + before + " -> " + after;
            }
        }
        if (answer.status() == 202 && request.path().equals("/api/runs")) {
            JsonNode run = cancelAndAwait(JSON.readTree(answer.body()).get("id").asLong());
            // A run fails for reasons of its own (no such community), never with our SQL.
            if (breach == null
                    && run.path("error").isString()
                    && run.get("error").asString().contains("SQL")) {
                breach = "the accepted run ended " + run.get("status") + ": " + run.get("error");
            }
        }
        return new Verdict(answer.status(), breach);
    }

    /** An answer's status and why it broke the contract, {@code null} when it kept it. */
    record Verdict(int status, String breach) {}

    private JsonNode cancelAndAwait(long runId) {
        http.post("/api/runs/" + runId + "/cancel", "");
        return runs.awaitFinished(runId);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @FunctionalInterface
    private interface RequestSource {
        Request next(Random random, int attempt);
    }

    /** Paths and query strings of the read endpoints, with odd values where the service expects others. */
    static final class QueryFuzz {
        private static final List<String> LAYERS = List.of("communities", "facilities", "population-cells", "x");
        private static final List<Endpoint> ENDPOINTS = List.of(
                new Endpoint("/api/communities", List.of("bbox", "at")),
                new Endpoint("/api/facilities", List.of("type", "bbox")),
                new Endpoint("/api/population-cells", List.of("bbox")),
                new Endpoint("/api/road-edges", List.of("bbox")),
                new Endpoint("/api/runs", List.of("limit", "kind", "status")),
                new Endpoint("/api/audit", List.of("actor", "action", "from", "to", "limit", "format")),
                new Endpoint("/api/plans", List.of()),
                new Endpoint("/api/summary", List.of()));
        private static final List<String> WELL_FORMED = List.of(
                "2026-01-31",
                "2026-01-31T08:00:00+08:00",
                "1970-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00+18:00",
                "0000-01-01",
                "118.7,32.0,118.9,32.1",
                "-180,-90,180,90",
                "1,2,3",
                "NaN,0,1,1",
                "1e400,0,1,1",
                ",,,",
                "0",
                "1",
                "500",
                "501",
                "100000",
                "succeeded",
                "service-areas",
                "csv",
                "json",
                "kindergarten");

        private record Endpoint(String path, List<String> parameters) {}

        static String path(Random random, int attempt) {
            if (attempt % 4 == 3) {
                return segmentPath(random);
            }
            Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            List<String> query = new ArrayList<>();
            for (String parameter : endpoint.parameters()) {
                if (random.nextBoolean()) {
                    query.add(parameter + "=" + encode(value(random)));
                }
            }
            if (random.nextInt(6) == 0) {
                query.add(encode(OddValues.text(random)) + "=" + encode(value(random)));
            }
            return endpoint.path() + (query.isEmpty() ? "" : "?" + String.join("&", query));
        }

        private static String segmentPath(Random random) {
            return switch (random.nextInt(4)) {
                case 0 ->
                    "/tiles/" + LAYERS.get(random.nextInt(LAYERS.size())) + "/" + number(random) + "/" + number(random)
                            + "/" + number(random) + ".mvt";
                case 1 -> "/api/runs/" + number(random);
                case 2 -> "/api/plans/" + number(random) + "/moves";
                default -> "/api/runs/" + number(random) + "/coverage/communities?type=" + encode(value(random));
            };
        }

        private static String number(Random random) {
            return random.nextInt(3) == 0 ? String.valueOf(random.nextInt(20)) : encode(OddValues.number(random));
        }

        private static String value(Random random) {
            return switch (random.nextInt(3)) {
                case 0 -> WELL_FORMED.get(random.nextInt(WELL_FORMED.size()));
                case 1 -> OddValues.number(random);
                default -> OddValues.text(random);
            };
        }

        static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
