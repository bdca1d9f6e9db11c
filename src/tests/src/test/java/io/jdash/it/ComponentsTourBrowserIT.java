package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The gallery's components tour on Dash's renderer: each dcc component's main interaction, as a person does it,
 * reaches its callback and the answer shows.
 */
class ComponentsTourBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    private void openTour() {
        browser.open(base + "apps/components/");
        browser.waitForText("dropdown-out", "city: NYC");
    }

    @Test
    void pickersSendTheirValues() {
        openTour();
        browser.byId("dropdown").click();
        browser.waitUntil(d -> d.findElements(By.xpath("//*[@role='option'][normalize-space()='Montréal']")).stream()
                .findFirst().orElse(null)).click();
        browser.waitForText("dropdown-out", "city: MTL");

        browser.driver.findElement(By.xpath("//*[@id='checklist']//label[normalize-space()='b']")).click();
        browser.waitForText("checklist-out", "checked: [a, b]");

        browser.driver.findElement(By.xpath("//*[@id='radio']//label[normalize-space()='green']")).click();
        browser.waitForText("radio-out", "colour: green");

        browser.byId("tab-two").click();
        browser.waitForText("tabs-out", "tab: two");

        browser.waitForText("date-out", "date: 2026-12-01");
        browser.waitForText("dates-out", "from 2026-12-01 to 2026-12-24");
    }

    @Test
    void slidersMoveWithTheKeyboard() {
        openTour();
        browser.waitForText("slider-out", "slider: 5");
        browser.driver.findElement(By.cssSelector("#slider [role=slider]")).sendKeys(Keys.ARROW_RIGHT);
        browser.waitForText("slider-out", "slider: 6");

        browser.waitForText("range-out", "range: [2, 8]");
        browser.driver.findElements(By.cssSelector("#range [role=slider]")).get(0).sendKeys(Keys.ARROW_RIGHT);
        browser.waitForText("range-out", "range: [3, 8]");
    }

    @Test
    void typingReachesTheCallbacks() {
        openTour();
        WebElement input = browser.byId("input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "world");
        browser.waitForText("input-out", "typed: world");

        browser.waitForText("textarea-out", "lines: 2");
        WebElement textarea = browser.byId("textarea");
        textarea.sendKeys(Keys.END, Keys.ENTER, "third");
        browser.waitForText("textarea-out", "lines: 3");

        WebElement markdown = browser.byId("markdown-in");
        markdown.sendKeys(Keys.chord(Keys.CONTROL, "a"), "# Title");
        browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("#markdown h1"), "Title"));
    }

    @Test
    void buttonsStoresIntervalsAndLoading() {
        openTour();
        browser.byId("button").click();
        browser.waitForText("button-out", "pressed 1 times");

        browser.waitForText("store-out", "store: {count=0}");
        browser.byId("store-button").click();
        browser.waitForText("store-out", "store: {count=1}");

        browser.waitForText("interval-out", "ticks: 3");

        browser.byId("loading-button").click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#loading *")).isEmpty()); // the spinner
        browser.waitForText("loading-out", "result: done 1");
    }

    @Test
    void aClickOnABarOfTheGraphIsItsClickData() {
        openTour();
        browser.waitForText("graph-out", "click a bar");
        WebElement bar = browser.waitUntil(d -> d.findElements(By.cssSelector("#graph .bars path")).size() == 3
                ? d.findElements(By.cssSelector("#graph .bars path")).get(1) : null);
        new Actions(browser.driver).moveToElement(bar).click().perform();
        browser.waitForText("graph-out", "clicked b = 1");
    }

    @Test
    void tooltipUploadDownloadClipboardConfirmAndLink() throws Exception {
        openTour();
        browser.byId("tooltip-button").click();
        browser.waitForText("tooltip-out", "tooltip shown");
        assertTrue(browser.byId("tooltip").isDisplayed(), "the tooltip shows");

        Path file = Files.createTempFile("tour", ".txt");
        Files.writeString(file, "twelve bytes");
        browser.driver.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(file.toString());
        browser.waitForText("upload-out", "uploaded " + file.getFileName() + " (12 bytes, about)");

        browser.byId("download-button").click();
        browser.waitForText("download-out", "sent hello.txt");

        browser.byId("clipboard").click();
        browser.waitForText("clipboard-out", "copied 1 times");

        browser.byId("danger").click();
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        browser.waitForText("confirm-out", "confirmed 1 times");

        browser.byId("link").click();
        browser.waitForText("url-out", "search: ?page=2");
        assertEquals(base + "apps/components/?page=2", browser.driver.getCurrentUrl(), "dcc.Link changed the URL in place");
    }
}
