package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A suite added the documented way (docs/components.md, "Adding another suite to your app"): dash-bootstrap-components
 * 1.6.0 and Bootstrap's stylesheet, generated and copied by the tests' pom, on {@link DbcApp} in Chromium.
 */
class DbcBrowserIT extends BrowserCase {

    private static final String SCRIPT = "/apps/dbc/_dash-component-suites/dash-bootstrap-components/dist/dash_bootstrap_components.min.v";
    private static final String STYLESHEET = "/apps/dbc/_dash-component-suites/bootstrap/dist/css/bootstrap.min.v";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.dbcWar();
    }

    private String linked(String selector, String attribute, String prefix) {
        List<String> urls = browser.driver.findElements(By.cssSelector(selector)).stream()
                .map(e -> e.getDomAttribute(attribute)).filter(url -> url.startsWith(prefix)).toList();
        assertEquals(1, urls.size(), "the page links " + prefix + "… once: " + browser.driver.getPageSource());
        return urls.get(0);
    }

    @Test
    void thePageLoadsTheDbcScriptAndBootstrapsStylesheetFromTheSuitesPath() throws Exception {
        browser.open(base + "apps/dbc/");
        String script = linked("script[src]", "src", SCRIPT);
        String stylesheet = linked("link[rel=stylesheet]", "href", STYLESHEET);
        var http = TestClient.of(base);

        HttpResponse<byte[]> js = http.getBytes(script);
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), js.headers().map().toString());
        assertTrue(new String(js.body(), java.nio.charset.StandardCharsets.UTF_8).contains("dash_bootstrap_components"));
        HttpResponse<byte[]> css = http.getBytes(stylesheet);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), css.headers().map().toString());
        HttpResponse<byte[]> gzipped = http.getBytes(stylesheet, "Accept-Encoding", "gzip");
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse("none"), "the .gz twin is sent");
        assertArrayEquals(css.body(), gunzip(gzipped.body()), "… and it holds the same stylesheet");
    }

    @Test
    void bootstrapsStylesheetAppliesToTheDbcButton() {
        browser.open(base + "apps/dbc/");
        WebElement go = browser.byId("go");

        assertTrue(go.getDomAttribute("class").contains("btn-primary"), "dbc rendered its Button: " + go.getDomAttribute("class"));
        assertEquals("rgba(13, 110, 253, 1)", go.getCssValue("background-color"), "Bootstrap 5.3's primary blue");
        WebElement card = browser.byId("card");
        assertTrue(card.getDomAttribute("class").contains("card"), card.getDomAttribute("class"));
        assertEquals("6px", card.getCssValue("border-top-left-radius"), "Bootstrap's .card radius (0.375rem)");
    }

    @Test
    void clickingTheDbcButtonRunsItsCallbacksAndTheDbcAlertShowsTheAnswer() {
        browser.open(base + "apps/dbc/");
        browser.waitForText("answer", "Press Go");
        assertTrue(browser.byId("answer").getDomAttribute("class").contains("alert-secondary"));

        WebElement name = browser.byId("name");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Ada");
        browser.byId("go").click();

        browser.waitForText("answer", "Hello, Ada (1)");
        browser.waitUntil("the alert turns green (color=success)",
                d -> browser.byId("answer").getDomAttribute("class").contains("alert-success"));
        browser.byId("go").click();
        browser.waitForText("answer", "Hello, Ada (2)");
        browser.screenshot("dbc");
    }

    @Test
    void thePageWritesNoConsoleError() throws InterruptedException {
        browser.open(base + "apps/dbc/");
        browser.waitForText("answer", "Press Go");
        browser.byId("go").click();
        browser.waitForText("answer", "Hello, World (1)");
        Thread.sleep(500); // anything late: a chunk, the push socket

        assertEquals(List.of(), browser.consoleErrors());
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
