package io.jdash.web;

import io.jdash.app.MountedApp;
import io.jdash.layout.Component;
import java.util.Set;

/**
 * Which browser runtime serves an app while JDash moves to Dash's own renderer: apps whose callbacks are all
 * ordinary and whose components all come from suites a {@code component-suites.json} names (Dash's html, dcc and
 * dash_table, and any suite the app added with the generator) get Dash's renderer; apps with background callbacks
 * or JDash's AG Grid stay on JDash's older runtime until those move too.
 */
final class RendererChoice {

    private RendererChoice() {
    }

    static boolean dashRenderer(MountedApp app, Set<String> suiteNamespaces) {
        boolean background = app.callbacks().callbacks().stream().anyMatch(cb -> cb.isBackground());
        return !background && app.layout().descendantsAndSelf().stream()
                .map(Component::namespace).allMatch(suiteNamespaces::contains);
    }
}
