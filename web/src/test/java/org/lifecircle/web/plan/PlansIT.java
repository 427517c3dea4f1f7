package org.lifecircle.web.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Boundary plans over real HTTP on the demo town in the real PostGIS: made from today's
 * communities or proposed by the engine, edited, undone, rebalanced, rejected move by move, and
 * adopted with the old boundaries kept. Each test starts from a freshly loaded town.
 */
class PlansIT extends TownIntegrationTest {

    @BeforeEach
    void reloadTown() {
        loadTown();
    }

    @Test
    void aPlanOfTodayHasNoMovesAndEachEditIsMeasuredJournaledAndUndoable() {
        long plan = createTodayPlan();
        JsonNode described = http.get("/api/plans/" + plan).body();
        assertThat(described.get("origin").asString()).isEqualTo("today");
        assertThat(described.get("communities").size())
                .isGreaterThanOrEqualTo((int) count("SELECT COUNT(*) FROM community WHERE valid_to IS NULL"));
        assertThat(http.get("/api/plans/" + plan + "/moves").body().size()).isZero();
        assertThat(http.get("/api/plans").body().get(0).get("id").asLong()).isEqualTo(plan);

        // A cell on the border of two communities moves to its neighbour.
        Map<String, Object> border = borderCell(plan);
        long cell = ((Number) border.get("cell_id")).longValue();
        int from = ((Number) border.get("from_key")).intValue();
        int to = ((Number) border.get("to_key")).intValue();
        JsonNode moved = http.post("/api/plans/" + plan + "/moves", "{\"cells\": [" + cell + "], \"to\": " + to + "}")
                .body();
        assertThat(moved.get("movedCells").asInt()).isEqualTo(1);
        assertThat(moved.get("micros").asLong()).isNotNegative();
        for (JsonNode community : moved.get("affected")) {
            int key = community.get("key").asInt();
            assertThat(key).isIn(from, to);
            assertThat(community.get("households").asLong()).isEqualTo(householdsOf(plan, key));
        }
        assertThat(http.get("/api/plans/" + plan + "/moves")
                        .body()
                        .get(0)
                        .get("cellId")
                        .asLong())
                .isEqualTo(cell);

        assertThat(http.post("/api/plans/" + plan + "/undo", "").status()).isEqualTo(200);
        assertThat(keyOf(plan, cell)).isEqualTo(from);
        assertThat(http.post("/api/plans/" + plan + "/redo", "").status()).isEqualTo(200);
        assertThat(keyOf(plan, cell)).isEqualTo(to);
        assertThat(http.post("/api/plans/" + plan + "/redo", "").status()).isEqualTo(409);
        // The journal keeps every edit, undo and redo included.
        assertThat(jdbc.queryForList("SELECT kind FROM plan_edit WHERE plan_id = ? ORDER BY seq", String.class, plan))
                .containsExactly("move", "undo", "redo");
    }

    @Test
    void anUntouchedPlanOfTodayAdoptsWithoutChangingAnything() {
        long plan = createTodayPlan();
        long rows = count("SELECT COUNT(*) FROM community");
        // Some demo communities are in pieces today; the plan does not change them, so they do
        // not block it.
        HttpJson.Answer adoption = http.post("/api/plans/" + plan + "/adopt", "");
        assertThat(adoption.status()).as(String.valueOf(adoption.body())).isEqualTo(200);
        assertThat(adoption.body().get("closedCommunities").asInt()).isZero();
        assertThat(adoption.body().get("insertedCommunities").asInt()).isZero();
        assertThat(count("SELECT COUNT(*) FROM community")).isEqualTo(rows);
    }

    @Test
    void movingCellsIntoANewCommunityAndRebalancingKeepsThePlannersCells() {
        long plan = createTodayPlan();
        // The ten most populous cells of the largest community form a new community.
        List<Long> cells = mostPopulousCellsOfLargestCommunity(plan, 10);
        JsonNode moved = http.post("/api/plans/" + plan + "/moves", "{\"cells\": " + cells + ", \"to\": null}")
                .body();
        int fresh = -1;
        for (JsonNode community : moved.get("affected")) {
            if (community.get("continuesCommunityId").isNull()) {
                fresh = community.get("key").asInt();
                assertThat(community.get("code").asString()).startsWith("P" + plan + "-");
                assertThat(community.get("name").asString()).contains("暂定");
            }
        }
        assertThat(fresh).isNotNegative();
        JsonNode rebalanced = http.post("/api/plans/" + plan + "/rebalance", "{\"communities\": [" + fresh + "]}")
                .body();
        assertThat(rebalanced.get("movedCells").asInt()).isPositive();
        for (long cell : cells) {
            assertThat(keyOf(plan, cell)).isEqualTo(fresh);
        }
        assertThat(householdsOf(plan, fresh)).isGreaterThan(0);
    }

    @Test
    void aProposalMakesAPlanWhoseMovesCanBeRejectedOneByOne() {
        long run = runs.finishedRun("{\"kind\": \"boundary-proposal\", \"seed\": 7}");
        JsonNode summary = http.get("/api/runs/" + run).body().get("summary");
        long plan = summary.get("planId").asLong();
        assertThat(summary.at("/after/outOfRange").asInt())
                .isLessThan(summary.at("/before/outOfRange").asInt());
        JsonNode moves = http.get("/api/plans/" + plan + "/moves").body();
        assertThat(moves.size()).isEqualTo(summary.get("moves").asInt()).isPositive();
        // Each move carries its cell's households; together they are the households the plan moves.
        long households = 0;
        for (JsonNode move : moves) {
            assertThat(move.get("households").asLong())
                    .as("households of cell " + move.get("cellId"))
                    .isEqualTo(count("SELECT households FROM population_cell WHERE id = "
                            + move.get("cellId").asLong()));
            households += move.get("households").asLong();
        }
        assertThat(households).isEqualTo(summary.at("/after/householdsMoved").asLong());

        JsonNode first = null;
        for (JsonNode move : moves) {
            if (first == null && move.get("rejectable").asBoolean()) {
                first = move;
            }
        }
        assertThat(first).as("a move back into a community the plan keeps").isNotNull();
        long cell = first.get("cellId").asLong();
        HttpJson.Answer rejection = http.post("/api/plans/" + plan + "/moves/" + cell + "/reject", "");
        assertThat(rejection.status()).as(String.valueOf(rejection.body())).isEqualTo(200);
        JsonNode rejected = rejection.body();
        assertThat(rejected.get("movedCells").asInt()).isEqualTo(1);
        Long continues = jdbc.queryForObject("""
                SELECT pc.continues_community_id FROM plan_cell c
                JOIN plan_community pc ON pc.plan_id = c.plan_id AND pc.key = c.community_key
                WHERE c.plan_id = ? AND c.cell_id = ?""", Long.class, plan, cell);
        assertThat(continues).isEqualTo(first.get("fromCommunityId").asLong());
        JsonNode left = http.get("/api/plans/" + plan + "/moves").body();
        assertThat(left.size()).isEqualTo(moves.size() - 1);
        long householdsLeft = 0;
        for (JsonNode move : left) {
            householdsLeft += move.get("households").asLong();
        }
        assertThat(householdsLeft)
                .isEqualTo(households - first.get("households").asLong());
        JsonNode geojson = http.get("/api/plans/" + plan + "/communities").body();
        assertThat(geojson.get("features").size())
                .isEqualTo(
                        http.get("/api/plans/" + plan).body().get("communities").size());
    }

    @Test
    void adoptingAPlanClosesTheChangedCommunitiesAndKeepsTheOldOnesRetrievableByDate() {
        long run = runs.finishedRun("{\"kind\": \"boundary-proposal\"}");
        long plan = http.get("/api/runs/" + run).body().at("/summary/planId").asLong();
        Set<String> before = codes(http.get("/api/communities").body());
        long rowsBefore = count("SELECT COUNT(*) FROM community");
        OffsetDateTime beforeAdoption = jdbc.queryForObject("SELECT now()", OffsetDateTime.class);

        HttpJson.Answer adoption = http.post("/api/plans/" + plan + "/adopt", "");
        assertThat(adoption.status()).as(String.valueOf(adoption.body())).isEqualTo(200);
        JsonNode adopted = adoption.body();
        assertThat(adopted.get("closedCommunities").asInt()).isPositive();
        assertThat(adopted.get("insertedCommunities").asInt()).isPositive();
        // Nothing is deleted: closed versions stay, new versions are added.
        assertThat(count("SELECT COUNT(*) FROM community"))
                .isEqualTo(rowsBefore + adopted.get("insertedCommunities").asLong());
        Set<String> then = codes(
                http.get("/api/communities?at=" + beforeAdoption.toString().replace("+", "%2B"))
                        .body());
        assertThat(then).isEqualTo(before);
        Set<String> now = codes(http.get("/api/communities").body());
        Set<String> planCodes = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT pc.code FROM plan_cell c JOIN plan_community pc ON pc.plan_id = c.plan_id"
                        + " AND pc.key = c.community_key WHERE c.plan_id = ?",
                String.class,
                plan));
        assertThat(now).isEqualTo(planCodes);

        assertThat(http.post("/api/plans/" + plan + "/adopt", "").status()).isEqualTo(409);
        assertThat(http.post("/api/plans/" + plan + "/undo", "").status()).isEqualTo(409);
        assertThat(http.get("/api/communities?at=yesterday").status()).isEqualTo(400);
    }

    @Test
    void cellsOfAPlanNameTheCommunityTheyAreInNow() {
        long plan = createTodayPlan();
        Map<String, Object> border = borderCell(plan);
        long cell = ((Number) border.get("cell_id")).longValue();
        int to = ((Number) border.get("to_key")).intValue();
        assertThat(http.post("/api/plans/" + plan + "/moves", "{\"cells\": [" + cell + "], \"to\": " + to + "}")
                        .status())
                .isEqualTo(200);

        JsonNode one = http.get("/api/plans/" + plan + "/cells/" + cell).body();
        assertThat(one.get("key").asInt()).isEqualTo(to);
        assertThat(one.get("moved").asBoolean()).isTrue();
        assertThat(one.get("households").asLong())
                .isEqualTo(count("SELECT households FROM population_cell WHERE id = " + cell));
        JsonNode target = http.get("/api/plans/" + plan).body().get("communities");
        for (JsonNode community : target) {
            if (community.get("key").asInt() == to) {
                assertThat(one.get("name").asString())
                        .isEqualTo(community.get("name").asString());
                assertThat(one.get("code").asString())
                        .isEqualTo(community.get("code").asString());
            }
        }

        // The cells of a box around it: every population cell there, each with its key now.
        Map<String, Object> box = jdbc.queryForMap("""
                SELECT ST_XMin(e) - 0.003 AS w, ST_YMin(e) - 0.003 AS s, ST_XMax(e) + 0.003 AS e, ST_YMax(e) + 0.003 AS n
                FROM (SELECT geom AS e FROM population_cell WHERE id = ?) x""", cell);
        String bbox = String.join(
                ",",
                List.of(box.get("w"), box.get("s"), box.get("e"), box.get("n")).stream()
                        .map(String::valueOf)
                        .toList());
        HttpJson.Answer answer = http.get("/api/plans/" + plan + "/cells?bbox=" + bbox);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/geo+json");
        JsonNode features = answer.body().get("features");
        assertThat((long) features.size())
                .isEqualTo(
                        count("SELECT COUNT(*) FROM population_cell WHERE geom && ST_MakeEnvelope(" + bbox + ", 4326)"))
                .isGreaterThan(1);
        int moved = 0;
        for (JsonNode feature : features) {
            long id = feature.at("/properties/id").asLong();
            assertThat(feature.at("/properties/key").asInt()).as("key of " + id).isEqualTo(keyOf(plan, id));
            moved += feature.at("/properties/moved").asBoolean() ? 1 : 0;
            if (id == cell) {
                assertThat(feature.at("/properties/moved").asBoolean()).isTrue();
            }
        }
        assertThat(moved).isEqualTo(1);

        assertThat(http.get("/api/plans/" + plan + "/cells").status()).isEqualTo(400);
        assertThat(http.get("/api/plans/" + plan + "/cells/987654321").status()).isEqualTo(404);
        assertThat(http.get("/api/plans/987654321/cells/" + cell).status()).isEqualTo(404);
        assertThat(http.get("/api/plans/987654321/cells?bbox=" + bbox).status()).isEqualTo(404);
    }

    @Test
    void aNewCommunityIsRenamedJournaledAuditedAndAdoptedUnderItsNewName() {
        long run = runs.finishedRun("{\"kind\": \"boundary-proposal\"}");
        long plan = http.get("/api/runs/" + run).body().at("/summary/planId").asLong();
        JsonNode described = http.get("/api/plans/" + plan).body();
        JsonNode fresh = null;
        JsonNode continued = null;
        for (JsonNode community : described.get("communities")) {
            if (community.get("cells").asInt() == 0) {
                continue;
            }
            if (community.get("continuesCommunityId").isNull()) {
                fresh = fresh == null ? community : fresh;
            } else {
                continued = continued == null ? community : continued;
            }
        }
        assertThat(fresh).as("the proposal creates a community").isNotNull();
        assertThat(fresh.get("name").asString()).contains("暂定");
        int key = fresh.get("key").asInt();
        String path = "/api/plans/" + plan + "/communities/" + key;
        String provisional = fresh.get("name").asString();

        HttpJson.Answer renamed = http.patch(path, "{\"name\": \"  滨江新城社区 \", \"code\": \"320105-NEW1\"}");
        assertThat(renamed.status()).as(String.valueOf(renamed.body())).isEqualTo(200);
        assertThat(renamed.body().get("name").asString()).isEqualTo("滨江新城社区");
        assertThat(renamed.body().get("code").asString()).isEqualTo("320105-NEW1");
        assertThat(renamed.body().get("households").asLong())
                .isEqualTo(fresh.get("households").asLong());
        assertThat(http.patch(path, "{\"name\": \"滨江社区\"}").body().get("code").asString())
                .isEqualTo("320105-NEW1");
        // Shown everywhere the plan names its communities.
        for (JsonNode community : http.get("/api/plans/" + plan).body().get("communities")) {
            if (community.get("key").asInt() == key) {
                assertThat(community.get("name").asString()).isEqualTo("滨江社区");
            }
        }
        for (JsonNode feature :
                http.get("/api/plans/" + plan + "/communities").body().get("features")) {
            if (feature.at("/properties/key").asInt() == key) {
                assertThat(feature.at("/properties/code").asString()).isEqualTo("320105-NEW1");
            }
        }
        // The journal keeps every name the community had, the audit log who gave it.
        assertThat(jdbc.queryForList(
                        "SELECT former_name || ' > ' || name FROM plan_community_rename WHERE plan_id = ? ORDER BY seq",
                        String.class,
                        plan))
                .containsExactly(provisional + " > 滨江新城社区", "滨江新城社区 > 滨江社区");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'plan.community-renamed' AND target = 'plan:"
                        + plan + "' AND detail->>'formerName' = '" + provisional + "'"))
                .isEqualTo(1);

        // Refused, and nothing changes: bad names and codes, a community of today, a taken code.
        String tooLong = "社".repeat(65);
        Map<String, Integer> refused = new java.util.LinkedHashMap<>();
        refused.put("{}", 400);
        refused.put("[]", 400);
        refused.put("{\"name\": \"   \"}", 400);
        refused.put("{\"name\": \"" + tooLong + "\"}", 400);
        refused.put("{\"name\": 7}", 400);
        refused.put("{\"name\": null}", 400);
        refused.put("{\"name\": \"a\\u0007b\"}", 400);
        refused.put("{\"code\": \"320105 NEW\"}", 400);
        refused.put("{\"code\": \"" + "1".repeat(33) + "\"}", 400);
        refused.put("{\"name\": \"x\", \"colour\": 1}", 400);
        refused.put("{\"code\": \"" + continued.get("code").asString() + "\"}", 409);
        for (Map.Entry<String, Integer> bad : refused.entrySet()) {
            HttpJson.Answer answer = http.patch(path, bad.getKey());
            assertThat(answer.status()).as(bad.getKey()).isEqualTo(bad.getValue());
            assertThat(answer.contentType()).as(bad.getKey()).startsWith("application/problem+json");
        }
        assertThat(http.patch(
                                "/api/plans/" + plan + "/communities/"
                                        + continued.get("key").asInt(),
                                "{\"name\": \"x\"}")
                        .status())
                .isEqualTo(409);
        assertThat(http.patch("/api/plans/" + plan + "/communities/9999", "{\"name\": \"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(http.patch("/api/plans/987654321/communities/0", "{\"name\": \"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM plan_community_rename WHERE plan_id = " + plan))
                .isEqualTo(2);

        // Adopted under its new name and code; an adopted plan is no longer renamed.
        HttpJson.Answer adoption = http.post("/api/plans/" + plan + "/adopt", "");
        assertThat(adoption.status()).as(String.valueOf(adoption.body())).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT name FROM community WHERE code = '320105-NEW1' AND valid_to IS NULL", String.class))
                .isEqualTo("滨江社区");
        assertThat(http.patch(path, "{\"name\": \"又一个名字\"}").status()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM plan_community_rename WHERE plan_id = " + plan))
                .isEqualTo(2);
    }

    @Test
    void withArterialsClosedTheProposalNeverJoinsAcrossOne() {
        long run = runs.finishedRun("{\"kind\": \"boundary-proposal\", \"arterialsForIslands\": false}");
        JsonNode summary = http.get("/api/runs/" + run).body().get("summary");
        assertThat(summary.get("openedArterialLinks").asInt()).isZero();
        long open = runs.finishedRun("{\"kind\": \"boundary-proposal\"}");
        JsonNode opened = http.get("/api/runs/" + open).body().get("summary");
        // On the demo town arterials enclose areas under 1,000 households: joining them helps.
        assertThat(opened.get("openedArterialLinks").asInt()).isPositive();
        assertThat(opened.at("/after/outOfRange").asInt())
                .isLessThan(summary.at("/after/outOfRange").asInt());
    }

    @Test
    void communitiesAreProposedFromScratchAndCommunitiesAreDividedIntoGrids() {
        long scratchRun = runs.finishedRun("{\"kind\": \"boundary-proposal\", \"fromScratch\": true}");
        long scratch =
                http.get("/api/runs/" + scratchRun).body().at("/summary/planId").asLong();
        JsonNode plan = http.get("/api/plans/" + scratch).body();
        assertThat(plan.get("origin").asString()).isEqualTo("scratch");
        for (JsonNode community : plan.get("communities")) {
            assertThat(community.get("continuesCommunityId").isNull()).isTrue();
        }
        assertThat(http.get("/api/plans/" + scratch + "/moves").body().size()).isPositive();

        long largest = jdbc.queryForObject("""
                SELECT c.id FROM community c JOIN population_cell p ON ST_Intersects(c.geom, p.centroid)
                WHERE c.valid_to IS NULL GROUP BY c.id ORDER BY SUM(p.households) DESC LIMIT 1""", Long.class);
        long gridRun = runs.finishedRun("{\"kind\": \"grids\", \"community\": " + largest + "}");
        long grids =
                http.get("/api/runs/" + gridRun).body().at("/summary/planId").asLong();
        JsonNode gridPlan = http.get("/api/plans/" + grids).body();
        assertThat(gridPlan.get("origin").asString()).isEqualTo("grids");
        int inRange = 0;
        for (JsonNode grid : gridPlan.get("communities")) {
            assertThat(grid.get("name").asString()).startsWith("网格");
            if (grid.get("status").asString().equals("in_range")) {
                inRange++;
            }
        }
        assertThat(inRange).isGreaterThan(gridPlan.get("communities").size() / 2);
        assertThat(count("SELECT COUNT(*) FROM plan_cell WHERE plan_id = " + grids))
                .isEqualTo(count("""
                        SELECT COUNT(*) FROM population_cell p JOIN community c ON ST_Intersects(c.geom, p.centroid)
                        WHERE c.id = %d""".formatted(largest)));
        assertThat(http.post("/api/plans/" + grids + "/adopt", "").status()).isEqualTo(409);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"cells\": [], \"to\": 0}",
                "{\"cells\": [987654321], \"to\": 0}",
                "{\"cells\": [\"a\"], \"to\": 0}",
                "{\"to\": 0}",
                "{\"cells\": [1]}",
                "{\"cells\": [1], \"to\": 99999}",
                "{\"cells\": [1], \"to\": 0, \"colour\": 1}"
            })
    void badEditsAreRefusedAndChangeNothing(String body) {
        long plan = createTodayPlan();
        String fix = body.replace("[1]", "[" + anyCell(plan) + "]");
        HttpJson.Answer answer = http.post("/api/plans/" + plan + "/moves", fix);
        assertThat(answer.status()).as(fix).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(count("SELECT COUNT(*) FROM plan_edit WHERE plan_id = " + plan))
                .isZero();
    }

    @Test
    void unknownPlansAndBadRunRequestsAreRefused() {
        assertThat(http.get("/api/plans/987654321").status()).isEqualTo(404);
        assertThat(http.post("/api/runs", "{\"kind\": \"boundary-proposal\", \"min\": 6000, \"max\": 5000}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/runs", "{\"kind\": \"grids\"}").status()).isEqualTo(400);
        assertThat(http.post("/api/runs", "{\"kind\": \"boundary-proposal\", \"arterialsForIslands\": \"yes\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/runs", "{\"kind\": \"boundary-proposal\", \"timeLimitSeconds\": 0}")
                        .status())
                .isEqualTo(400);
    }

    private long createTodayPlan() {
        HttpJson.Answer created = http.post("/api/plans", "{\"name\": \"测试方案\"}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    /** A cell on the border of two communities of the plan (cell_id, from_key) and its neighbour's to_key. */
    private Map<String, Object> borderCell(long plan) {
        return jdbc.queryForMap("""
                SELECT a.cell_id, b.community_key AS to_key, a.community_key AS from_key
                FROM plan_cell a
                JOIN population_cell pa ON pa.id = a.cell_id
                JOIN plan_cell b ON b.plan_id = a.plan_id AND b.community_key <> a.community_key
                JOIN population_cell pb ON pb.id = b.cell_id
                WHERE a.plan_id = ? AND ST_Length(ST_Intersection(ST_Boundary(pa.geom), ST_Boundary(pb.geom))) > 0
                ORDER BY a.cell_id, b.cell_id LIMIT 1""", plan);
    }

    private long anyCell(long plan) {
        return jdbc.queryForObject("SELECT MIN(cell_id) FROM plan_cell WHERE plan_id = ?", Long.class, plan);
    }

    private int keyOf(long plan, long cell) {
        return jdbc.queryForObject(
                "SELECT community_key FROM plan_cell WHERE plan_id = ? AND cell_id = ?", Integer.class, plan, cell);
    }

    private long householdsOf(long plan, int key) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(p.households), 0) FROM plan_cell c JOIN population_cell p ON p.id = c.cell_id
                WHERE c.plan_id = ? AND c.community_key = ?""", Long.class, plan, key);
    }

    private static Set<String> codes(JsonNode collection) {
        Set<String> codes = new HashSet<>();
        for (JsonNode feature : collection.get("features")) {
            codes.add(feature.at("/properties/code").asString());
        }
        return codes;
    }
}
