package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What a person sees: the gallery and the hello app in a real headless Chromium. */
class HelloBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps().addClass(HostileApp.class);
    }

    @Test
    void galleryLinksToHelloWhichRunsItsInitialCallbacks() {
        browser.open(base.toString());
        browser.driver.findElement(By.cssSelector("#app-hello a")).click();
        browser.awaitReady();
        assertTrue(browser.driver.getCurrentUrl().endsWith("/apps/hello/"));
        browser.waitForText("my-output", "Output: initial value");
        browser.waitForText("my-length", "Length: 21");
    }

    @Test
    void typingUpdatesTheOutputAndTheChainedOutput() {
        browser.open(base + "apps/hello/");
        browser.waitForText("my-output", "Output: initial value");
        WebElement input = browser.byId("my-input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys("JDash");
        browser.waitForText("my-output", "Output: JDash");
        browser.waitForText("my-length", "Length: 13");
    }

    @Test
    void typedMarkupShowsAsText() {
        browser.open(base + "apps/hello/");
        browser.waitForText("my-output", "Output: initial value");
        WebElement input = browser.byId("my-input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys("<b>bold</b>");
        browser.waitForText("my-output", "Output: <b>bold</b>");
        assertTrue(browser.driver.findElements(By.cssSelector("#my-output b")).isEmpty(), "no <b> element was made");
    }

    @Test
    void aHostilePropIsShownAsTextAndNeverRuns() {
        browser.open(base + "apps/probe/");
        assertEquals(ProbeApp.HOSTILE, browser.textOf("hostile"));
        Object pwned = ((JavascriptExecutor) browser.driver).executeScript("return window.pwned === undefined");
        assertEquals(Boolean.TRUE, pwned);
    }

    @Test
    void markupInEveryValueAfterThePaintStaysText() {
        browser.open(base + "apps/hostile/");
        browser.byId("ordinary").click();
        browser.waitForText("result", HostileApp.RESULT);
        browser.waitForText("side", HostileApp.SET_PROPS);
        browser.byId("job").click();
        browser.waitForText("job-result", HostileApp.JOB_RESULT);
        browser.waitForText("job-side", HostileApp.JOB_SET_PROPS);
        browser.waitForText("job-progress", HostileApp.PROGRESS);
        recordCallbackAnswers();
        browser.byId("fail").click();
        String error = awaitFailedAnswer();
        assertTrue(error.contains(HostileApp.ERROR.replace("\"", "\\\"")), error); // as JSON text
        assertEquals(HostileApp.SET_PROPS, browser.byId("side").getAttribute("title"));
        assertTrue(browser.driver.findElements(By.cssSelector("#result *, #side *, #job-result *, #job-side *,"
                + " #job-progress *, img")).isEmpty(), "no element was made from a value");
        Object pwned = ((JavascriptExecutor) browser.driver).executeScript("return window.pwned === undefined");
        assertEquals(Boolean.TRUE, pwned, "no payload ran");
    }

    /** From now on, the page keeps the body of every failed {@code _dash-update-component} answer. */
    private void recordCallbackAnswers() {
        browser.js().executeScript("""
                window.__failed = [];
                const fetch = window.fetch;
                window.fetch = async (...args) => {
                  const response = await fetch(...args);
                  if (String(args[0]).includes('_dash-update-component') && response.status >= 400) {
                    response.clone().text().then((body) => window.__failed.push(response.status + ' ' + body));
                  }
                  return response;
                };
                """);
    }

    private String awaitFailedAnswer() {
        return browser.waitUntil("a failed callback answer", d -> {
            var failed = (java.util.List<?>) browser.js().executeScript("return window.__failed;");
            return failed.isEmpty() ? null : (String) failed.get(0);
        });
    }

    @Test
    void aFailingCallbackAnswersItsMessageAndThePageGoesOn() {
        browser.open(base + "apps/probe/");
        recordCallbackAnswers();
        browser.byId("fail").click();
        // Dash's renderer in production mode shows no error overlay (debug mode does: DebugModeBrowserIT); the
        // answer carries the app's message and the callback's name, and no exception class name
        String error = awaitFailedAnswer();
        assertTrue(error.contains("the probe failed on purpose"), error);
        assertTrue(error.contains("fail-out.children"), error);
        assertTrue(!error.contains("Exception"), error);
        // the rest of the page still works
        browser.byId("both").click();
        browser.waitForText("left", "left 1");
    }
}
