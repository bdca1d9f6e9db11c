package io.jdash.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdash.layout.Html;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dash Pages: which page a URL names, its query parameters, and what a page path may be. */
class PagesTest {

    @Test
    void thePagePathIsWhatFollowsTheAppsPath() {
        assertEquals("/", Pages.pagePath("/ctx/apps/multi/", "/apps/multi/"));
        assertEquals("/analytics", Pages.pagePath("/ctx/apps/multi/analytics", "/apps/multi/"));
        assertEquals("/reports/one", Pages.pagePath("/apps/multi/reports/one/", "/apps/multi/"));
        assertEquals("/", Pages.pagePath(null, "/apps/multi/"));
    }

    @Test
    void queryParametersAreDecodedAndAMalformedOneKeptAsTyped() {
        assertEquals(Map.of("id", "7", "name", "a b"), Pages.query("?id=7&name=a%20b"));
        assertEquals(Map.of("odd", "100%", "flag", ""), Pages.query("?odd=100%&flag"));
        assertEquals(Map.of(), Pages.query(""));
    }

    @Test
    void aPageHasAPathLikeDashsAndAHrefRelativeToTheApp() {
        assertEquals("./", Page.of("/", "Home", () -> Html.Div()).href());
        assertEquals("reports/one", Page.of("/reports/one", "R", () -> Html.Div()).href());
        assertEquals("R", Page.of("/r", "R", () -> Html.Div()).title());
        assertThrows(IllegalArgumentException.class, () -> Page.of("analytics", "A", () -> Html.Div()));
        assertThrows(IllegalArgumentException.class, () -> Page.of("/a/", "A", () -> Html.Div()));
        assertThrows(IllegalArgumentException.class, () -> Page.of("/a?b", "A", () -> Html.Div()));
    }
}
