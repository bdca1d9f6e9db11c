package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Every page the gallery links to loads without a console error (a failed load, an exception) in Chromium. */
class GalleryPagesBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @Test
    void noGalleryPageWritesAConsoleError() throws Exception {
        browser.open(base.toString());
        List<String> pages = browser.driver.findElements(By.cssSelector("#gallery a.app-link")).stream()
                .map(link -> link.getDomAttribute("href")).toList();
        assertTrue(pages.size() >= 8, "the gallery lists its apps: " + pages);
        assertEquals(List.of(), browser.consoleErrors(), "the gallery itself");

        var errors = new LinkedHashMap<String, List<String>>();
        for (String page : pages) {
            browser.open(base.toURI().resolve(page).toString());
            Thread.sleep(1500); // initial callbacks, lazy chunks, the push socket
            browser.screenshot("gallery" + page.replace('/', '-'));
            List<String> found = new ArrayList<>(browser.consoleErrors());
            // dcc.Geolocation asks Chromium for a position, and Chromium's network location provider cannot reach
            // Google from this offline test browser: the machine's doing, not the page's
            found.removeIf(message -> message.contains("Network location provider at 'https://www.googleapis.com/'"));
            if (!found.isEmpty()) {
                errors.put(page, found);
            }
        }
        assertEquals(new LinkedHashMap<>(), errors, "console errors by page");
    }
}
