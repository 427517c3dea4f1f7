package org.lifecircle.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.TestDatabase;
import org.lifecircle.web.demo.DemoLoader;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The map page in headless Chromium against the running service and the demo town in PostGIS. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapPageIT {
    @LocalServerPort
    int port;

    @Autowired
    DemoLoader demoLoader;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeAll
    void start() {
        TestDatabase.requireThrowawayDatabase();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openPageInChinese() {
        browser.driver.get("http://127.0.0.1:" + port + "/");
        browser.driver.executeScript("localStorage.setItem('lifecircle.lang', 'zh');");
        browser.driver.navigate().refresh();
        waitUntil(
                "the page is ready",
                () -> "true".equals(browser.driver.executeScript("return document.body.dataset.ready")));
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
        browser.screenshot("map-en");
        browser.driver.findElement(By.id("lang")).click();
        waitUntil("Chinese labels again", () -> text("h1").equals("社区生活圈规划"));
        assertThat(browser.errors()).isEmpty();
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

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
    }
}
