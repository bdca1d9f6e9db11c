package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Debug mode ({@code jdash.debug=true}, here in the WAR's microprofile-config.properties) against production (the
 * default), with the same failing callback ({@link DebugApp}): Dash's dev tools show the server's stack trace in debug
 * mode only; in production the browser gets the message, never an exception class, and the page stays as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DebugModeBrowserIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private static WebArchive war(String name) {
        File jar = new File(System.getProperty("jdash.test.jar", "target/deployments/jdash.jar"));
        return ShrinkWrap.create(WebArchive.class, name + ".war").addClass(DebugApp.class).addAsLibrary(jar);
    }

    @Deployment(name = "debug", order = 1, testable = false)
    static WebArchive debugWar() {
        return war("debugging").addAsResource(new StringAsset("jdash.debug=true\n"), "META-INF/microprofile-config.properties");
    }

    @Deployment(name = "production", order = 2, testable = false)
    static WebArchive productionWar() {
        return war("production");
    }

    @ArquillianResource
    @OperateOnDeployment("debug")
    URL debug;

    @ArquillianResource
    @OperateOnDeployment("production")
    URL production;

    @Test
    void inDebugModeTheDevToolsShowTheServersTraceAndThePageHotReloads() throws Exception {
        TestClient http = TestClient.of(debug, "/debugging/apps/debug/");
        HttpResponse<String> reload = http.get("/debugging/apps/debug/_reload-hash");
        assertEquals(200, reload.statusCode());
        assertTrue(TestClient.object(reload).getBoolean("hard"));

        browser.open(debug + "apps/debug/");
        browser.byId("fail").click();
        browser.waitUntil(d -> d.findElements(By.cssSelector(".test-devtools-error-count")).stream()
                .anyMatch(count -> count.getText().equals("1")));
        WebElement item = browser.waitUntil(d -> d.findElements(By.cssSelector(".test-devtools-error-toggle")).stream()
                .findFirst().orElse(null));
        assertTrue(item.getText().contains("Callback error updating fail-out.children"), item.getText());
        item.click(); // opens the error: the server's answer, its stack trace
        String trace = browser.waitUntil(d -> {
            String text = d.findElement(By.tagName("body")).getText();
            return text.contains("java.lang.IllegalStateException: " + DebugApp.MESSAGE) ? text : null;
        });
        assertTrue(browser.driver.findElements(By.id("dash-debug-menu__callback-graph-button")).size() == 1,
                "the dev tools have the callback graph");
        assertTrue(trace.contains("io.jdash.it.DebugApp"), "the stack trace names the app's code: " + trace);
    }

    @Test
    void inProductionTheBrowserGetsTheMessageButNoClassNameAndNoDevTools() throws Exception {
        TestClient http = TestClient.of(production, "/production/apps/debug/");
        HttpResponse<String> failed = http.postJson("/production/apps/debug/_dash-update-component",
                "{\"output\":\"fail-out.children\",\"inputs\":[{\"id\":\"fail\",\"property\":\"n_clicks\",\"value\":1}],"
                        + "\"state\":[],\"changedPropIds\":[\"fail.n_clicks\"]}");
        assertEquals(500, failed.statusCode());
        JsonObject body = TestClient.object(failed);
        assertEquals("fail-out.children failed: " + DebugApp.MESSAGE, body.getString("error"));
        assertFalse(failed.body().contains("Exception"), failed.body());
        assertEquals(404, http.get("/production/apps/debug/_reload-hash").statusCode(), "no hot reload in production");

        browser.open(production + "apps/debug/");
        browser.byId("fail").click();
        Thread.sleep(1000);
        assertEquals("untouched", browser.textOf("fail-out"));
        assertTrue(browser.driver.findElements(By.cssSelector(".dash-debug-menu, .dash-debug-menu__outer")).isEmpty(),
                "no dev tools in production");
        assertFalse(browser.driver.getPageSource().contains("IllegalStateException"));
    }
}
