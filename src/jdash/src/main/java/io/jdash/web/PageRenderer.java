package io.jdash.web;

import io.jdash.json.JsonCodec;

import io.jdash.app.MountedApp;
import io.jdash.layout.Component;
import io.jdash.layout.Dag;
import io.jdash.layout.Dcc;
import io.jdash.layout.HtmlRenderer;

/**
 * The HTML of an app's page: the layout rendered for the first paint, the {@link PageConfig} as JSON and the
 * runtime's module script. The layout is fixed once mounted, so each page is rendered once and reused; only the
 * {@code <meta name="jdash-csrf">} token differs between owners and is put in on each load.
 */
final class PageRenderer {

    /** Plotly.js, loaded only by pages that have a Graph. */
    static final String PLOTLY = "/vendor/plotly.js-dist-min/plotly.min.js";
    /** AG Grid Community, loaded only by pages that have an AgGrid. */
    static final String AG_GRID = "/vendor/ag-grid-community/dist/ag-grid-community.min.js";

    private PageRenderer() {
    }

    /** The classic scripts of the libraries the layout's components need, before the runtime module. */
    static String libraries(Component layout, String contextPath) {
        var scripts = new StringBuilder();
        var all = layout.descendantsAndSelf();
        if (all.stream().anyMatch(c -> c.namespace().equals(Dcc.NAMESPACE) && c.type().equals("Graph"))) {
            scripts.append("<script src=\"").append(contextPath).append(PLOTLY).append("\"></script>");
        }
        if (all.stream().anyMatch(c -> c.namespace().equals("dash_ag_grid"))) {
            scripts.append("<script src=\"").append(contextPath).append(AG_GRID).append("\"></script>");
        }
        return scripts.toString();
    }

    /** A rendered page, split where the owner's CSRF token goes. */
    record Page(String beforeToken, String afterToken) {
        String withToken(String csrfToken) {
            return beforeToken + HtmlRenderer.escape(csrfToken) + afterToken;
        }
    }

    static Page render(MountedApp app, String contextPath) {
        String appPath = app.path(contextPath);
        var config = new PageConfig(appPath, app.layout(), app.dependencies());
        return new Page("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"jdash-csrf\" content=\"", "\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlRenderer.escape(app.app().title()) + " · JDash</title>"
                + "<link rel=\"icon\" href=\"" + appPath + SuiteFiles.url("jdash/favicon.svg") + "\">"
                + "<link rel=\"stylesheet\" href=\"" + contextPath + "/runtime/jdash.css\">"
                + "</head><body>"
                + "<div id=\"_dash-app-content\">" + HtmlRenderer.render(app.layout()) + "</div>"
                + "<div id=\"jdash-errors\" aria-live=\"polite\"></div>"
                + "<script type=\"application/json\" id=\"jdash-config\">" + JsonCodec.toJsonForHtml(config) + "</script>"
                + libraries(app.layout(), contextPath)
                + "<script type=\"module\" src=\"" + contextPath + "/runtime/app.js\"></script>"
                + "</body></html>");
    }
}
