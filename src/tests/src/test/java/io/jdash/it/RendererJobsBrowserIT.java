package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Background jobs on Dash's renderer over both of its transports, in Chromium: the app's WebSocket (Dash's
 * SharedWorker), and Dash's HTTP polling protocol, which a page without SharedWorker uses. On both, every progress
 * value and every {@code set_props} of a job reaches the page, in order, even when they come faster than a poll;
 * a newer request of the same callback supersedes the older one, whose job is cancelled and whose result never
 * shows; the seed examples' running and cancel work over HTTP as they do over the socket.
 */
class RendererJobsBrowserIT extends BrowserCase {

    /** Makes the page believe it has no SharedWorker, so that it takes Dash's HTTP protocol. */
    private static final String NO_SHARED_WORKER = "delete window.SharedWorker;";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @Test
    void everyUpdateArrivesInOrderOverTheSocket() {
        everyUpdateArrivesInOrder("socket");
    }

    @Test
    void everyUpdateArrivesInOrderOverHttp() {
        browser.beforeEveryNewPage(NO_SHARED_WORKER);
        everyUpdateArrivesInOrder("http");
    }

    @Test
    void aNewerRequestSupersedesTheOlderOverTheSocket() {
        aNewerRequestSupersedesTheOlder("socket");
    }

    @Test
    void aNewerRequestSupersedesTheOlderOverHttp() {
        browser.beforeEveryNewPage(NO_SHARED_WORKER);
        aNewerRequestSupersedesTheOlder("http");
    }

    @Test
    void disableButtonWorksOverHttp() {
        browser.beforeEveryNewPage(NO_SHARED_WORKER);
        browser.open(base + "apps/disable-button/");
        assertTransport("http");
        browser.waitForText("paragraph_id", "Clicked null times");
        browser.waitForDisabled("button_id", false);
        browser.byId("button_id").click();
        browser.waitForDisabled("button_id", true);
        browser.waitForText("paragraph_id", "Clicked 1 times");
        browser.waitForDisabled("button_id", false);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void cancelWorksOverHttp() {
        browser.beforeEveryNewPage(NO_SHARED_WORKER);
        browser.open(base + "apps/cancel/");
        assertTransport("http");
        browser.waitForText("paragraph_id", "Clicked null times");
        browser.waitForDisabled("button_id", false);
        browser.recordJobs();
        browser.byId("button_id").click();
        browser.waitForDisabled("cancel_button_id", false);
        String job = browser.waitUntil("the job should be accepted", d -> browser.jobs().isEmpty() ? null : browser.jobs().get(0));
        browser.byId("cancel_button_id").click();
        browser.waitForDisabled("button_id", false);
        assertTrue(browser.isDisabled("cancel_button_id"));
        browser.waitUntil("the job should end cancelled", d -> "CANCELLED".equals(browser.jobStatus(job).get("state")));
        assertEquals("Clicked null times", browser.textOf("paragraph_id"));
    }

    private void everyUpdateArrivesInOrder(String transport) {
        browser.open(base + "apps/" + RendererJobsApp.SLUG + "/");
        assertTransport(transport);
        browser.js().executeScript("""
                window.__seen = { progress: [], side: [] };
                const watch = (id, list) => new MutationObserver(() => {
                  const text = document.getElementById(id).textContent;
                  if (list[list.length - 1] !== text) list.push(text);
                }).observe(document.getElementById(id), { subtree: true, childList: true, characterData: true });
                watch('rapid-progress', window.__seen.progress);
                watch('rapid-side', window.__seen.side);
                """);
        browser.byId("rapid-run").click();
        browser.waitForText("rapid-out", "rapid done");
        @SuppressWarnings("unchecked")
        var seen = (Map<String, List<String>>) browser.js().executeScript("return window.__seen;");
        assertEquals(IntStream.range(0, RendererJobsApp.UPDATES).mapToObj(String::valueOf).toList(), seen.get("progress"),
                "every progress value, in order, over " + transport);
        assertEquals(IntStream.range(0, RendererJobsApp.UPDATES).mapToObj(i -> "side " + i).toList(), seen.get("side"),
                "every set_props, in order, over " + transport);
        assertEquals(List.of(), browser.consoleErrors());
    }

    private void aNewerRequestSupersedesTheOlder(String transport) {
        browser.open(base + "apps/" + RendererJobsApp.SLUG + "/");
        assertTransport(transport);
        browser.recordJobs();
        browser.recordStates("slow-out", "slow-state");
        browser.byId("slow-run").click();
        String first = browser.waitUntil("the first job should be accepted",
                d -> browser.jobs().isEmpty() ? null : browser.jobs().get(0));
        browser.byId("slow-run").click();
        browser.waitForText("slow-out", "slow 2");
        browser.waitForText("slow-state", "idle");
        assertEquals("CANCELLED", browser.jobStatus(first).get("state"), "the superseded job is cancelled");
        List<String> history = browser.history();
        assertTrue(history.stream().noneMatch(s -> s.contains("slow 1")), "the superseded job's result showed: " + history);
        assertEquals("slow-out=slow 2|slow-state=idle", history.get(history.size() - 1));
        assertTrue(history.subList(1, history.size() - 1).stream().allMatch(s -> s.endsWith("slow-state=running")),
                "running until the newest job's end: " + history);
    }

    private void assertTransport(String transport) {
        assertEquals(transport, browser.waitUntil("the page should pick its transport", d -> browser.js()
                .executeScript("return document.documentElement.dataset.jdashTransport;")));
    }
}
