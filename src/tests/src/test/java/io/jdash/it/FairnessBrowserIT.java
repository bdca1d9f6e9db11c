package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A refused job is shown on the page, in Chromium, over both of Dash's transports: with the server's bound of jobs
 * waiting to start reached (1, in this WAR's config) by another visitor, a click on the disable-button example shows
 * JDash's notice with the server's reason, and the page does not hang (the button is enabled again, the paragraph
 * keeps its text). Once the queue drains, the same click runs.
 */
class FairnessBrowserIT extends BrowserCase {

    /** Makes the page believe it has no SharedWorker, so that it takes Dash's HTTP protocol. */
    private static final String NO_SHARED_WORKER = "delete window.SharedWorker;";
    private static final Duration END = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps(FairnessIT.OVER_THE_SERVERS, "jdash.max-queued-jobs=1");
    }

    @Test
    void aRefusedJobIsShownOnThePageOverTheSocket() throws Exception {
        aRefusedJobIsShown("socket");
    }

    @Test
    void aRefusedJobIsShownOnThePageOverHttp() throws Exception {
        browser.beforeEveryNewPage(NO_SHARED_WORKER);
        aRefusedJobIsShown("http");
    }

    private void aRefusedJobIsShown(String transport) throws Exception {
        browser.open(base + "apps/disable-button/");
        assertEquals(transport, browser.js().executeScript("return document.documentElement.dataset.jdashTransport;"));
        browser.waitForText("paragraph_id", "Clicked null times"); // its job at page load ran
        browser.waitForDisabled("button_id", false);

        TestClient other = TestClient.open(base, "bg-jms"); // another visitor fills the server's waiting room
        String tag = "notice-" + transport;
        try (JobFeed feed = other.feed()) {
            feed.await(other.work(tag + "-running", 0, "hold"), "set_props", END);
            String waiting = other.work(tag + "-waiting", 0, "hold");

            browser.byId("button_id").click();
            String notice = browser.waitUntil("the page should show the refusal", d -> {
                Object text = browser.js().executeScript(
                        "var n = document.getElementById('_jdash-notice'); return n && !n.hidden ? n.textContent : null;");
                return text == null ? null : text.toString();
            });
            assertEquals("The server refused to start this job: the server has 1 background jobs waiting to start;"
                    + " try again in a while", notice);
            browser.waitForDisabled("button_id", false); // the page does not wait for a job that never was
            assertEquals("Clicked null times", browser.textOf("paragraph_id"));
            browser.screenshot("fairness-refused-" + transport);

            other.release(tag + "-running");
            other.release(tag + "-waiting");
            assertEquals("done", feed.awaitEnd(waiting, END).type());
            browser.byId("button_id").click();
            browser.waitForText("paragraph_id", "Clicked 2 times");
            assertTrue(browser.consoleErrors().stream().noneMatch(error -> error.contains("Clicked")));
        } finally {
            other.release(tag + "-running");
            other.release(tag + "-waiting");
        }
    }
}
