package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** A multi-page app ({@link PagesApp}) in Chromium: links change the page in place, each page has its URL and title. */
class PagesBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @Test
    void linksShowEachPageAtItsOwnUrlWithItsTitle() {
        browser.open(base + "apps/multi/");
        browser.waitForText("home-title", "Home page");
        browser.waitUntil(d -> "Home".equals(d.getTitle()) ? true : null);

        browser.byId("link-analytics").click();
        browser.waitForText("analytics-title", "Analytics");
        browser.waitForText("analytics-out", "analysed x");
        assertEquals(base + "apps/multi/analytics", browser.driver.getCurrentUrl());
        browser.waitUntil(d -> "Analytics · Pages".equals(d.getTitle()) ? true : null);
        browser.byId("analytics-in").sendKeys(Keys.END, "y");
        browser.waitForText("analytics-out", "analysed xy");

        browser.byId("link-report").click();
        browser.waitForText("report-title", "Report 7");
        assertEquals(base + "apps/multi/reports/one?id=7", browser.driver.getCurrentUrl());

        // a link from a nested page is still relative to the app's path
        browser.byId("link-home").click();
        browser.waitForText("home-title", "Home page");
        assertEquals(base + "apps/multi/", browser.driver.getCurrentUrl());

        browser.driver.navigate().back();
        browser.waitForText("report-title", "Report 7");
    }

    @Test
    void aPageUrlOpenedDirectlyShowsThatPageAndAnUnknownOneTheNotFoundPage() {
        browser.open(base + "apps/multi/reports/one?id=42");
        browser.waitForText("report-title", "Report 42");

        browser.open(base + "apps/multi/nothing-here");
        browser.waitUntil(d -> d.findElement(org.openqa.selenium.By.tagName("h1")).getText()
                .equals("404 - Page not found") ? true : null);
        assertEquals(java.util.List.of(), browser.consoleErrors(), "no console error on a page URL");
    }
}
