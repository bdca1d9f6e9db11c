package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Examples 1-3 of the background callbacks page (simple, disable-button, cancel) in a real headless Chromium,
 * against the production (JMS + Batch) manager of the test server: what a person sees while a job runs, after
 * it ends, when it is cancelled, and when the page is reloaded while it runs.
 *
 * <p>Short-lived states (a button disabled for 2 s, a result shown for less than a second before the next one)
 * are checked with {@link Browser#recordStates}, which notes every state the page goes through, so no assertion
 * depends on a poll happening to land inside a window.
 */
class BackgroundExamplesBrowserIT extends BrowserCase {

    private static final String P = "paragraph_id";
    private static final String RUN = "button_id";
    private static final String CANCEL = "cancel_button_id";
    /** The examples' jobs sleep 2 s. */
    private static final long JOB_MILLIS = 2000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    // ---- 1. simple ----

    @Test
    void simpleRunsOnceOnLoadThenOnEachClickAfterTwoSeconds() {
        long opened = System.currentTimeMillis();
        browser.open(base + "apps/simple/");
        browser.recordStates(P);
        // no prevent_initial_call: the job started by itself, and shows Java's null for Dash's None
        browser.waitForText(P, "Clicked null times");
        long initial = System.currentTimeMillis() - opened;
        assertTrue(initial >= JOB_MILLIS, "the initial job took " + initial + " ms, not the 2 s it sleeps");
        assertEquals(List.of("paragraph_id=Button not clicked", "paragraph_id=Clicked null times"), browser.history(),
                "the initial callback runs exactly once");

        long clicked = System.currentTimeMillis();
        browser.byId(RUN).click();
        browser.screenshot("simple-1-mid-job");
        assertEquals("Clicked null times", browser.textOf(P), "the result came before the job's 2 s were over");
        browser.waitForText(P, "Clicked 1 times");
        long took = System.currentTimeMillis() - clicked;
        assertTrue(took >= JOB_MILLIS, "the clicked job took " + took + " ms, not the 2 s it sleeps");
        browser.screenshot("simple-2-after");
        assertEquals(List.of("paragraph_id=Button not clicked", "paragraph_id=Clicked null times",
                "paragraph_id=Clicked 1 times"), browser.history());
    }

    // ---- 2. disable-button ----

    @Test
    void disableButtonIsDisabledWhileItsJobRunsAndEnabledAfter() {
        browser.open(base + "apps/disable-button/");
        // the initial call disables the button as well, before its request goes out
        assertTrue(browser.isDisabled(RUN), "the button is disabled while the initial job runs");
        awaitIdle("Clicked null times", false);

        browser.recordStates(P, RUN);
        browser.byId(RUN).click();
        browser.waitForDisabled(RUN, true);
        browser.screenshot("disable-button-1-mid-job");
        // (the paragraph while disabled is checked by the history below, not here: on a loaded machine the
        // screenshot can take longer than the 2 s job)
        browser.waitForText(P, "Clicked 1 times");
        browser.waitForDisabled(RUN, false);
        browser.screenshot("disable-button-2-after");
        // disabled right away, then the result and the enabled button together, and nothing in between
        assertEquals(List.of(
                "paragraph_id=Clicked null times|button_id=enabled",
                "paragraph_id=Clicked null times|button_id=disabled",
                "paragraph_id=Clicked 1 times|button_id=enabled"), browser.history());

        // and again: a second job works the same
        browser.byId(RUN).click();
        browser.waitForDisabled(RUN, true);
        browser.waitForText(P, "Clicked 2 times");
        browser.waitForDisabled(RUN, false);
    }

    // ---- 3. cancel ----

    @Test
    void cancelButtonIsEnabledOnlyWhileAJobRuns() {
        browser.open(base + "apps/cancel/");
        // the initial job runs: Run disabled, Cancel enabled
        assertTrue(browser.isDisabled(RUN), "Run is disabled during the initial job");
        assertFalse(browser.isDisabled(CANCEL), "Cancel is enabled during the initial job");
        awaitIdle("Clicked null times", true);

        browser.recordStates(P, RUN, CANCEL);
        browser.byId(RUN).click();
        browser.waitForDisabled(CANCEL, false);
        assertTrue(browser.isDisabled(RUN));
        browser.waitForText(P, "Clicked 1 times");
        assertFalse(browser.isDisabled(RUN), "Run is enabled with the result");
        assertTrue(browser.isDisabled(CANCEL), "Cancel is disabled with the result");
        assertEquals(List.of(
                "paragraph_id=Clicked null times|button_id=enabled|cancel_button_id=disabled",
                "paragraph_id=Clicked null times|button_id=disabled|cancel_button_id=enabled",
                "paragraph_id=Clicked 1 times|button_id=enabled|cancel_button_id=disabled"), browser.history());
    }

    @Test
    void cancellingMidJobKeepsTheParagraphAndResetsTheButtons() {
        browser.open(base + "apps/cancel/");
        awaitIdle("Clicked null times", true);
        browser.recordJobs();
        browser.recordStates(P, RUN, CANCEL);

        browser.byId(RUN).click();
        browser.waitForDisabled(CANCEL, false);
        String job = awaitAcceptedJob(1);
        browser.screenshot("cancel-1-mid-job");
        browser.byId(CANCEL).click();
        browser.waitForDisabled(RUN, false);
        assertTrue(browser.isDisabled(CANCEL), "Cancel is disabled again once the job is cancelled");
        assertEquals("Clicked null times", browser.textOf(P));
        browser.screenshot("cancel-2-after");

        // the server agrees: cancelled, and the job never produced its result
        Map<String, Object> status = browser.jobStatus(job);
        assertEquals("CANCELLED", status.get("state"), status.toString());
        assertFalse(eventTypes(status).contains("done"), status.toString());

        // a new job after the cancelled one: had the first one gone on, its "Clicked 1 times" would show first
        browser.byId(RUN).click();
        browser.waitForText(P, "Clicked 2 times");
        browser.waitForDisabled(RUN, false);
        assertTrue(browser.isDisabled(CANCEL));
        List<String> history = browser.history();
        assertTrue(history.stream().noneMatch(s -> s.contains("Clicked 1 times")), "the cancelled job showed: " + history);
        assertEquals(List.of(
                "paragraph_id=Clicked null times|button_id=enabled|cancel_button_id=disabled",
                "paragraph_id=Clicked null times|button_id=disabled|cancel_button_id=enabled",
                "paragraph_id=Clicked null times|button_id=enabled|cancel_button_id=disabled",
                "paragraph_id=Clicked null times|button_id=disabled|cancel_button_id=enabled",
                "paragraph_id=Clicked 2 times|button_id=enabled|cancel_button_id=disabled"), history);
    }

    // ---- reloading the page while a job runs ----

    @Test
    void cancellingBeforeTheServerHasAnsweredTheClickStillCancelsTheJob() {
        browser.open(base + "apps/cancel/");
        awaitIdle("Clicked null times", true);
        browser.recordJobs();

        // Cancel is clicked the moment the page enables it for the Run click's job: the server cannot have
        // answered (or even accepted) that job yet
        browser.js().executeScript("""
                const cancel = document.getElementById('cancel_button_id');
                new MutationObserver((changes, observer) => {
                  if (!cancel.disabled) { observer.disconnect(); cancel.click(); }
                }).observe(cancel, { attributes: true });
                document.getElementById('button_id').click();
                """);
        String job = awaitAcceptedJob(1);
        browser.waitUntil(d -> isEnded(job));
        Map<String, Object> status = browser.jobStatus(job);
        assertEquals("CANCELLED", status.get("state"), status.toString());
        assertFalse(eventTypes(status).contains("done"), status.toString());
        browser.waitForDisabled(RUN, false);
        assertTrue(browser.isDisabled(CANCEL));
        assertEquals("Clicked null times", browser.textOf(P));
    }

    @Test
    void aReloadedDisableButtonPageTakesItsRunningJobUp() {
        browser.open(base + "apps/disable-button/");
        awaitIdle("Clicked null times", false);
        browser.recordJobs();
        browser.byId(RUN).click();
        String job = awaitAcceptedJob(1);
        assertFalse(isEnded(job), "the job should still run when the page reloads");

        browser.driver.navigate().refresh();
        browser.awaitReady();
        browser.recordStates(P, RUN);
        browser.screenshot("reload-disable-button-1-mid-job");
        assertTrue(browser.isDisabled(RUN), "the reloaded page shows the job running");
        // the clicked job's result reaches the new page (whose own initial call, with n_clicks null, ends later)
        browser.waitUntil("the taken-up job's result should show", d -> browser.history().stream()
                .anyMatch(s -> s.startsWith("paragraph_id=Clicked 1 times|")));
        awaitIdle("Clicked null times", false);
        browser.screenshot("reload-disable-button-2-after");
        assertEquals("DONE", browser.jobStatus(job).get("state"));
        assertDisabledUntilTheLastResult(browser.history(), RUN);
    }

    @Test
    void aReloadedCancelPageTakesItsRunningJobUp() {
        browser.open(base + "apps/cancel/");
        awaitIdle("Clicked null times", true);
        browser.recordJobs();
        browser.byId(RUN).click();
        String job = awaitAcceptedJob(1);

        browser.driver.navigate().refresh();
        browser.awaitReady();
        browser.recordStates(P, RUN, CANCEL);
        browser.screenshot("reload-cancel-1-mid-job");
        assertTrue(browser.isDisabled(RUN));
        assertFalse(browser.isDisabled(CANCEL));
        browser.waitUntil("the taken-up job's result should show", d -> browser.history().stream()
                .anyMatch(s -> s.startsWith("paragraph_id=Clicked 1 times|")));
        awaitIdle("Clicked null times", true);
        browser.screenshot("reload-cancel-2-after");
        assertEquals("DONE", browser.jobStatus(job).get("state"));
        assertDisabledUntilTheLastResult(browser.history(), RUN);
    }

    @Test
    void aReloadedPageWhoseSocketIsSlowStillWaitsForBothJobs() {
        browser.open(base + "apps/cancel/");
        awaitIdle("Clicked null times", true);
        browser.recordJobs();
        browser.byId(RUN).click();
        awaitAcceptedJob(1);

        // a slow socket (every message from Dash's SharedWorker reaches the page 500 ms late): the new page hears of
        // the clicked job after its own initial job was accepted. Whether that exposed the one-job-per-callback bug
        // fixed with this test depended on the order the server lists the two jobs in; the test that fails without
        // that fix every time is aJobThatEndsWhileNoPageIsOpenIsShownByTheNextPage.
        browser.beforeEveryNewPage(SLOW_WORKER_MESSAGES);
        browser.driver.navigate().refresh();
        browser.awaitReady();
        assertEquals(Boolean.TRUE, browser.js().executeScript("return window.__slowSocket === true"));
        browser.recordStates(P, RUN, CANCEL);
        browser.waitUntil("the taken-up job's result should show", d -> browser.history().stream()
                .anyMatch(s -> s.startsWith("paragraph_id=Clicked 1 times|")));
        awaitIdle("Clicked null times", true);
        // the new page's own initial job still ran when the clicked one ended: Run stays disabled till the end
        assertDisabledUntilTheLastResult(browser.history(), RUN);
    }

    @Test
    void cancellingOnAReloadedPageCancelsTheTakenUpJobToo() {
        browser.open(base + "apps/cancel/");
        awaitIdle("Clicked null times", true);
        browser.recordJobs();
        browser.byId(RUN).click();
        String job = awaitAcceptedJob(1);

        browser.driver.navigate().refresh();
        browser.awaitReady();
        browser.recordStates(P, RUN, CANCEL);
        // the new page takes the clicked job up (Cancel enabled while it runs), and starts its own initial job
        browser.waitForDisabled(CANCEL, false);
        awaitAcceptedJob(2);
        browser.byId(CANCEL).click();
        awaitIdle("Button not clicked", true);
        Map<String, Object> status = browser.jobStatus(job);
        assertEquals("CANCELLED", status.get("state"), status.toString());
        List<String> history = browser.history();
        assertTrue(history.stream().noneMatch(s -> s.contains("Clicked")), "a cancelled job showed: " + history);
    }

    @Test
    void aJobThatEndsWhileNoPageIsOpenIsShownByTheNextPage() {
        browser.open(base + "apps/disable-button/");
        awaitIdle("Clicked null times", false);
        browser.recordJobs();
        browser.byId(RUN).click();
        String job = awaitAcceptedJob(1);

        // leave for the job's status (same session): no page of the app is open when the job ends
        browser.driver.get(base + "apps/disable-button/_jdash-jobs/" + job);
        browser.waitUntil("the job should end while no page listens", d -> {
            if (d.getPageSource().contains("\"DONE\"")) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });

        browser.open(base + "apps/disable-button/");
        browser.recordStates(P, RUN);
        browser.waitUntil("the job's unheard result should show", d -> browser.history().stream()
                .anyMatch(s -> s.startsWith("paragraph_id=Clicked 1 times|")));
        awaitIdle("Clicked null times", false);
        assertDisabledUntilTheLastResult(browser.history(), RUN);
    }

    @Test
    void reloadingRightAfterTheClickNeverLeavesTheButtonDisabled() {
        browser.open(base + "apps/disable-button/");
        awaitIdle("Clicked null times", false);
        browser.byId(RUN).click();
        browser.driver.navigate().refresh(); // the request may or may not have reached the server
        browser.awaitReady();
        awaitIdle("Clicked null times", false);
        // once enabled, it stays so: no job of this page is left to end
        browser.recordStates(P, RUN);
        browser.byId(RUN).click();
        browser.waitForText(P, "Clicked 1 times");
        browser.waitForDisabled(RUN, false);
        assertEquals(List.of("paragraph_id=Clicked null times|button_id=enabled",
                "paragraph_id=Clicked null times|button_id=disabled",
                "paragraph_id=Clicked 1 times|button_id=enabled"), browser.history());
    }

    // ---- helpers ----

    /** Delays each message Dash's SharedWorker passes to the page (the socket's messages) by 500 ms. */
    static final String SLOW_WORKER_MESSAGES = """
            const port = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
            Object.defineProperty(MessagePort.prototype, 'onmessage', {
              set(listener) { port.set.call(this, (m) => setTimeout(() => listener(m), 500)); },
              get() { return port.get.call(this); },
            });
            window.__slowSocket = true;
            """;

    /** Waits until no job runs: the paragraph reads {@code text}, Run is enabled (and Cancel disabled). */
    private void awaitIdle(String text, boolean hasCancel) {
        browser.waitForText(P, text);
        browser.waitForDisabled(RUN, false);
        if (hasCancel) {
            browser.waitForDisabled(CANCEL, true);
        }
    }

    private String awaitAcceptedJob(int count) {
        List<String> jobs = browser.waitUntil("the server should accept the job",
                d -> browser.jobs().size() >= count ? browser.jobs() : null);
        return jobs.get(count - 1);
    }

    private boolean isEnded(String job) {
        Object state = browser.jobStatus(job).get("state");
        return !"QUEUED".equals(state) && !"RUNNING".equals(state);
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventTypes(Map<String, Object> status) {
        return ((List<Map<String, Object>>) status.get("events")).stream().map(e -> (String) e.get("type")).toList();
    }

    /** The button stays disabled from the page's start until the last result shows, and is enabled then. */
    private static void assertDisabledUntilTheLastResult(List<String> history, String button) {
        String last = history.get(history.size() - 1);
        assertTrue(last.contains(button + "=enabled"), "ends enabled: " + history);
        for (String state : history.subList(0, history.size() - 1)) {
            assertTrue(state.contains(button + "=disabled"), "enabled before all the jobs ended: " + history);
        }
    }
}
