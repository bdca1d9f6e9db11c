package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Examples 4 to 6 in a real headless Chromium, on the server's own manager (JMS + Batch): the progress bar,
 * the Plotly progress chart with its progress_default, and the AG Grid that set_props fills while the job runs.
 * Every page must load nothing from off this server. Screenshots go to target/screenshots/.
 */
class ProgressExamplesBrowserIT extends BrowserCase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    // ---- example 4 ----

    @Test
    void progressBarStepsThroughZeroToFourOfFiveWhileTheParagraphIsHidden() {
        browser.open(base + "apps/progress-bar/");
        assertEquals("0", attribute("progress_bar", "value"));
        assertEquals("Button not clicked", browser.textOf("paragraph_id"));
        // every change of the bar's value and max, with the paragraph's visibility at that moment
        js("""
                const bar = document.getElementById('progress_bar');
                window.p5 = { values: [bar.getAttribute('value')], maxes: [], hiddenParagraph: [] };
                new MutationObserver((changes) => {
                  for (const change of changes) {
                    const now = document.getElementById('progress_bar');
                    const values = window.p5.values;
                    if (change.attributeName === 'value' && values[values.length - 1] !== now.getAttribute('value')) {
                      values.push(now.getAttribute('value'));
                      const p = document.getElementById('paragraph_id');
                      window.p5.hiddenParagraph.push(getComputedStyle(p).visibility === 'hidden');
                    }
                    const maxes = window.p5.maxes;
                    if (change.attributeName === 'max' && maxes[maxes.length - 1] !== now.getAttribute('max')) {
                      maxes.push(now.getAttribute('max'));
                    }
                  }
                }).observe(bar, { attributes: true });""");

        browser.byId("button_id").click();

        waitFor("the bar at 2", d -> "2".equals(attribute("progress_bar", "value")));
        assertEquals("hidden", visibility("paragraph_id"), "the paragraph hides while the job runs");
        assertEquals("visible", visibility("progress_bar"));
        assertEquals("5", attribute("progress_bar", "max"));
        assertTrue(isDisabled("button_id"), "Run Job! is disabled while the job runs");
        assertFalse(isDisabled("cancel_button_id"), "Cancel is enabled while the job runs");
        screenshot("4-progress-bar-mid-job");

        waitFor("'Clicked 1 times'", d -> "Clicked 1 times".equals(browser.textOf("paragraph_id")));
        assertEquals(List.of("0", "1", "2", "3", "4"), js("return window.p5.values"),
                "the bar's value stepped through every set_progress, in order");
        assertEquals(List.of("5"), js("return window.p5.maxes"));
        assertEquals(List.of(true, true, true, true), js("return window.p5.hiddenParagraph"),
                "the paragraph was hidden at every step");
        assertEquals("4", attribute("progress_bar", "value"), "no progress_default: the bar keeps its last value");
        assertEquals("hidden", visibility("progress_bar"), "the bar hides when the job ends");
        assertEquals("visible", visibility("paragraph_id"));
        assertFalse(isDisabled("button_id"));
        assertTrue(isDisabled("cancel_button_id"));
        screenshot("4-progress-bar-after");
        assertOnlyThisServerWasAsked();
    }

    // ---- example 5 ----

    @Test
    void progressGraphGrowsDuringTheJobAndReturnsToItsDefaultAfterItAndAfterACancel() {
        browser.open(base + "apps/progress-graph/");
        waitFor("the Plotly chart", d -> !d.findElements(By.cssSelector("#progress_bar_graph .main-svg")).isEmpty());
        assertEquals(Boolean.TRUE, js("return typeof window.Plotly === 'object' && typeof Plotly.react === 'function'"));
        // no prevent_initial_call: the page's own job runs first, with n_clicks null
        waitFor("the initial job's answer", d -> "Clicked null times".equals(browser.textOf("paragraph_id")));
        waitFor("Run Job! enabled", d -> !isDisabled("button_id"));
        assertEquals(0L, barX());
        js("""
                window.p5 = { xs: [], drawn: [] };
                const react = Plotly.react; // every figure the page draws, as Graph hands it to Plotly
                Plotly.react = function (element, data, ...rest) {
                  // (element, data, layout) or, as dcc.Graph calls it, (element, {data, layout, config, frames})
                  const traces = Array.isArray(data) ? data : data && data.data;
                  if (element.closest && element.closest('#progress_bar_graph') && traces) window.p5.drawn.push(traces[0].x[0]);
                  return react.call(this, element, data, ...rest);
                };
                setInterval(() => {
                  const data = document.querySelector('#progress_bar_graph .js-plotly-plot')?.data;
                  const x = data ? data[0].x[0] : null;
                  if (window.p5.xs[window.p5.xs.length - 1] !== x) window.p5.xs.push(x);
                }, 20);""");

        browser.byId("button_id").click();

        waitFor("the bar at 4 or more", d -> barX() >= 4);
        assertEquals("hidden", visibility("paragraph_id"));
        assertEquals("visible", visibility("progress_bar_graph"));
        assertEquals(1L, js("return document.querySelectorAll('#progress_bar_graph .barlayer .point path').length"),
                "the chart draws one bar");
        screenshot("5-progress-graph-mid-job");
        waitFor("'Clicked 1 times'", d -> "Clicked 1 times".equals(browser.textOf("paragraph_id")));
        waitFor("the bar back at 0", d -> barX() == 0);
        List<Long> xs = longs(js("return window.p5.xs"));
        assertEquals(0L, xs.get(0));
        assertEquals(0L, xs.get(xs.size() - 1), "progress_default after the job: " + xs);
        List<Long> during = xs.subList(1, xs.size() - 1);
        assertTrue(during.size() >= 5 && during.get(during.size() - 1) >= 8, "the bar grew step by step: " + xs);
        for (int i = 1; i < during.size(); i++) {
            assertTrue(during.get(i) > during.get(i - 1), "the bar only grew during the job: " + xs);
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 0L), longs(js("return window.p5.drawn")),
                "Plotly drew every set_progress in order, then progress_default");
        assertEquals("visible", visibility("paragraph_id"));
        screenshot("5-progress-graph-after");

        // again, cancelled mid-job: the chart goes back to its default and the paragraph keeps its text
        js("window.p5.drawn = []");
        browser.byId("button_id").click();
        waitFor("the bar at 2 or more", d -> barX() >= 2);
        browser.byId("cancel_button_id").click();
        waitFor("the bar back at 0 after the cancel", d -> barX() == 0 && !isDisabled("button_id"));
        assertEquals("Clicked 1 times", browser.textOf("paragraph_id"), "a cancelled job leaves the paragraph");
        holdFor(Duration.ofMillis(3500), "nothing more arrives after the cancel",
                () -> barX() == 0 && "Clicked 1 times".equals(browser.textOf("paragraph_id")));
        List<Long> drawn = longs(js("return window.p5.drawn"));
        assertTrue(drawn.size() >= 4 && drawn.get(drawn.size() - 1) == 0 && drawn.get(drawn.size() - 2) >= 2,
                "progress until the cancel, then progress_default: " + drawn);
        screenshot("5-progress-graph-after-cancel");
        assertOnlyThisServerWasAsked();
    }

    // ---- example 6 ----

    @Test
    void setPropsFillsTheGridAHundredRowsAtATimeUntilCancelled() {
        browser.open(base + "apps/set-props/");
        waitFor("the AG Grid with its pagination panel", d -> !d.findElements(
                By.cssSelector("#ag-grid-updating .ag-root-wrapper .ag-paging-panel")).isEmpty());
        // the grid's own script, loaded by JDash's AG Grid suite when the grid mounted
        assertEquals(Boolean.TRUE, js("return typeof window.agGrid === 'object' && typeof agGrid.createGrid === 'function'"));
        // no prevent_initial_call, as in Dash's original: a job starts with the page; cancel it first
        waitFor("the page's own job running", d -> isDisabled("button_id"));
        browser.byId("cancel_button_id").click();
        waitFor("Get data enabled", d -> !isDisabled("button_id"));
        js("""
                window.p5 = { rows: [] };
                setInterval(() => {
                  const count = document.querySelector('#ag-grid-updating [data-ref="lbRecordCount"]');
                  const rows = count ? Number(count.textContent.replace(/[^0-9]/g, '') || 0) : 0;
                  const last = window.p5.rows[window.p5.rows.length - 1];
                  if (!last || last.rows !== rows) {
                    window.p5.rows.push({ rows, disabled: document.getElementById('button_id').disabled });
                  }
                }, 50);""");

        browser.byId("button_id").click();

        waitFor("400 rows", d -> rowCount() >= 400);
        assertTrue(isDisabled("button_id"), "Get data stays disabled while the job fills the grid");
        assertFalse(isDisabled("cancel_button_id"));
        assertTrue(browser.driver.findElements(By.cssSelector("#ag-grid-updating .ag-row")).size() > 5,
                "rows are drawn");
        // AG Grid draws the columns in view (6 of 8 at this width): they are gapminder's, in order
        @SuppressWarnings("unchecked")
        List<String> headers = (List<String>) js("return [...document.querySelectorAll("
                + "'#ag-grid-updating .ag-header-cell')].map(c => c.getAttribute('col-id'))");
        List<String> columns = List.of("country", "continent", "year", "lifeExp", "pop", "gdpPercap", "iso_alpha",
                "iso_num");
        assertTrue(headers.size() >= 5 && headers.equals(columns.subList(0, headers.size())), "headers: " + headers);
        assertEquals("Afghanistan", js("return document.querySelector("
                + "'#ag-grid-updating .ag-row[row-index=\"0\"] [col-id=\"country\"]').textContent"));
        assertTrue(((String) js("return document.querySelector('#ag-grid-updating .ag-paging-row-summary-panel')"
                + ".textContent")).matches("(?s)\\s*1\\s+to\\s+100\\s+of\\s+\\d+.*"), "the pagination panel");
        screenshot("6-set-props-mid-job");

        browser.byId("cancel_button_id").click();
        waitFor("Get data enabled again after the cancel", d -> !isDisabled("button_id"));
        long stopped = rowCount();
        holdFor(Duration.ofMillis(3000), "the grid stops filling after the cancel", () -> rowCount() == stopped);
        assertTrue(stopped >= 400 && stopped < 1704, "the job stopped part way: " + stopped);
        assertTrue(isDisabled("cancel_button_id"));

        List<Long> filled = new ArrayList<>();
        for (Object seen : (List<?>) js("return window.p5.rows.filter(r => r.rows > 0)")) {
            var entry = (java.util.Map<?, ?>) seen;
            filled.add(((Number) entry.get("rows")).longValue());
            if (filled.size() > 1 && ((Number) entry.get("rows")).longValue() != stopped) {
                assertEquals(Boolean.TRUE, entry.get("disabled"), "disabled while filling: " + entry);
            }
        }
        // after the page's own (cancelled) job, the new one fills 100, 200, 300, ... each step seen
        int start = filled.lastIndexOf(100L) >= 0 ? filled.lastIndexOf(100L) : 0;
        List<Long> run = filled.subList(start, filled.size());
        for (int i = 0; i < run.size(); i++) {
            assertEquals(100L * (i + 1), run.get(i), "every set_props of 100 more rows, in order: " + filled);
        }
        assertEquals(stopped, run.get(run.size() - 1));
        screenshot("6-set-props-after-cancel");
        assertOnlyThisServerWasAsked();
    }

    // ---- helpers ----

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }

    private String attribute(String id, String name) {
        return browser.byId(id).getDomAttribute(name);
    }

    private boolean isDisabled(String id) {
        return Boolean.TRUE.equals(js("return document.getElementById('" + id + "').disabled"));
    }

    private String visibility(String id) {
        return (String) js("return getComputedStyle(document.getElementById('" + id + "')).visibility");
    }

    private long barX() {
        Object x = js("const d = document.querySelector('#progress_bar_graph .js-plotly-plot')?.data;"
                + " return d ? d[0].x[0] : -1");
        return ((Number) x).longValue();
    }

    private long rowCount() {
        Object rows = js("const c = document.querySelector('#ag-grid-updating [data-ref=\"lbRecordCount\"]');"
                + " return c ? Number(c.textContent.replace(/[^0-9]/g, '') || 0) : 0");
        return ((Number) rows).longValue();
    }

    private static List<Long> longs(Object list) {
        return ((List<?>) list).stream().map(v -> ((Number) v).longValue()).toList();
    }

    private void waitFor(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, PATIENCE, Duration.ofMillis(50))
                .withMessage(() -> "waiting for " + what)
                .until(condition::apply);
    }

    /** Checks a condition again and again for a while: it must hold throughout. */
    private static void holdFor(Duration duration, String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            assertTrue(condition.getAsBoolean(), what);
        }
    }

    /** Every resource the page loaded came from this server: nothing from a CDN or anywhere else. */
    private void assertOnlyThisServerWasAsked() {
        String origin = base.getProtocol() + "://" + base.getAuthority();
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) js("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => e.name)");
        assertTrue(names.stream().anyMatch(n -> n.contains("/_dash-component-suites/")),
                "resources were recorded: " + names);
        for (String name : names) {
            assertTrue(name.startsWith(origin + "/"), "a request off this server: " + name + " (origin " + origin + ")");
        }
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"),
                    ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the screenshot " + name, e);
        }
    }
}
