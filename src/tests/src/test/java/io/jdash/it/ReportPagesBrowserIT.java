package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The gallery's multi-page app with a background job, in Chromium: a job started on the Build page goes on while
 * the user visits another page, and when the user comes back the page shows it as it is (button disabled, Cancel
 * enabled, the progress so far — Dash shows the layout's defaults there), then its result; Cancel works on the
 * page shown again.
 */
class ReportPagesBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @Test
    void aJobKeepsItsRunningStateAndProgressAcrossAPageSwitch() {
        browser.open(base + "apps/report-pages/build");
        browser.waitForText("build-status", "No report yet");
        browser.byId("build").click();
        browser.waitForDisabled("cancel-build", false);
        browser.waitUntil("the job's progress reaches 2", d -> progress() >= 2);
        int before = progress();

        browser.byId("link-about").click();
        browser.waitForText("about-title", "About");
        browser.byId("link-build").click();
        browser.waitForText("build-title", "Build a report");
        assertTrue(browser.isDisabled("build"), "the page shown again knows its job runs");
        assertFalse(browser.isDisabled("cancel-build"), "its Cancel is on");
        assertTrue(progress() >= before, "the progress bar shows the job's progress, " + progress() + " < " + before);

        browser.waitForText("build-status", "Report 1 is ready: 8 sections");
        browser.waitForDisabled("build", false);
        assertTrue(browser.isDisabled("cancel-build"), "Cancel is off again");
        assertEquals(0, progress(), "the progress default after the end");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void cancelWorksOnThePageShownAgain() {
        browser.open(base + "apps/report-pages/build");
        browser.waitForText("build-status", "No report yet");
        browser.recordJobs();
        browser.byId("build").click();
        browser.waitUntil("the job's progress reaches 1", d -> progress() >= 1);
        browser.byId("link-home").click();
        browser.waitForText("home-title", "Reports");
        browser.byId("link-build").click();
        browser.waitForText("build-title", "Build a report");
        browser.waitForDisabled("cancel-build", false);
        browser.byId("cancel-build").click();
        browser.waitForDisabled("build", false);
        assertTrue(browser.isDisabled("cancel-build"), "Cancel is off again");
        assertEquals("No report yet", browser.textOf("build-status"), "a cancelled job writes no result");
        List<String> jobs = browser.jobs();
        assertEquals(1, jobs.size(), jobs.toString());
        browser.waitUntil("the job ends cancelled", d -> "CANCELLED".equals(browser.jobStatus(jobs.get(0)).get("state")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    private int progress() {
        String value = browser.byId("build-progress").getDomProperty("value");
        return value == null ? -1 : (int) Double.parseDouble(value);
    }
}
