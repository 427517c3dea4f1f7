package org.lifecircle.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.HttpJson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The map page in headless Chromium against the running service and the demo town in PostGIS. */
class MapPageIT extends SignedInPageTest {
    /** A coverage run of every type, made by the first test that needs one. */
    Long coverageRunId;

    @BeforeEach
    void openPageInChinese() {
        browser.driver.get("http://127.0.0.1:" + port + "/");
        // The page stores its language while it starts; set Chinese only once it is ready, or the
        // language of the previous test may be written back over it.
        awaitPageReady();
        browser.driver.executeScript("localStorage.setItem('lifecircle.lang', 'zh');");
        browser.driver.navigate().refresh();
        awaitPageReady();
    }

    @Test
    void pageLoadsWithoutErrorsAndReportsItsFirstViewTime() {
        assertThat(browser.errors()).isEmpty();
        assertThat(browser.failedResources()).isEmpty();
        Number firstView = (Number) browser.driver.executeScript("return window.lifecircleFirstViewMillis");
        System.out.println("[map page] first view of the demo town drawn in " + firstView + " ms");
        assertThat(firstView.longValue()).isPositive();
        assertThat(text("h1")).isEqualTo("社区生活圈规划");
    }

    @Test
    void communitiesAndFacilitiesDraw() {
        long communities = jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE valid_to IS NULL", Long.class);
        long facilities = jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class);
        assertThat(browser.driver.findElements(By.cssSelector(".leaflet-marker-icon .facility-icon")))
                .hasSize((int) facilities);
        assertThat(browser.driver.findElements(By.cssSelector("#community-table tbody tr")))
                .hasSize((int) communities);
        long paths = browser.driver
                .findElements(By.cssSelector(".leaflet-overlay-pane path.leaflet-interactive"))
                .size();
        assertThat(paths).isGreaterThanOrEqualTo(communities);
        assertThat(text("#summary")).contains(String.format("%,d", communities));
        browser.screenshot("map-zh");
    }

    @Test
    void tableSortsByAColumnWhenItsHeaderIsClicked() {
        WebElement nameHeader = browser.driver.findElement(By.cssSelector("#community-table th[data-key=households]"));
        assertThat(nameHeader.getAttribute("aria-sort")).isEqualTo("descending");
        nameHeader.click();
        assertThat(browser.driver
                        .findElement(By.cssSelector("#community-table th[data-key=households]"))
                        .getAttribute("aria-sort"))
                .isEqualTo("ascending");
        String first = browser.driver
                .findElement(By.cssSelector("#community-table tbody tr td:nth-child(3)"))
                .getText();
        long smallest = jdbc.queryForObject("""
                SELECT MIN(h) FROM (SELECT COALESCE(SUM(p.households), 0) h FROM community c
                LEFT JOIN population_cell p ON ST_Intersects(c.geom, p.centroid)
                WHERE c.valid_to IS NULL GROUP BY c.id) x""", Long.class);
        assertThat(first.replace(",", "")).isEqualTo(Long.toString(smallest));
    }

    @Test
    void serviceAreaRunStartedFromThePanelCompletesAndAppearsOnTheMap() {
        int pathsBefore = browser.driver
                .findElements(By.cssSelector(".leaflet-overlay-pane path"))
                .size();
        browser.driver
                .findElement(By.cssSelector("input[name=type][value=kindergarten]"))
                .click();
        browser.driver
                .findElement(By.cssSelector("input[name=minutes][value='5']"))
                .click();
        browser.driver.findElement(By.id("analysis-start")).click();
        waitUntil(
                "the run finishes",
                () -> text("#analysis-message").contains("完成")
                        || text("#analysis-message").contains("失败"));
        assertThat(text("#analysis-message")).contains("完成");
        int pathsAfter = browser.driver
                .findElements(By.cssSelector(".leaflet-overlay-pane path"))
                .size();
        assertThat(pathsAfter).isGreaterThan(pathsBefore);
        assertThat(browser.driver.findElements(By.cssSelector("#run-list li"))).isNotEmpty();
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("service-areas");
    }

    @Test
    void languageSwitchChangesTheLabels() {
        browser.driver.findElement(By.id("lang")).click();
        waitUntil("English labels", () -> text("h1").equals("Community life-circle planning"));
        assertThat(text("#community-table th[data-key=households]")).startsWith("Households");
        assertThat(text("#analysis-start")).isEqualTo("Start analysis");
        assertThat(text("#coverage-start")).isEqualTo("Start coverage analysis (all facility types)");
        assertThat(text("#siting-start")).isEqualTo("Suggest sites");
        browser.screenshot("map-en");
        browser.driver.findElement(By.id("lang")).click();
        waitUntil("Chinese labels again", () -> text("h1").equals("社区生活圈规划"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aRefusedRequestIsExplainedInThePagesLanguageWithTheServicesDetail() {
        // The latest day a date field takes is one the service cannot read as an ISO date-time.
        String date = "275760-09-13";
        HttpJson.Answer refused = http.get("/api/communities?at=" + date + "T23:59:59.999%2B08:00");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("parameter").asString()).isEqualTo("at");
        String detail = refused.body().get("detail").asString();

        chooseBoundaryDate(date);
        assertThat(text("#communities-date-message")).isEqualTo("参数「日期时间」有误（" + detail + "）");
        browser.screenshot("problem-zh");

        browser.driver.findElement(By.id("lang")).click();
        waitUntil("English labels", () -> text("h1").equals("Community life-circle planning"));
        chooseBoundaryDate(date);
        assertThat(text("#communities-date-message")).isEqualTo("Bad parameter “date and time” (" + detail + ")");
        browser.driver.findElement(By.id("lang")).click();
        waitUntil("Chinese labels again", () -> text("h1").equals("社区生活圈规划"));
        assertThat(browser.errors()).isEmpty();
    }

    /** Sets the boundary date as a user would and waits for the page's answer. */
    private void chooseBoundaryDate(String date) {
        browser.driver.executeScript("""
                const message = document.getElementById('communities-date-message');
                message.textContent = '';
                message.classList.remove('error');
                const d = document.getElementById('communities-date');
                d.value = arguments[0];
                d.dispatchEvent(new Event('change'));""", date);
        waitUntil(
                "the refusal shown",
                () -> find("#communities-date-message").getAttribute("class").contains("error"));
    }

    @Test
    void populationCellsShowWhenZoomedIn() {
        browser.driver.findElement(By.id("layer-cells")).click();
        browser.driver.executeScript("document.querySelector('.leaflet-control-zoom-in').click();"
                + "document.querySelector('.leaflet-control-zoom-in').click();");
        waitUntil(
                "cells drawn",
                () -> browser.driver
                                .findElements(By.cssSelector(".leaflet-overlay-pane path"))
                                .size()
                        > 400);
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("population-cells");
    }

    @Test
    void coverageRunStartedFromThePanelColoursTheCommunitiesAndFillsTheTable() {
        // Records what the progress bar shows while the run goes.
        browser.driver.executeScript("""
                const bar = document.getElementById('coverage-progress');
                window.__progress = [];
                new MutationObserver(() => window.__progress.push({shown: !bar.hidden, value: bar.value}))
                    .observe(bar, {attributes: true, attributeFilter: ['hidden', 'value']});""");
        browser.driver.findElement(By.id("coverage-start")).click();
        waitUntil(
                "the coverage run finishes",
                () -> text("#coverage-message").contains("完成")
                        || text("#coverage-message").contains("失败")
                        || text("#coverage-message").contains("HTTP"));
        assertThat(text("#coverage-message")).contains("完成");
        long runId = Long.parseLong(find("#coverage-run").getAttribute("value"));
        coverageRunId = runId;
        assertThat(find("#coverage-progress").isDisplayed()).isFalse();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> progress =
                (List<Map<String, Object>>) browser.driver.executeScript("return window.__progress;");
        assertThat(progress).anyMatch(p -> Boolean.TRUE.equals(p.get("shown")));
        assertThat(progress)
                .allMatch(p ->
                        ((Number) p.get("value")).doubleValue() >= 0 && ((Number) p.get("value")).doubleValue() <= 100);
        showCoverage(runId, "kindergarten");

        JsonNode table =
                http.get("/api/runs/" + runId + "/coverage/communities").body();
        long communities = jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE valid_to IS NULL", Long.class);
        assertThat(table.get("communities").size()).isEqualTo((int) communities);
        assertThat(table.get("types").size()).isEqualTo(10);
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#coverage-table tbody tr"));
        assertThat(rows).hasSize((int) communities);
        assertThat(text("#tab-coverage")).contains("幼儿园");

        // Every row and every community shape against the API: percent, households, class colour.
        Map<String, String> legendColour = new HashMap<>();
        List<double[]> classes = new ArrayList<>();
        for (WebElement entry : browser.driver.findElements(By.cssSelector(".map-legend .legend-class"))) {
            classes.add(new double[] {
                Double.parseDouble(entry.getAttribute("data-from")), Double.parseDouble(entry.getAttribute("data-to"))
            });
            legendColour.put(entry.getAttribute("data-from"), entry.getAttribute("data-colour"));
        }
        assertThat(classes).hasSizeGreaterThanOrEqualTo(4);
        assertThat(text(".map-legend")).contains("幼儿园", "达标");
        java.util.Set<String> fills = new java.util.HashSet<>();
        for (JsonNode community : table.get("communities")) {
            String code = community.get("code").asString();
            double percent =
                    community.at("/coverage/kindergarten/coveredPercent").asDouble();
            WebElement row = find("#coverage-table tr[data-code='" + code + "']");
            WebElement percentCell = row.findElement(By.cssSelector("td[data-key=covered_percent]"));
            assertThat(Double.parseDouble(percentCell.getAttribute("data-value")))
                    .as(code)
                    .isEqualTo(percent);
            assertThat(Double.parseDouble(percentCell.getText().replace(",", "")))
                    .as(code)
                    .isCloseTo(percent, org.assertj.core.data.Offset.offset(0.051));
            assertThat(row.findElement(By.cssSelector("td[data-key=households]"))
                            .getText()
                            .replace(",", ""))
                    .isEqualTo(community.get("households").asString());
            assertThat(row.findElement(By.cssSelector("td[data-key=covered_households]"))
                            .getText()
                            .replace(",", ""))
                    .isEqualTo(community
                            .at("/coverage/kindergarten/coveredHouseholds")
                            .asString());
            double[] expectedClass = classes.stream()
                    .filter(k -> percent >= k[0] && (percent < k[1] || k[1] == 100))
                    .findFirst()
                    .orElseThrow();
            String fill = find("path.community-" + code).getAttribute("fill");
            assertThat(fill)
                    .as("fill of " + code + " at " + percent + " %")
                    .isEqualTo(legendColour.get(formatClassBound(expectedClass[0])));
            fills.add(fill);
        }
        assertThat(fills).as("the choropleth uses several classes").hasSizeGreaterThan(1);

        JsonNode run = http.get("/api/runs/" + runId).body();
        assertThat(Double.parseDouble(find("#coverage-total .covered-percent").getAttribute("data-value")))
                .isEqualTo(run.at("/summary/types/kindergarten/coveredPercent").asDouble());
        JsonNode gaps = http.get("/api/runs/" + runId + "/coverage/gaps?type=kindergarten")
                .body();
        assertThat(browser.driver.findElements(By.cssSelector(".leaflet-overlay-pane path.gap")))
                .hasSize(gaps.get("features").size());
        browser.driver.findElement(By.id("layer-gaps")).click();
        assertThat(browser.driver.findElements(By.cssSelector(".leaflet-overlay-pane path.gap")))
                .isEmpty();
        browser.driver.findElement(By.id("layer-gaps")).click();

        String csv = find("#coverage-csv").getAttribute("href");
        assertThat(csv).endsWith("/api/runs/" + runId + "/coverage/communities?format=csv");
        HttpJson.Raw download = http.getRaw(csv.substring(csv.indexOf("/api/")));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");

        // Worst covered first; a click on the header turns the order round.
        String firstPercent =
                find("#coverage-table tbody tr td[data-key=covered_percent]").getAttribute("data-value");
        double lowest = 100;
        for (JsonNode community : table.get("communities")) {
            lowest = Math.min(
                    lowest,
                    community.at("/coverage/kindergarten/coveredPercent").asDouble());
        }
        assertThat(Double.parseDouble(firstPercent)).isEqualTo(lowest);
        find("#coverage-table th[data-key=households]").click();
        assertThat(find("#coverage-table th[data-key=households]").getAttribute("aria-sort"))
                .isEqualTo("descending");
        long most = 0;
        for (JsonNode community : table.get("communities")) {
            most = Math.max(most, community.get("households").asLong());
        }
        assertThat(text("#coverage-table tbody tr td[data-key=households]").replace(",", ""))
                .isEqualTo(Long.toString(most));
        assertThat(browser.errors()).isEmpty();
        assertThat(browser.failedResources()).isEmpty();
        browser.screenshot("coverage-kindergarten");

        browser.driver.findElement(By.id("lang")).click();
        waitUntil("English coverage labels", () -> text("#tab-coverage").startsWith("Coverage · "));
        assertThat(text(".map-legend")).contains("households within", "meets the standard");
        assertThat(text("#coverage-table th[data-key=covered_percent]")).startsWith("Covered (%)");
        assertThat(browser.driver.findElements(By.cssSelector("#coverage-table tbody tr")))
                .hasSize((int) communities);
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("coverage-en");

        // No run chosen: back to households, no gaps.
        new Select(find("#coverage-run")).selectByValue("");
        waitUntil(
                "households again",
                () -> browser.driver
                        .findElements(By.cssSelector(".map-legend .legend-class"))
                        .isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector(".leaflet-overlay-pane path.gap")))
                .isEmpty();
        assertThat(find("#tab-coverage").isDisplayed()).isFalse();
        assertThat(find("#community-table").isDisplayed()).isTrue();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void clickingACommunityShowsItsStandardsChecksFromTheLatestCoverageRun() {
        long runId = coverageRun();
        JsonNode table =
                http.get("/api/runs/" + runId + "/coverage/communities").body();
        JsonNode community = null;
        for (JsonNode row : table.get("communities")) {
            if (community == null
                    || row.get("failedChecks").size()
                            > community.get("failedChecks").size()) {
                community = row;
            }
        }
        long id = community.get("id").asLong();
        // No run chosen in the panel: the popup reads the latest one. Facilities off, so the click
        // lands on the community.
        browser.driver.findElement(By.id("layer-facilities")).click();
        Map<String, Object> inside = jdbc.queryForMap(
                "SELECT ST_X(p) lon, ST_Y(p) lat FROM (SELECT ST_PointOnSurface(geom) p FROM community WHERE id = ?) x",
                id);
        clickMapAt(((Number) inside.get("lon")).doubleValue(), ((Number) inside.get("lat")).doubleValue());
        waitUntil(
                "the checks in the popup",
                () -> !browser.driver
                        .findElements(By.cssSelector(".leaflet-popup .checks tr.check"))
                        .isEmpty());
        // The popup draws its heading again when the checks arrive: wait for the final one.
        String name = community.get("name").asString();
        waitUntil(
                "the community's name in the popup",
                () -> text(".leaflet-popup h3").equals(name));
        assertThat(find(".leaflet-popup .checks").getAttribute("data-run")).isEqualTo(Long.toString(runId));

        JsonNode checks =
                http.get("/api/runs/" + runId + "/standards?community=" + id).body();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector(".leaflet-popup .checks tr.check"));
        assertThat(rows).hasSize(checks.size());
        Map<String, String> badgeText = Map.of("pass", "达标", "fail", "未达标", "unknown", "无数据");
        int failed = 0;
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            JsonNode check = checks.get(i);
            String outcome = check.get("outcome").asString();
            assertThat(row.getAttribute("data-rule"))
                    .isEqualTo(check.get("ruleId").asString());
            assertThat(row.getAttribute("data-outcome")).isEqualTo(outcome);
            WebElement badge = row.findElement(By.cssSelector(".badge"));
            assertThat(badge.getAttribute("class")).contains(outcome);
            assertThat(badge.getText()).isEqualTo(badgeText.get(outcome));
            assertThat(row.findElement(By.xpath("following-sibling::tr[1]/td[contains(@class, 'source')]"))
                            .getText())
                    .isEqualTo(check.get("source").asString());
            if (check.get("ruleId").asString().equals("community.households.min")) {
                assertThat(row.findElement(By.cssSelector(".value")).getText().replace(",", ""))
                        .isEqualTo(community.get("households").asString() + " 户");
                assertThat(row.findElement(By.cssSelector(".threshold")).getText())
                        .isEqualTo("≥ "
                                + String.format(
                                        java.util.Locale.ROOT,
                                        "%,.0f",
                                        check.get("low").asDouble()));
            }
            failed += outcome.equals("fail") ? 1 : 0;
        }
        assertThat(failed).isEqualTo(community.get("failedChecks").size()).isPositive();
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("community-checks");
    }

    @Test
    void whatIfClickShowsTheSameBeforeAndAfterAsTheApiAndShowsItsErrors() {
        long runId = coverageRun();
        showCoverage(runId, "kindergarten");
        browser.driver.findElement(By.id("whatif-toggle")).click();
        assertThat(text("#whatif-message")).contains("幼儿园");
        // The most populous cell of the largest kindergarten gap: a new one there gains households.
        Map<String, Object> point = jdbc.queryForMap("""
                SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
                  SELECT ST_PointOnSurface(r.geom) AS p FROM result_cell r
                  JOIN coverage_cell v ON v.run_id = r.run_id AND v.cell_id = r.cell_id
                  JOIN coverage_gap g ON g.run_id = r.run_id AND g.type_code = v.type_code AND g.rank = 1
                  WHERE r.run_id = ? AND v.type_code = 'kindergarten' AND NOT v.covered
                    AND ST_Intersects(g.geom, ST_PointOnSurface(r.geom))
                  ORDER BY r.households DESC, r.cell_id LIMIT 1) x""", runId);
        clickMapAt(((Number) point.get("lon")).doubleValue(), ((Number) point.get("lat")).doubleValue());
        waitUntil(
                "the what-if answer",
                () -> !browser.driver
                        .findElements(By.cssSelector(".leaflet-popup .whatif[data-threshold]"))
                        .isEmpty());
        WebElement popup = find(".leaflet-popup .whatif");
        String lon = popup.getAttribute("data-lon");
        String lat = popup.getAttribute("data-lat");
        String threshold = popup.getAttribute("data-threshold");
        HttpJson.Answer direct = http.post(
                "/api/coverage/what-if",
                "{\"type\": \"kindergarten\", \"lon\": " + lon + ", \"lat\": " + lat + ", \"threshold\": " + threshold
                        + "}");
        assertThat(direct.status()).as(String.valueOf(direct.body())).isEqualTo(200);
        JsonNode answer = direct.body();
        assertThat(answer.get("coveredHouseholdsAfter").asLong())
                .isGreaterThan(answer.get("coveredHouseholdsBefore").asLong());
        for (String field : List.of("Households", "Percent")) {
            for (String when : List.of("before", "after")) {
                String css = ".leaflet-popup ." + when + "-" + field.toLowerCase();
                String json = "covered" + field + (when.equals("before") ? "Before" : "After");
                assertThat(Double.parseDouble(find(css).getAttribute("data-value")))
                        .as(json)
                        .isEqualTo(answer.get(json).asDouble());
            }
        }
        assertThat(text(".leaflet-popup .before-households").replace(",", ""))
                .isEqualTo(answer.get("coveredHouseholdsBefore").asString());
        assertThat(text(".leaflet-popup .after-households").replace(",", ""))
                .isEqualTo(answer.get("coveredHouseholdsAfter").asString());
        JsonNode changed = answer.get("communities");
        List<WebElement> rows =
                browser.driver.findElements(By.cssSelector(".leaflet-popup .whatif-communities tbody tr"));
        assertThat(rows).hasSize(Math.min(8, changed.size())).isNotEmpty();
        assertThat(rows.get(0).getAttribute("data-id"))
                .isEqualTo(changed.get(0).get("id").asString());
        assertThat(rows.get(0).findElement(By.cssSelector("td")).getText())
                .isEqualTo(changed.get(0).get("name").asString());
        browser.screenshot("what-if");

        // Far from every street: the service's reason reaches the user.
        browser.driver.executeScript("lifecircleMap.panBy([0, -2000], {animate: false});");
        Map<String, Object> far = centre();
        clickMapAt(((Number) far.get("lon")).doubleValue(), ((Number) far.get("lat")).doubleValue());
        waitUntil(
                "the what-if error",
                () -> !browser.driver
                        .findElements(By.cssSelector(".leaflet-popup .whatif-error"))
                        .isEmpty());
        WebElement error = find(".leaflet-popup .whatif-error");
        HttpJson.Answer refused = http.post(
                "/api/coverage/what-if",
                "{\"type\": \"kindergarten\", \"lon\": " + error.getAttribute("data-lon") + ", \"lat\": "
                        + error.getAttribute("data-lat") + ", \"threshold\": " + threshold + "}");
        assertThat(refused.status()).isEqualTo(400);
        String detail = refused.body().get("detail").asString();
        assertThat(text(".leaflet-popup .problem-detail")).isEqualTo(detail);
        String parameter = refused.body().get("parameter").asString();
        assertThat(text(".leaflet-popup .problem-summary"))
                .isEqualTo("参数「" + Map.of("lon", "经度", "lat", "纬度").get(parameter) + "」有误");
        assertThat(text("#whatif-message")).contains(detail);
        assertThat(text(".leaflet-popup .whatif-error")).contains("路网");
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("what-if-refused");
    }

    @Test
    void siteSuggestionsShowKNumberedSitesAndACurveWithKPlusOnePoints() {
        int sites = 3;
        showCoverage(coverageRun(), "kindergarten");
        WebElement count = find("#siting-sites");
        count.clear();
        count.sendKeys(Integer.toString(sites));
        browser.driver.findElement(By.id("siting-start")).click();
        waitUntil(
                "the siting run finishes",
                () -> text("#siting-message").contains("完成")
                        || text("#siting-message").contains("失败")
                        || text("#siting-message").contains("HTTP")
                        || find("#siting-message").getAttribute("class").contains("error"));
        assertThat(text("#siting-message")).contains("完成");
        List<WebElement> markers = browser.driver.findElements(By.cssSelector(".leaflet-marker-icon .site-icon"));
        assertThat(markers).hasSize(sites);
        assertThat(markers.stream().map(WebElement::getText).sorted().toList()).containsExactly("1", "2", "3");
        long runId = 0;
        for (JsonNode run : http.get("/api/runs").body()) {
            if (run.get("kind").asString().equals("siting")) {
                runId = run.get("id").asLong();
                break;
            }
        }
        JsonNode curve = http.get("/api/runs/" + runId).body().at("/summary/coverageCurvePercent");
        @SuppressWarnings("unchecked")
        List<Number> drawn = (List<Number>) browser.driver.executeScript(
                "return Chart.getChart(document.getElementById('siting-chart')).data.datasets[0].data;");
        assertThat(drawn).hasSize(sites + 1);
        for (int m = 0; m <= sites; m++) {
            assertThat(drawn.get(m).doubleValue()).isEqualTo(curve.get(m).asDouble());
        }
        assertThat(find("#siting-chart-box").isDisplayed()).isTrue();
        browser.driver.executeScript("document.getElementById('siting-chart-box').scrollIntoView({block: 'nearest'});");
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("site-suggestions");
    }

    /** The page's coverage run: the one a test started from the panel, else one started here. */
    private long coverageRun() {
        if (coverageRunId == null) {
            coverageRunId = runs.finishedRun("{\"kind\": \"coverage\"}");
            openPageInChinese();
        }
        return coverageRunId;
    }

    private void showCoverage(long runId, String type) {
        new Select(find("#coverage-run")).selectByValue(Long.toString(runId));
        waitUntil(
                "run " + runId + " shown",
                () -> String.valueOf(find("#coverage-section").getAttribute("data-shown"))
                        .startsWith(runId + ":"));
        new Select(find("#coverage-type")).selectByValue(type);
        waitUntil(
                "run " + runId + " shown for " + type,
                () -> (runId + ":" + type).equals(find("#coverage-section").getAttribute("data-shown")));
    }

    /** Centres the map on a point and clicks it there, as a user would. */
    private void clickMapAt(double lon, double lat) {
        browser.driver.executeScript(
                "lifecircleMap.setView([arguments[0], arguments[1]], lifecircleMap.getZoom(), {animate: false});",
                lat,
                lon);
        new Actions(browser.driver).moveToElement(find("#map")).click().perform();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> centre() {
        return (Map<String, Object>)
                browser.driver.executeScript("const c = lifecircleMap.getCenter(); return {lon: c.lng, lat: c.lat};");
    }

    private static String formatClassBound(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
