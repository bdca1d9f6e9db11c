package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The gallery's rows app in Chromium: pattern-matching ids with background jobs. Each row's job runs for that row
 * only ({@code MATCH}): its progress, running values and cancel touch no other row, and the summary reads every
 * row's result ({@code ALL}); rows come and go with {@code Patch}.
 */
class RowsBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    private static String id(String type, int index) {
        return "{\"index\":" + index + ",\"type\":\"" + type + "\"}";
    }

    @Test
    void eachRowHasItsOwnJobProgressAndCancel() {
        browser.open(base + "apps/rows/");
        browser.waitForText("summary", "2 rows, none done");
        browser.byId("add-row").click();
        browser.waitForText("summary", "3 rows, none done");
        browser.recordJobs();
        browser.recordStates(id("result", 1), id("run", 1));

        browser.byId(id("run", 0)).click();
        browser.waitForDisabled(id("cancel", 0), false);
        browser.byId(id("run", 2)).click(); // queued behind row 0's job on the app's worker queue
        browser.waitForDisabled(id("cancel", 2), false);
        assertTrue(browser.isDisabled(id("run", 2)), "row 2 runs");
        browser.waitUntil("row 0's bar moves", d -> Integer.parseInt(value(id("progress", 0))) >= 2);
        browser.byId(id("cancel", 2)).click();
        browser.waitForDisabled(id("run", 2), false);
        assertTrue(browser.isDisabled(id("cancel", 2)), "row 2's Cancel is off again");
        assertTrue(browser.isDisabled(id("run", 0)), "row 0's job still runs");

        browser.waitForText(id("result", 0), "row 0 done (run 1)");
        browser.waitForDisabled(id("run", 0), false);
        assertEquals("10", value(id("progress", 0)), "row 0's bar went to its end");
        assertEquals("0", value(id("progress", 2)), "row 2's job never ran");
        assertEquals("not run", browser.textOf(id("result", 2)));
        browser.waitForText("summary", "3 rows, 1 done");
        assertEquals(List.of(id("result", 1) + "=not run|" + id("run", 1) + "=enabled"), browser.history(),
                "row 1 saw nothing of the other rows' jobs");

        List<String> jobs = browser.jobs();
        assertEquals(2, jobs.size(), jobs.toString());
        assertEquals("DONE", browser.jobStatus(jobs.get(0)).get("state"));
        Map<String, Object> cancelled = browser.jobStatus(jobs.get(1));
        assertEquals("CANCELLED", cancelled.get("state"), cancelled.toString());

        browser.byId("remove-row").click();
        browser.waitForText("summary", "2 rows, 1 done");
        assertEquals("<absent>", browser.textOf(id("result", 2)));
        assertEquals(List.of(), browser.consoleErrors());
    }

    private String value(String elementId) {
        return browser.byId(elementId).getDomAttribute("value");
    }
}
