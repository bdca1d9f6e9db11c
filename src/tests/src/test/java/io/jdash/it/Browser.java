package io.jdash.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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

    /**
     * Waits until the page's runtime has rendered it: Dash's renderer has replaced its "Loading..." placeholder, or
     * JDash's older runtime has hydrated the page (pages without an app, like the gallery, are ready at once).
     */
    void awaitReady() {
        waitUntil(d -> d.findElements(By.id("react-entry-point")).isEmpty()
                ? "ready".equals(d.findElement(By.tagName("html")).getDomAttribute("data-jdash"))
                        || d.findElements(By.id("_dash-app-content")).isEmpty()
                : d.findElements(By.className("_dash-loading")).isEmpty());
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

    /** Waits (up to 10 s, polling every 50 ms) for a truthy condition; {@code message} says what was awaited. */
    <T> T waitUntil(String message, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50))
                .withMessage(() -> message).until(condition::apply);
    }

    boolean isDisabled(String id) {
        return !byId(id).isEnabled();
    }

    /** Waits (up to 10 s) until the element (a button) is disabled, or enabled. */
    void waitForDisabled(String id, boolean disabled) {
        waitUntil("#" + id + " should be " + (disabled ? "disabled" : "enabled"),
                d -> isDisabled(id) == disabled);
    }

    /** What the page wrote to the console at level SEVERE (errors, failed loads) since the last call. */
    java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    /** A PNG of the window, saved as target/screenshots/{@code name}.png. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From now on, records every distinct state of the given elements (a button's state is "enabled" or
     * "disabled", anything else's its text) as "id=state|id=state…", so a test can tell what the page showed
     * between two looks, however short. Read it with {@link #history()}.
     */
    void recordStates(String... ids) {
        js().executeScript("""
                const ids = arguments[0];
                const snap = () => ids.map((id) => {
                  const e = document.getElementById(id);
                  const state = !e ? '<absent>' : e.tagName === 'BUTTON' ? (e.disabled ? 'disabled' : 'enabled') : e.textContent;
                  return id + '=' + state;
                }).join('|');
                window.__states = [snap()];
                new MutationObserver(() => {
                  const s = snap();
                  if (s !== window.__states[window.__states.length - 1]) window.__states.push(s);
                }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
                """, java.util.List.of(ids));
    }

    @SuppressWarnings("unchecked")
    java.util.List<String> history() {
        return (java.util.List<String>) js().executeScript("return window.__states ?? [];");
    }

    private java.util.Set<String> jobsBefore = java.util.Set.of();

    /** From now on, {@link #jobs()} names the jobs of this session in the page's app accepted after this call. */
    void recordJobs() {
        jobsBefore = new java.util.HashSet<>(allJobs());
    }

    /** The session's jobs of the page's app accepted since {@link #recordJobs()}, oldest first. */
    java.util.List<String> jobs() {
        return allJobs().stream().filter(job -> !jobsBefore.contains(job)).toList();
    }

    /** Every job of the session in the page's app, as {@code _jdash-jobs/} lists them (relative to the page). */
    @SuppressWarnings("unchecked")
    private java.util.List<String> allJobs() {
        var lines = (java.util.List<java.util.Map<String, Object>>) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('_jdash-jobs/', { credentials: 'same-origin' }).then((r) => r.json()).then(done, () => done([]));
                """);
        return lines.stream().map(line -> (String) line.get("job")).toList();
    }

    /** The job's state as the server tells this session, from {@code _jdash-jobs/<job>} (relative to the page). */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> jobStatus(String job) {
        return (java.util.Map<String, Object>) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('_jdash-jobs/' + encodeURIComponent(arguments[0]), { credentials: 'same-origin' })
                  .then((r) => r.json()).then(done, (e) => done({ failure: String(e) }));
                """, job);
    }

    /** Runs {@code script} in every page opened from now on, before the page's own scripts. */
    void beforeEveryNewPage(String script) {
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", script));
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
