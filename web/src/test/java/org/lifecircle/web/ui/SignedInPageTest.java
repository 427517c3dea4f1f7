package org.lifecircle.web.ui;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lifecircle.web.TestAccounts;
import org.lifecircle.web.TownIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page test on the demo town in one headless browser per class, signed in as the admin, with the
 * element lookups and waits the page tests share.
 */
abstract class SignedInPageTest extends TownIntegrationTest {
    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
        browser.signIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    protected WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    protected String text(String css) {
        return find(css).getText();
    }

    /** The attribute's value, "" when it is absent. */
    protected String attribute(String css, String name) {
        String value = find(css).getAttribute(name);
        return value == null ? "" : value;
    }

    /** Waits until the page says it has started (its first data drawn, its language set). */
    protected void awaitPageReady() {
        waitUntil(
                "the page is ready",
                () -> "true".equals(browser.driver.executeScript("return document.body.dataset.ready")));
    }

    /**
     * Waits up to a minute. The page redraws popups, tables and panels as answers arrive: an element
     * read during a redraw is stale, and is looked up again.
     */
    protected void waitUntil(String what, BooleanSupplier condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .withMessage(what)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}
