package io.jdash.web;

import io.jdash.app.MountedApp;
import io.jdash.layout.Component;
import java.util.Set;

/**
 * Which browser runtime serves an app while JDash moves to Dash's own renderer: apps whose callbacks are all
 * ordinary and whose components all come from Dash's suites (html, dcc, dash_table) get Dash's renderer; apps
 * with background callbacks or JDash's AG Grid stay on JDash's older runtime until those move too.
 */
final class RendererChoice {

    private static final Set<String> DASH_SUITES = Set.of("dash_html_components", "dash_core_components", "dash_table");

    private RendererChoice() {
    }

    static boolean dashRenderer(MountedApp app) {
        boolean background = app.callbacks().callbacks().stream().anyMatch(cb -> cb.isBackground());
        return !background && app.layout().descendantsAndSelf().stream()
                .map(Component::namespace).allMatch(DASH_SUITES::contains);
    }
}
