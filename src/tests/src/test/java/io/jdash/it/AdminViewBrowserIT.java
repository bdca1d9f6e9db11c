package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The job admin view as its operator sees it in Chromium, logged in with HTTP Basic (once through a URL with
 * credentials, which the browser then sends with the view's requests, its socket's included): another visitor's running and queued jobs are listed, and the
 * queued one's Remove ends it, which its owner hears.
 */
class AdminViewBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AdminViewIT.deployment();
    }

    @BeforeAll
    static void users() throws Exception {
        AdminViewIT.addUsers();
    }

    @Test
    void theOperatorSeesAnotherVisitorsJobsAndRemovesTheQueuedOne() throws Exception {
        String p = "admin-browser-" + System.nanoTime() + "-";
        TestClient alice = TestClient.open(base, "bg-jms");
        try (JobFeed feed = alice.feed()) {
            String running = alice.work(p + "running", 0, "hold");
            feed.await(running, "set_props", Duration.ofSeconds(30));
            alice.work(p + "held", 0, "ok");
            String queued = alice.work(p + "queued", 0, "ok");

            String view = base + "apps/jdash-admin/";
            String withCredentials = view.replaceFirst("^http://", "http://" + AdminViewIT.ADMIN + ":"
                    + AdminViewIT.PASSWORD + "@") + "_dash-layout";
            // a URL with credentials logs the browser in (it keeps them for the realm, as after its login dialog);
            // the view itself is opened without them, as a person has it (fetch refuses a page URL with credentials)
            browser.driver.get(withCredentials);
            browser.open(view);
            browser.waitUntil("the table lists alice's queued job", d -> !d.findElements(By.id("job-" + queued)).isEmpty());
            assertTrue(browser.textOf("job-" + running).contains("running"), browser.textOf("job-" + running));
            assertTrue(browser.textOf("job-" + queued).contains("queued"), browser.textOf("job-" + queued));
            assertFalse(browser.driver.getPageSource().contains(alice.owner()), "the owner cookie never shows");
            browser.screenshot("admin-view-jobs");

            browser.driver.findElement(By.cssSelector("[id='job-" + queued + "'] button:last-child")).click();
            browser.waitUntil("the view says the job was removed",
                    d -> browser.textOf("jdash-admin-message").contains("removed"));
            browser.waitUntil("the removed job leaves the queued and running list",
                    d -> d.findElements(By.id("job-" + queued)).isEmpty());
            assertEquals("removed from its queue by an operator: the job did not run",
                    feed.awaitEnd(queued, Duration.ofSeconds(10)).json().getString("message"));
            browser.screenshot("admin-view-after-remove");
            // the JSON page's /favicon.ico (which this server has not) may be asked for at any time; the view names its own
            assertEquals(java.util.List.of(), browser.consoleErrors().stream()
                    .filter(error -> !error.contains("/favicon.ico ")).toList());
        } finally {
            alice.release(p + "running");
        }
    }
}
