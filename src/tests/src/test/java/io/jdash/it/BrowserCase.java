package io.jdash.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test shares: Arquillian on the client side, the URL of the test's deployment ({@link #base}),
 * and a fresh headless Chromium for each test ({@link #browser}). A subclass declares its own {@code @Deployment}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserCase {

    @ArquillianResource
    URL base;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
