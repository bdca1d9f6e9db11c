package io.jdash.it;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (same version, both installed by .ci/run), with
 * every request off this machine refused: pages must work offline.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("jdash.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("jdash.test.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;

    Browser() {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                // Only loopback resolves: a page that needs the internet (a CDN) breaks in the tests.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER))
                .build();
        driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
        awaitReady();
    }

    /** Waits until the runtime has hydrated the page (pages without an app, like the gallery, are ready at once). */
    void awaitReady() {
        waitUntil(d -> "ready".equals(d.findElement(By.tagName("html")).getDomAttribute("data-jdash"))
                || d.findElements(By.id("_dash-app-content")).isEmpty());
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Waits (up to 10 s) until the element's text is exactly {@code text}. */
    void waitForText(String id, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .withMessage(() -> "#" + id + " should read '" + text + "' but reads '" + textOf(id) + "'")
                .until(ExpectedConditions.textToBe(By.id(id), text));
    }

    String textOf(String id) {
        var found = driver.findElements(By.id(id));
        return found.isEmpty() ? "<absent>" : found.get(0).getText();
    }

    <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
