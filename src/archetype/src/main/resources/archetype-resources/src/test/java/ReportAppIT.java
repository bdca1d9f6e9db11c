package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The app as a person sees it: the WAR this build made, on WildFly, in a headless Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportAppIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "${artifactId}.war")
                .importFrom(new File(System.getProperty("test.war")))
                .as(WebArchive.class);
    }

    @ArquillianResource
    URL base;

    private WebDriver browser;

    @BeforeEach
    void openApp() {
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("test.chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1000,700");
        var driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("test.chromedriver")))
                .build();
        browser = new ChromeDriver(driver, options);
        browser.get(base + "apps/${appSlug}/");
        waitForText("greeting", "Hello, world!");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theGreetingFollowsTheTextBox() {
        WebElement name = byId("name");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        name.sendKeys("Ada");
        waitForText("greeting", "Hello, Ada!");
    }

    @Test
    void theReportIsBuiltInTheBackgroundWithItsProgressShown() {
        assertFalse(byId("cancel").isEnabled(), "cancel is disabled before any job");
        byId("run").click();
        waitUntil("the run button is disabled while the job runs", d -> !byId("run").isEnabled());
        assertTrue(byId("cancel").isEnabled(), "cancel is enabled while the job runs");
        waitUntil("the progress bar moves", d -> Integer.parseInt(byId("progress").getDomProperty("value")) >= 2);
        waitForText("report", "Report for world: " + ReportApp.STEPS + " steps done");
        waitUntil("the run button is enabled again", d -> byId("run").isEnabled());
        assertFalse(byId("cancel").isEnabled(), "cancel is disabled when no job runs");
    }

    @Test
    void cancelStopsTheJob() {
        byId("run").click();
        waitUntil("the job runs", d -> !byId("run").isEnabled());
        byId("cancel").click();
        waitUntil("the run button is enabled again", d -> byId("run").isEnabled());
        // the job would have finished by now; it was stopped, so the report never comes
        sleep(ReportApp.STEPS * ReportApp.STEP_MILLIS + 1000);
        assertEquals("No report yet", byId("report").getText());
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void waitForText(String id, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .withMessage(() -> "#" + id + " should read '" + text + "' but reads '" + byId(id).getText() + "'")
                .until(ExpectedConditions.textToBe(By.id(id), text));
    }

    private void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(what).until(condition::apply);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
