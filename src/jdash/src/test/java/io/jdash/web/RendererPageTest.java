package io.jdash.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.app.DashApp;
import io.jdash.app.MountedApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The renderer page links what the suites an app added list (src/test/resources/META-INF/jdash/components/test-suite/):
 * their stylesheets after the favicon and before the assets' stylesheets, their scripts after Dash's suites and
 * before the assets' scripts.
 */
class RendererPageTest {

    private record App() implements DashApp {
        @Override
        public String slug() {
            return "page";
        }

        @Override
        public String title() {
            return "Page";
        }

        @Override
        public Component layout() {
            return Html.Div("hello");
        }

        @Override
        public void callbacks(CallbackRegistry app) {
        }
    }

    private static final List<ComponentSuites.Suite> SUITES = List.of(
            new ComponentSuites.Suite("dash_html_components", "dash-html-components", "4.5.0", Map.of(), null, null),
            new ComponentSuites.Suite("test_suite", "test-suite", "1.0.0", Map.of(),
                    List.of("test-suite/dist/test-suite.min.js"), null),
            new ComponentSuites.Suite(null, "test-styles", "1.0.0", null, null, List.of("test-suite/dist/test-suite.css")));

    private static final AppAssets.Listing ASSETS =
            new AppAssets.Listing(List.of("assets/page/app.css?v=1"), List.of("assets/page/app.js?v=1"), null);

    private final String page = RendererPage.render(MountedApp.mount(new App()), "", SUITES, ASSETS);

    private int at(String text) {
        int index = page.indexOf(text);
        assertTrue(index >= 0, text + " is not on the page: " + page);
        return index;
    }

    @Test
    void anAddedSuitesStylesheetIsLinkedAfterTheFaviconBeforeTheAssets() {
        int stylesheet = at("<link rel=\"stylesheet\" href=\"/apps/page/_dash-component-suites/test-suite/dist/test-suite.v");

        assertTrue(at("rel=\"icon\"") < stylesheet);
        assertTrue(stylesheet < at("assets/page/app.css"));
    }

    @Test
    void anAddedSuitesScriptLoadsAfterDashsSuitesBeforeTheAssetsScripts() {
        int script = at("<script src=\"/apps/page/_dash-component-suites/test-suite/dist/test-suite.min.v");

        assertTrue(at("dash_table/bundle.v") < script);
        assertTrue(script < at("assets/page/app.js"));
        assertTrue(at("assets/page/app.js") < at("jdash/renderer-init.v"));
    }

    @Test
    void withoutAddedSuitesThePageHasOnlyDashsScripts() {
        String plain = RendererPage.render(MountedApp.mount(new App()), "", SUITES.subList(0, 1), ASSETS);

        assertFalse(plain.contains("test-suite"), plain);
    }
}
