package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Dash's callback features, as a person uses them on Dash's renderer ({@link DashFeaturesApp}). */
class DashFeaturesBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    private static String rowOut(int n) {
        return "{\"index\":" + n + ",\"type\":\"row-out\"}";
    }

    private WebElement rowIn(int n) {
        return browser.byId("{\"index\":" + n + ",\"type\":\"row-in\"}");
    }

    @Test
    void rowsAddedByAPatchEachGetTheirMatchCallbackAndTheAllCallbackSeesThemAll() {
        browser.open(base + "apps/features/");
        browser.waitForText("total", "0 rows []");
        browser.byId("add-row").click();
        browser.waitForText(rowOut(1), "row 1 = []");
        browser.byId("add-row").click();
        browser.waitForText(rowOut(2), "row 2 = []");
        browser.waitForText("total", "2 rows [|]");

        rowIn(2).sendKeys("two");
        browser.waitForText(rowOut(2), "row 2 = [two]");
        assertEquals("row 1 = []", browser.textOf(rowOut(1)), "MATCH updates only the row that changed");
        browser.waitForText("total", "2 rows [|two]");
        rowIn(1).sendKeys("one");
        browser.waitForText("total", "2 rows [one|two]");
        assertEquals(2, browser.driver.findElements(By.cssSelector("#rows > div")).size(), "the patch appended, twice");
    }

    @Test
    void aSecondCallbackWritesTheSameOutputThroughAllowDuplicate() {
        browser.open(base + "apps/features/");
        browser.waitForText("total", "0 rows []");
        browser.byId("clear").click();
        browser.waitForText("total", "cleared");
    }

    @Test
    void argumentsComeInDeclarationOrder() {
        browser.open(base + "apps/features/");
        browser.waitForText("order-out", "a,b,c");
        WebElement c = browser.byId("order-c");
        c.sendKeys(Keys.chord(Keys.CONTROL, "a"), "C");
        browser.waitForText("order-out", "a,b,C");
    }

    @Test
    void aCallbackReadsTheRequestsCookiesAndHeadersAndSetsACookie() {
        browser.open(base + "apps/features/");
        browser.awaitReady();
        browser.byId("who").click();
        browser.waitForText("who-out", "flavor none, header true, owner shown false");
        browser.byId("who").click();
        browser.waitForText("who-out", "flavor mint, header true, owner shown false");
        assertTrue(browser.driver.manage().getCookieNamed("flavor").isHttpOnly());
    }

    @Test
    void aWebsocketCallbackTravelsOverTheAppsSocket() {
        browser.open(base + "apps/features/");
        browser.waitForText("ws-out", "over the websocket: first");
        WebElement input = browser.byId("ws-in");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "second");
        browser.waitForText("ws-out", "over the websocket: second");
        browser.waitForText("order-out", "a,b,c"); // the others still over HTTP, beside it
        // the one error this page writes is the renderer's warning about the app's javascript: link (on purpose)
        assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("Dangerous link detected")).toList());
    }

    @Test
    void javascriptUrlsAndMarkupInPropsNeverRun() {
        browser.open(base + "apps/features/");
        browser.waitForText("markup-text", "<img src=x onerror=window.pwned=3>");
        for (String id : List.of("bad-link", "bad-dcc-link")) {
            String href = String.valueOf(browser.byId(id).getDomAttribute("href")).trim().toLowerCase(java.util.Locale.ROOT);
            assertFalse(href.startsWith("javascript:"), id + " keeps no javascript: URL: " + href);
        }
        Object pwned = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("return window.pwned === undefined");
        assertEquals(Boolean.TRUE, pwned, "no payload ran");
        assertTrue(browser.driver.findElements(By.cssSelector("#markup-text img")).isEmpty(), "text stays text");
    }

    @Test
    void aClientsideCallbackRunsTheAssetsScriptAndTheAssetsStylesheetApplies() {
        browser.open(base + "apps/features/");
        browser.waitForText("shout-out", "QUIET!");
        WebElement input = browser.byId("shout-in");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "loud");
        browser.waitForText("shout-out", "LOUD!");
        String color = browser.byId("who-out").getCssValue("color");
        assertTrue(color.matches("rgba?\\(0, 128, 0(, 1)?\\)"), "assets/features/style.css is linked: " + color);
        String icon = browser.driver.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href");
        assertTrue(icon.startsWith("/apps/features/_dash-component-suites/jdash/favicon."), icon);
    }
}
