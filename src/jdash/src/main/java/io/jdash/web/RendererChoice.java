package io.jdash.web;

import io.jdash.app.MountedApp;
import io.jdash.layout.Component;
import java.util.Set;

/**
 * Which browser runtime serves an app while JDash moves to Dash's own renderer: apps whose components all come from
 * suites a {@code component-suites.json} names (Dash's html, dcc and dash_table, and any suite the app added with the
 * generator) get Dash's renderer, background callbacks included; apps with JDash's own AG Grid stay on JDash's older
 * runtime until the grid is a suite too.
 */
final class RendererChoice {

    private RendererChoice() {
    }

    static boolean dashRenderer(MountedApp app, Set<String> suiteNamespaces) {
        return app.layout().descendantsAndSelf().stream().map(Component::namespace).allMatch(suiteNamespaces::contains);
    }
}
