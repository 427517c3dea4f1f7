package org.lifecircle.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.HttpJson;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The boundary editor of the map page in headless Chromium against the running service and a
 * freshly loaded demo town: every number the page shows is checked against the plans API.
 */
class PlanEditorPageIT extends SignedInPageTest {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final List<String> MEASURES =
            List.of("communities", "outOfRange", "meanAbsoluteDeviation", "householdsMoved", "meanPolsbyPopper");

    /** Each test edits or adopts: a fresh town, and the page opened on it in Chinese. */
    @BeforeEach
    void loadTownAndOpenPage() {
        loadTown();
        browser.driver.get("http://127.0.0.1:" + port + "/");
        // Set Chinese once the page is ready: while starting it writes back its present language.
        awaitPageReady();
        browser.driver.executeScript(
                "localStorage.setItem('lifecircle.lang', 'zh'); localStorage.removeItem('lifecircle.plans');");
        browser.driver.navigate().refresh();
        awaitPageReady();
        // Facility symbols would catch the clicks meant for the communities under them.
        find("#layer-facilities").click();
    }

    @Test
    void cellsBrushedIntoANeighbourShowTheServicesTalliesAndUndoRestoresThem() {
        find("#plan-create").click();
        waitUntil(
                "the plan opens", () -> !attribute("#plan-section", "data-plan").isEmpty());
        long plan = Long.parseLong(attribute("#plan-section", "data-plan"));
        JsonNode before = http.get("/api/plans/" + plan).body();
        assertThat(before.get("origin").asString()).isEqualTo("today");
        assertThat(browser.driver.findElements(By.cssSelector("#plan-table tbody tr")))
                .hasSize(before.get("communities").size());
        assertThat(text("#plan-message")).contains("#" + plan);

        // A cell of community N touching community T, with a second cell of N beyond it.
        // Lateral joins, so the spatial index answers each cell's neighbours (a plain self-join of
        // the cells takes tens of seconds on a fresh, unanalysed database); statistics of the plan's
        // cells first, as the plans of earlier tests may have left plan_cell unanalysed and large.
        jdbc.execute("ANALYZE plan_cell, population_cell");
        Map<String, Object> border = jdbc.queryForMap("""
                SELECT a.key AS from_key, b.key AS to_key, ST_X(a.centroid) AS ax, ST_Y(a.centroid) AS ay,
                       ST_X(b.centroid) AS bx, ST_Y(b.centroid) AS by
                FROM (SELECT c.cell_id, c.community_key AS key, p.geom, p.centroid, p.households
                      FROM plan_cell c JOIN population_cell p ON p.id = c.cell_id WHERE c.plan_id = ?) a
                CROSS JOIN LATERAL (
                    SELECT p.centroid, c.community_key AS key FROM population_cell p
                    JOIN plan_cell c ON c.plan_id = ? AND c.cell_id = p.id
                    WHERE p.geom && a.geom AND c.community_key <> a.key
                      AND ST_Length(ST_Intersection(ST_Boundary(a.geom), ST_Boundary(p.geom))) > 0
                    ORDER BY p.id LIMIT 1) b
                CROSS JOIN LATERAL (
                    SELECT 1 FROM population_cell p JOIN plan_cell c ON c.plan_id = ? AND c.cell_id = p.id
                    WHERE c.community_key = a.key AND ST_Contains(p.geom, ST_Translate(a.centroid,
                        ST_X(a.centroid) - ST_X(b.centroid), ST_Y(a.centroid) - ST_Y(b.centroid)))
                    LIMIT 1) beyond
                ORDER BY a.households DESC, a.cell_id LIMIT 1""", plan, plan, plan);
        int from = ((Number) border.get("from_key")).intValue();
        int to = ((Number) border.get("to_key")).intValue();
        double[] a = {number(border, "ax"), number(border, "ay")};
        double[] b = {number(border, "bx"), number(border, "by")};

        centreMapOn(a, 16);
        long[] target = pixelOffsetFromCentre(b);
        new Actions(browser.driver)
                .moveToElement(find("#map"), (int) target[0], (int) target[1])
                .click()
                .perform();
        waitUntil("target chosen", () -> attribute("#plan-target", "data-key").equals(Integer.toString(to)));
        assertThat(find("#plan-table tr.target").getAttribute("data-code"))
                .isEqualTo(community(before, to).get("code").asString());

        // The brush: press on the neighbour's cell, drag three cell widths into it, release.
        find("#plan-tool-brush").click();
        assertThat(find("#plan-tool-brush").getAttribute("aria-pressed")).isEqualTo("true");
        int edits = Integer.parseInt(attribute("#plan-section", "data-edits"));
        Actions stroke = new Actions(browser.driver).moveToElement(find("#map")).clickAndHold();
        for (int step = 0; step < 3; step++) {
            stroke.moveByOffset((int) -target[0], (int) -target[1]);
        }
        stroke.perform();
        assertThat(text("#plan-stroke"))
                .endsWith(community(before, to).get("name").asString());
        new Actions(browser.driver).release().perform();
        awaitEdit("move", edits + 1);

        JsonNode after = http.get("/api/plans/" + plan).body();
        int moved = Integer.parseInt(attribute("#plan-edit-result", "data-moved"));
        assertThat(moved).as("cells of the neighbour brushed over").isGreaterThanOrEqualTo(2);
        assertThat(community(after, to).get("cells").asInt()
                        - community(before, to).get("cells").asInt())
                .isEqualTo(moved);
        List<WebElement> affected = browser.driver.findElements(By.cssSelector("#plan-edit-result tr.affected"));
        Set<Integer> affectedKeys = new HashSet<>();
        int lost = 0;
        for (WebElement row : affected) {
            int key = Integer.parseInt(row.getAttribute("data-key"));
            affectedKeys.add(key);
            JsonNode community = community(after, key);
            assertThat(Long.parseLong(row.getAttribute("data-households")))
                    .as("households of " + key)
                    .isEqualTo(community.get("households").asLong());
            assertThat(row.getAttribute("data-status"))
                    .isEqualTo(community.get("status").asString());
            assertThat(row.findElement(By.cssSelector("b")).getText().replace(",", ""))
                    .isEqualTo(community.get("households").asString());
            assertThat(tableHouseholds("#plan-table", community.get("code").asString()))
                    .isEqualTo(community.get("households").asLong());
            if (key != to) {
                lost += community(before, key).get("cells").asInt()
                        - community.get("cells").asInt();
            }
        }
        assertThat(affectedKeys).contains(from, to);
        assertThat(lost).isEqualTo(moved);
        // Warnings: the plan's problems of the touched communities, as the service counts them.
        Set<String> problems = new HashSet<>();
        for (JsonNode violation : after.get("violations")) {
            if (affectedKeys.contains(violation.get("key").asInt())) {
                problems.add(violation.get("key").asInt() + ":"
                        + violation.get("kind").asString());
            }
        }
        Set<String> warned = new HashSet<>();
        for (WebElement warning : browser.driver.findElements(By.cssSelector("#plan-edit-result li.warning"))) {
            warned.add(warning.getAttribute("data-key") + ":" + warning.getAttribute("data-kind"));
        }
        assertThat(warned).isEqualTo(problems);
        assertThat(browser.driver.findElements(By.cssSelector("#plan-violations li.violation")))
                .hasSize(after.get("violations").size());
        long movedHouseholds = 0;
        for (JsonNode move : http.get("/api/plans/" + plan + "/moves").body()) {
            movedHouseholds += move.get("households").asLong();
        }
        assertThat(text("#plan-moves-title"))
                .contains("（" + moved + " 个网格，" + String.format("%,d", movedHouseholds) + " 户）");
        assertThat(Long.parseLong(find("#plan-summary tr[data-measure=householdsMoved] td[data-column=now]")
                        .getAttribute("data-value")))
                .isEqualTo(movedHouseholds)
                .isPositive();
        browser.screenshot("plan-brushed");

        // Ctrl+Z: every number back to what it was.
        new Actions(browser.driver)
                .keyDown(Keys.CONTROL)
                .sendKeys("z")
                .keyUp(Keys.CONTROL)
                .perform();
        awaitEdit("undo", edits + 2);
        assertThat(Integer.parseInt(attribute("#plan-edit-result", "data-moved")))
                .isEqualTo(moved);
        JsonNode undone = http.get("/api/plans/" + plan).body();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#plan-edit-result tr.affected"))) {
            int key = Integer.parseInt(row.getAttribute("data-key"));
            long households = community(before, key).get("households").asLong();
            assertThat(community(undone, key).get("households").asLong()).isEqualTo(households);
            assertThat(Long.parseLong(row.getAttribute("data-households"))).isEqualTo(households);
            assertThat(tableHouseholds(
                            "#plan-table", community(before, key).get("code").asString()))
                    .isEqualTo(households);
        }
        assertThat(text("#plan-moves-title")).contains("（0 个网格，0 户）");

        // Redo, then once more: the service's reason (problem+json detail) is shown.
        find("#plan-redo").click();
        awaitEdit("redo", edits + 3);
        find("#plan-redo").click();
        waitUntil(
                "the refusal", () -> attribute("#plan-edit-result", "data-kind").equals("error"));
        HttpJson.Answer refused = http.post("/api/plans/" + plan + "/redo", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(text("#plan-edit-result"))
                .contains(refused.body().get("detail").asString());

        // The demo town has communities in pieces today: the dialog warns. Adoption is refused only
        // when a community the plan changes is broken; the page shows what the service decided.
        find("#plan-adopt").click();
        assertThat(find("#plan-adopt-dialog").isDisplayed()).isTrue();
        assertThat(text("#plan-adopt-warning")).contains("不连续");
        find("#plan-adopt-confirm").click();
        waitUntil(
                "the adoption's answer",
                () -> find("#plan-message").getAttribute("class").contains("error")
                        || text("#plan-message").contains("已采纳"));
        if (http.get("/api/plans/" + plan).body().get("status").asString().equals("adopted")) {
            assertThat(text("#plan-message")).contains("已采纳");
        } else {
            HttpJson.Answer adoption = http.post("/api/plans/" + plan + "/adopt", "");
            assertThat(adoption.status()).isEqualTo(409);
            assertThat(text("#plan-message"))
                    .contains(adoption.body().get("detail").asString());
        }
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("plan-refused");
    }

    @Test
    void proposalRunFromThePanelFillsTheBeforeAfterTableAndAMoveIsRejected() {
        // Records what the progress bar shows while the run goes.
        browser.driver.executeScript("""
                const bar = document.getElementById('plan-progress');
                window.__progress = [];
                new MutationObserver(() => window.__progress.push(!bar.hidden))
                    .observe(bar, {attributes: true, attributeFilter: ['hidden', 'value']});""");
        WebElement seed = find("#plan-seed");
        seed.clear();
        seed.sendKeys("7");
        find("#plan-propose").click();
        waitUntil(
                "the proposal run ends",
                () -> text("#plan-message").contains("完成")
                        || find("#plan-message").getAttribute("class").contains("error"));
        assertThat(text("#plan-message")).contains("完成");
        @SuppressWarnings("unchecked")
        List<Object> progress = (List<Object>) browser.driver.executeScript("return window.__progress;");
        assertThat(progress).as("the progress bar was shown").contains(true);
        assertThat(find("#plan-progress").isDisplayed()).isFalse();

        JsonNode run =
                http.get("/api/runs?kind=boundary-proposal&limit=1").body().get(0);
        assertThat(run.at("/parameters/seed").asInt()).isEqualTo(7);
        JsonNode summary = run.get("summary");
        long plan = summary.get("planId").asLong();
        waitUntil(
                "plan " + plan + " shown",
                () -> attribute("#plan-section", "data-plan").equals(Long.toString(plan)));
        assertThat(new Select(find("#plan-pick")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(Long.toString(plan));
        for (String measure : MEASURES) {
            for (String column : List.of("before", "after")) {
                WebElement cell = find("#plan-summary tr[data-measure=" + measure + "] td[data-column=" + column + "]");
                double expected = summary.at("/" + column + "/" + measure).asDouble();
                assertThat(Double.parseDouble(cell.getAttribute("data-value")))
                        .as(measure + " " + column)
                        .isEqualTo(expected);
                int digits = measure.equals("meanPolsbyPopper") ? 3 : 0;
                assertThat(cell.getText())
                        .as(measure + " " + column)
                        .isEqualTo(String.format(java.util.Locale.ROOT, "%,." + digits + "f", expected));
            }
        }
        assertThat(summary.at("/after/outOfRange").asInt())
                .isLessThan(summary.at("/before/outOfRange").asInt());
        if (!summary.get("infeasible").isEmpty()) {
            assertThat(text("#plan-infeasible")).startsWith("无法达标");
        }
        JsonNode described = http.get("/api/plans/" + plan).body();
        assertThat(browser.driver.findElements(By.cssSelector("#plan-table tbody tr")))
                .hasSize(described.get("communities").size());
        assertThat(browser.driver.findElements(By.cssSelector("path.plan-community")))
                .hasSize(http.get("/api/plans/" + plan + "/communities")
                        .body()
                        .get("features")
                        .size());
        int moves = summary.get("moves").asInt();
        assertThat(text("#plan-moves-title")).contains(String.format("%,d", moves));
        browser.screenshot("plan-proposal");

        // Reject the first rejectable move: one cell back, one move fewer, here and in the service.
        WebElement reject = browser.driver.findElements(By.cssSelector("#plan-moves button.reject")).stream()
                .filter(WebElement::isEnabled)
                .findFirst()
                .orElseThrow();
        browser.driver.executeScript("arguments[0].closest('details').open = true;", reject);
        long cell = Long.parseLong(reject.getAttribute("data-cell"));
        reject.click();
        awaitEdit("reject", 1);
        assertThat(attribute("#plan-edit-result", "data-moved")).isEqualTo("1");
        JsonNode left = http.get("/api/plans/" + plan + "/moves").body();
        assertThat(left.size()).isEqualTo(moves - 1);
        left.forEach(move -> assertThat(move.get("cellId").asLong()).isNotEqualTo(cell));
        assertThat(text("#plan-moves-title")).contains(String.format("%,d", moves - 1));
        // Households moved now: the moves' households, as the service gives them with each move.
        long householdsLeft = 0;
        for (JsonNode move : left) {
            householdsLeft += move.get("households").asLong();
        }
        assertThat(Long.parseLong(find("#plan-summary tr[data-measure=householdsMoved] td[data-column=now]")
                        .getAttribute("data-value")))
                .isEqualTo(householdsLeft)
                .isLessThanOrEqualTo(summary.at("/after/householdsMoved").asLong());
        assertThat(text("#plan-moves-title")).contains(String.format("%,d", householdsLeft) + " 户");
        WebElement group = find("#plan-moves details.move-group");
        browser.driver.executeScript(
                "arguments[0].open = true; arguments[0].scrollIntoView({block: 'center'});", group);
        long groupHouseholds = 0;
        for (WebElement cellItem : group.findElements(By.cssSelector("li[data-cell]"))) {
            long households = Long.parseLong(cellItem.getAttribute("data-households"));
            assertThat(cellItem.getText()).contains(String.format("%,d", households) + " 户");
            groupHouseholds += households;
        }
        if (group.findElements(By.cssSelector("li.muted")).isEmpty()) {
            assertThat(Long.parseLong(group.getAttribute("data-households"))).isEqualTo(groupHouseholds);
        }
        browser.screenshot("plan-moves");
        assertThat(browser.driver.findElements(By.cssSelector("#plan-moves li[data-cell='" + cell + "']")))
                .isEmpty();

        find("#lang").click();
        waitUntil("English labels", () -> text("#plan-summary th:nth-child(2)").equals("Before"));
        assertThat(text("#plan-heading")).startsWith("Plan #" + plan);
        assertThat(text("#plan-tool-brush")).isEqualTo("Brush");
        assertThat(browser.errors()).isEmpty();
        assertThat(browser.failedResources()).isEmpty();
        browser.screenshot("plan-proposal-en");
        find("#lang").click();
    }

    @Test
    void aNewCommunityIsRenamedFromTheToolbarWithTheKeyboardAndTheNewNameShowsEverywhere() {
        // A plan with a new community of the largest one's twelve most populous cells.
        long plan =
                http.post("/api/plans", "{\"name\": \"改名方案\"}").body().get("id").asLong();
        List<Long> cells = mostPopulousCellsOfLargestCommunity(plan, 12);
        JsonNode moved = http.post("/api/plans/" + plan + "/moves", "{\"cells\": " + cells + ", \"to\": null}")
                .body();
        JsonNode fresh = null;
        JsonNode today = null;
        for (JsonNode community : moved.get("affected")) {
            if (community.get("continuesCommunityId").isNull()) {
                fresh = community;
            } else {
                today = community;
            }
        }
        int key = fresh.get("key").asInt();
        String code = fresh.get("code").asString();
        String todayKey = today.get("key").asString();
        String todayCode = today.get("code").asString();
        browser.driver.executeScript(
                "localStorage.setItem('lifecircle.plans', JSON.stringify([{id: arguments[0], name: '改名方案'}]));", plan);
        reloadAndOpen(plan);

        // A community of today cannot be renamed: choose it with the keyboard from the table.
        keyboardSelect(todayCode);
        waitUntil(
                "today's community chosen",
                () -> attribute("#plan-target", "data-key").equals(todayKey));
        assertThat(find("#plan-rename-start").isEnabled()).isFalse();
        assertThat(find("#plan-rename-start").getAttribute("title")).contains("现状社区");

        // The new one: Enter on its row, F2, type, Enter.
        keyboardSelect(code);
        waitUntil(
                "the new community chosen",
                () -> attribute("#plan-target", "data-key").equals(Integer.toString(key)));
        assertThat(find("#plan-rename-start").isEnabled()).isTrue();
        new Actions(browser.driver).sendKeys(Keys.F2).perform();
        waitUntil("the rename form", () -> find("#plan-rename-form").isDisplayed());
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("plan-rename-name");
        assertThat(find("#plan-rename-name").getAttribute("value"))
                .isEqualTo(fresh.get("name").asString());
        browser.screenshot("plan-rename-form");
        // The provisional name is selected: typing replaces it.
        new Actions(browser.driver).sendKeys("滨江新城社区").sendKeys(Keys.ENTER).perform();
        waitUntil("renamed", () -> attribute("#plan-edit-result", "data-kind").equals("rename"));
        assertThat(find("#plan-rename-form").isDisplayed()).isFalse();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("plan-rename-start");
        assertThat(community(http.get("/api/plans/" + plan).body(), key)
                        .get("name")
                        .asString())
                .isEqualTo("滨江新城社区");
        assertThat(text("#plan-edit-result")).contains("滨江新城社区");
        // The table, the target, the map's label and tooltip, the chart and the moves say it.
        assertThat(text("#plan-table tr[data-code='" + code + "'] td[data-key=name]"))
                .isEqualTo("滨江新城社区");
        assertThat(text("#plan-target")).isEqualTo("滨江新城社区");
        assertThat(browser.driver.findElements(By.cssSelector(".plan-label-text .name")).stream()
                        .map(WebElement::getText)
                        .toList())
                .contains("滨江新城社区");
        Object tooltip = browser.driver.executeScript("""
                let text = null;
                lifecircleMap.eachLayer((l) => {
                  if (l.feature?.properties?.key === arguments[0] && l.options.pane === 'plan') {
                    l.openTooltip(l.getBounds().getCenter());
                    text = l.getTooltip().getElement().textContent;
                  }
                });
                return text;""", key);
        assertThat(String.valueOf(tooltip)).startsWith("滨江新城社区");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.driver.executeScript(
                "return Chart.getChart(document.getElementById('households-chart')).data.labels;");
        assertThat(labels).contains("滨江新城社区");
        assertThat(text("#plan-moves")).contains("→ 滨江新城社区");
        browser.screenshot("plan-renamed");

        // A code another community has: the service refuses, in the page's language with its reason.
        find("#plan-rename-start").sendKeys(Keys.ENTER);
        waitUntil("the rename form", () -> find("#plan-rename-form").isDisplayed());
        WebElement codeField = find("#plan-rename-code");
        codeField.clear();
        codeField.sendKeys(todayCode, Keys.ENTER);
        waitUntil("the refusal", () -> !text("#plan-rename-message").isEmpty());
        HttpJson.Answer refused =
                http.patch("/api/plans/" + plan + "/communities/" + key, "{\"code\": \"" + todayCode + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(text("#plan-rename-message"))
                .isEqualTo("重命名失败: 当前状态下无法执行此操作（" + refused.body().get("detail").asString() + "）");
        browser.screenshot("plan-rename-refused");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        assertThat(find("#plan-rename-form").isDisplayed()).isFalse();
        assertThat(community(http.get("/api/plans/" + plan).body(), key)
                        .get("code")
                        .asString())
                .isEqualTo(code);
        assertThat(count("SELECT COUNT(*) FROM plan_community_rename WHERE plan_id = " + plan))
                .isEqualTo(1);
        assertThat(browser.errors()).isEmpty();
    }

    /** Focuses a row of the plan's table and presses Enter, as a keyboard user chooses a community. */
    /** Reloads the page and opens the plan from the plan picker. */
    private void reloadAndOpen(long plan) {
        browser.driver.navigate().refresh();
        awaitPageReady();
        new Select(find("#plan-pick")).selectByValue(Long.toString(plan));
        waitUntil(
                "plan " + plan + " open",
                () -> attribute("#plan-section", "data-plan").equals(Long.toString(plan)));
    }

    private void keyboardSelect(String code) {
        WebElement row = find("#plan-table tr[data-code='" + code + "']");
        browser.driver.executeScript("arguments[0].focus();", row);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    }

    @Test
    void adoptingFromThePanelChangesTodaysCommunitiesAndTheDatePickerShowsTheFormerOnes() {
        Set<String> former = codes(http.get("/api/communities").body());
        long run = runs.finishedRun("{\"kind\": \"boundary-proposal\"}");
        long plan = http.get("/api/runs/" + run).body().at("/summary/planId").asLong();
        reloadAndOpen(plan);

        // Cancel first: nothing changes.
        find("#plan-adopt").click();
        assertThat(text("#plan-adopt-title")).contains("#" + plan);
        browser.screenshot("plan-adopt-dialog");
        find("#plan-adopt-cancel").click();
        assertThat(find("#plan-adopt-dialog").isDisplayed()).isFalse();
        assertThat(codes(http.get("/api/communities").body())).isEqualTo(former);

        // A second before the adoption, on the service's clock, in China time.
        OffsetDateTime beforeAdoption = jdbc.queryForObject("SELECT now()", OffsetDateTime.class)
                .withOffsetSameInstant(CHINA)
                .truncatedTo(ChronoUnit.SECONDS);
        find("#plan-adopt").click();
        find("#plan-adopt-confirm").click();
        waitUntil(
                "the adoption's answer",
                () -> text("#plan-message").contains("已采纳")
                        || find("#plan-message").getAttribute("class").contains("error"));
        assertThat(text("#plan-message")).contains("方案 #" + plan + " 已采纳");
        JsonNode now = http.get("/api/communities").body();
        Set<String> adopted = codes(now);
        assertThat(adopted).isNotEqualTo(former);
        assertThat(adopted)
                .isEqualTo(new HashSet<>(jdbc.queryForList(
                        "SELECT DISTINCT pc.code FROM plan_cell c JOIN plan_community pc ON pc.plan_id = c.plan_id"
                                + " AND pc.key = c.community_key WHERE c.plan_id = ?",
                        String.class,
                        plan)));
        waitUntil("today's communities in the table", () -> tableCodes().equals(adopted));
        assertThat(attribute("#plan-section", "data-plan")).isEmpty();
        assertThat(text("#summary"))
                .startsWith(String.format("%,d", now.get("features").size()) + " 社区");
        for (JsonNode feature : now.get("features")) {
            assertThat(tableHouseholds(
                            "#community-table", feature.at("/properties/code").asString()))
                    .isEqualTo(feature.at("/properties/households").asLong());
        }
        browser.screenshot("plan-adopted");

        // Today before the adoption: the former boundaries, as the service gives them for that instant.
        String date = beforeAdoption.toLocalDate().toString();
        String time = beforeAdoption.toLocalTime().toString();
        showBoundariesAt(date, time.length() == 5 ? time + ":00" : time);
        JsonNode then = http.get(
                        "/api/communities?at=" + beforeAdoption.toString().replace("+", "%2B"))
                .body();
        assertThat(codes(then)).isEqualTo(former);
        assertThat(tableCodes()).isEqualTo(former);
        assertThat(text("#communities-date-message")).contains(date).contains(Integer.toString(former.size()));
        assertThat(browser.driver.findElements(By.cssSelector(".leaflet-overlay-pane path.community")))
                .hasSize(then.get("features").size());
        browser.screenshot("communities-before-adoption");
        // The day without a time: its end, after the adoption.
        showBoundariesAt(date, "");
        assertThat(tableCodes()).isEqualTo(adopted);
        assertThat(text("#communities-date-message")).contains("当日结束时");
        // A day before the town was loaded: no communities.
        showBoundariesAt(beforeAdoption.toLocalDate().minusDays(1).toString(), "");
        assertThat(tableCodes()).isEmpty();

        find("#communities-date-now").click();
        waitUntil("today's communities again", () -> tableCodes().equals(adopted));
        assertThat(text("#communities-date-message")).isEmpty();
        assertThat(browser.errors()).isEmpty();
        assertThat(browser.failedResources()).isEmpty();
    }

    /** Sets the date and time fields as a user would and waits for the map to show that moment. */
    private void showBoundariesAt(String date, String time) {
        browser.driver.executeScript("""
                const d = document.getElementById('communities-date');
                const t = document.getElementById('communities-time');
                d.value = arguments[0];
                t.value = arguments[1];
                t.dispatchEvent(new Event('change'));""", date, time);
        String at = date + (time.isEmpty() ? "" : "T" + time);
        waitUntil(
                "communities at " + at,
                () -> attribute("#layers-section", "data-at").equals(at));
    }

    /** Waits until an edit of this kind is shown and the plan re-read after it (journal count). */
    private void awaitEdit(String kind, int edits) {
        waitUntil(
                kind + " shown",
                () -> attribute("#plan-edit-result", "data-kind").equals(kind)
                        && attribute("#plan-section", "data-pending").equals("0")
                        && attribute("#plan-section", "data-edits").equals(Integer.toString(edits)));
    }

    private void centreMapOn(double[] lonLat, int zoom) {
        browser.driver.executeScript("document.getElementById('map').dataset.brushCells = '';");
        browser.driver.executeScript(
                "lifecircleMap.setView([arguments[0], arguments[1]], arguments[2], {animate: false});",
                lonLat[1],
                lonLat[0],
                zoom);
        waitUntil(
                "cells of the view",
                () -> !attribute("#map", "data-brush-cells").isEmpty());
    }

    /** A point's pixel offset from the map's centre, as Selenium's moveToElement takes it. */
    @SuppressWarnings("unchecked")
    private long[] pixelOffsetFromCentre(double[] lonLat) {
        List<Number> offset = (List<Number>) browser.driver.executeScript("""
                const p = lifecircleMap.latLngToContainerPoint([arguments[0], arguments[1]]);
                const size = lifecircleMap.getSize();
                return [Math.round(p.x - size.x / 2), Math.round(p.y - size.y / 2)];""", lonLat[1], lonLat[0]);
        return new long[] {offset.get(0).longValue(), offset.get(1).longValue()};
    }

    private static JsonNode community(JsonNode plan, int key) {
        for (JsonNode community : plan.get("communities")) {
            if (community.get("key").asInt() == key) {
                return community;
            }
        }
        throw new AssertionError("plan has no community " + key);
    }

    private long tableHouseholds(String table, String code) {
        WebElement row = find(table + " tr[data-code='" + code + "'] td[data-key=households]");
        return Long.parseLong(row.getAttribute("data-value"));
    }

    private Set<String> tableCodes() {
        Set<String> codes = new HashSet<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#community-table tbody tr"))) {
            codes.add(row.getAttribute("data-code"));
        }
        return codes;
    }

    private static Set<String> codes(JsonNode collection) {
        Set<String> codes = new HashSet<>();
        for (JsonNode feature : collection.get("features")) {
            codes.add(feature.at("/properties/code").asString());
        }
        return codes;
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
