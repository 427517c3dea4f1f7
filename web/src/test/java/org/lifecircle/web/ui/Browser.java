package org.lifecircle.web.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver: nothing is downloaded. Every page gets
 * a hook that records console errors and uncaught exceptions in {@code window.__errors}.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String ERROR_HOOK = """
            window.__errors = [];
            const original = console.error.bind(console);
            console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); original(...args); };
            window.addEventListener('error', (e) => window.__errors.push('uncaught: ' + e.message));
            window.addEventListener('unhandledrejection', (e) => window.__errors.push('rejection: ' + e.reason));
            """;

    final ChromeDriver driver;

    Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "Browser tests need Debian's chromium and chromium-driver; scripts/test.sh installs them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,900",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_HOOK));
    }

    /** Signs in on the sign-in page as a person would, and waits for the map page it leads to. */
    void signIn(int port, String username, String password) {
        driver.get("http://127.0.0.1:" + port + "/login.html");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> "true".equals(driver.executeScript("return document.body.dataset.ready")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> driver.getCurrentUrl().equals("http://127.0.0.1:" + port + "/")
                && "true".equals(driver.executeScript("return document.body.dataset.ready")));
    }

    @SuppressWarnings("unchecked")
    List<String> errors() {
        return (List<String>) driver.executeScript("return window.__errors || [];");
    }

    /** Resources the page fetched that answered 400 or worse (Chromium reports responseStatus). */
    @SuppressWarnings("unchecked")
    List<String> failedResources() {
        return (List<String>) driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.responseStatus >= 400).map(e => e.name + ' ' + e.responseStatus);");
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
