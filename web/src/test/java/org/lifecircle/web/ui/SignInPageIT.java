package org.lifecircle.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.TestAccounts;
import org.lifecircle.web.TownIntegrationTest;
import org.lifecircle.web.security.TestRoles;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in page and what each role then finds on the map page, in headless Chromium. */
class SignInPageIT extends TownIntegrationTest {
    private Browser browser;

    @BeforeAll
    void accounts() {
        TestRoles.ensure(http);
    }

    @BeforeEach
    void startBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theMapPageSendsStrangersToTheSignInPageWhichSpeaksBothLanguages() {
        browser.driver.get(base() + "/");
        waitUntil("the sign-in page", () -> browser.driver.getCurrentUrl().endsWith("/login.html") && ready());
        browser.driver.executeScript("localStorage.setItem('lifecircle.lang', 'zh');");
        browser.driver.navigate().refresh();
        waitUntil("the sign-in page", this::ready);
        assertThat(text("label[for=username]")).isEqualTo("用户名");
        browser.screenshot("sign-in-zh");

        browser.driver.findElement(By.id("username")).sendKeys(TestRoles.VIEWER);
        browser.driver.findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver.findElement(By.id("login-submit")).click();
        waitUntil("the error", () -> browser.driver.getCurrentUrl().endsWith("/login.html?error") && ready());
        assertThat(text("#login-message")).isEqualTo("用户名或密码错误，或账户已停用。");

        browser.driver.findElement(By.id("lang")).click();
        waitUntil("English", () -> text("#login-submit").equals("Sign in"));
        assertThat(text("#login-message")).startsWith("Wrong user name or password");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aViewerSeesTheMapButNoButtonsThatChangeAnything() {
        browser.signIn(port, TestRoles.VIEWER, TestRoles.PASSWORD);
        browser.driver.executeScript("localStorage.setItem('lifecircle.lang', 'zh');");
        browser.driver.navigate().refresh();
        waitUntil("the map page", this::ready);
        assertThat(text("#account")).isEqualTo(TestRoles.VIEWER + "（查看）");
        for (String control : new String[] {"#coverage-start", "#siting-start", "#analysis-start", "#plan-create"}) {
            assertThat(browser.driver.findElement(By.cssSelector(control)).isDisplayed())
                    .as(control)
                    .isFalse();
        }
        assertThat(browser.driver.findElement(By.cssSelector("#coverage-run")).isDisplayed())
                .as("results stay readable")
                .isTrue();
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("map-viewer-zh");

        browser.driver.findElement(By.id("sign-out")).click();
        waitUntil("signed out", () -> browser.driver.getCurrentUrl().endsWith("/login.html?signed-out") && ready());
        assertThat(text("#login-message")).isEqualTo("已退出登录。");
        browser.driver.get(base() + "/");
        waitUntil("back at sign-in", () -> browser.driver.getCurrentUrl().endsWith("/login.html"));
    }

    @Test
    void aPlannerMayStartRunsAndEditButNotAdopt() {
        browser.signIn(port, TestRoles.PLANNER, TestRoles.PASSWORD);
        assertThat(browser.driver.findElement(By.cssSelector("#coverage-start")).isDisplayed())
                .isTrue();
        assertThat(browser.driver.findElement(By.cssSelector("#plan-create")).isDisplayed())
                .isTrue();
        assertThat(browser.driver.executeScript("return document.body.dataset.role"))
                .isEqualTo("planner");
        assertThat(browser.driver.executeScript(
                        "return getComputedStyle(document.getElementById('plan-adopt')).display"))
                .isEqualTo("none");
        browser.signIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertThat(browser.driver.executeScript("return document.body.dataset.role"))
                .isEqualTo("admin");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private boolean ready() {
        return "true".equals(browser.driver.executeScript("return document.body.dataset.ready"));
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
