package io.jdash.web;

import io.jdash.app.MountedApp;
import io.jdash.config.JDashConfig;
import io.jdash.json.JsonCodec;
import java.util.List;
import java.util.Map;

/**
 * The index page of an app served by Dash's own renderer, as Dash writes it: the favicon, the stylesheets of the
 * suites an app added and the assets' stylesheets, an empty {@code react-entry-point} the renderer fills from
 * {@code _dash-layout}, the {@link DashConfig}, and the scripts (React, the renderer, Dash's suites, the scripts of
 * the suites an app added, the assets' scripts, then {@code renderer-init.js} in place of Dash's inline start).
 * The same for every visitor, so it is rendered once per app.
 */
final class RendererPage {

    /** The page's scripts, in load order, under {@code _dash-component-suites/}. */
    static final List<String> SCRIPTS = List.of(
            "dash/deps/polyfill.min.js",
            "dash/deps/react.min.js",
            "dash/deps/react-dom.min.js",
            "dash/deps/prop-types.min.js",
            "dash/dash-renderer/build/dash_renderer.min.js", // the suites use the dash_component_api it defines
            "dash/dcc/dash_core_components.js",
            "dash/dcc/dash_core_components-shared.js",
            "dash/html/dash_html_components.min.js",
            "dash/dash_table/bundle.js",
            "jdash/renderer-init.js");

    private RendererPage() {
    }

    /** {@link #SCRIPTS}, with the development builds of React and the renderer in debug mode (they have the dev tools). */
    static List<String> scripts(boolean debug) {
        if (!debug) {
            return SCRIPTS;
        }
        return SCRIPTS.stream().map(script -> switch (script) {
            case "dash/deps/react.min.js" -> "dash/deps/react.dev.js";
            case "dash/deps/react-dom.min.js" -> "dash/deps/react-dom.dev.js";
            case "dash/deps/prop-types.min.js" -> "dash/deps/prop-types.dev.js";
            case "dash/dash-renderer/build/dash_renderer.min.js" -> "dash/dash-renderer/build/dash_renderer.dev.js";
            default -> script;
        }).toList();
    }

    static String render(MountedApp app, String contextPath, List<ComponentSuites.Suite> suites,
                         AppAssets.Listing assets) {
        Map<String, Map<String, List<String>>> childrenProps = ComponentSuites.childrenProps(suites);
        String appPath = app.path(contextPath);
        String favicon = assets.favicon() != null ? assets.favicon() : SuiteFiles.url("jdash/favicon.svg");
        var html = new StringBuilder(2048)
                .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(HtmlText.escape(app.app().title())).append("</title>")
                .append("<link rel=\"icon\" href=\"").append(HtmlText.escape(appPath + favicon)).append("\">");
        boolean pages = !app.app().pages().isEmpty();
        if (pages) { // a page's links are relative to the app's path, from whichever page they are on
            html.append("<base href=\"").append(HtmlText.escape(appPath)).append("\">");
        }
        for (String stylesheet : ComponentSuites.stylesheets(suites)) {
            html.append("<link rel=\"stylesheet\" href=\"").append(HtmlText.escape(appPath + SuiteFiles.url(stylesheet)))
                    .append("\">");
        }
        for (String stylesheet : assets.stylesheets()) {
            html.append("<link rel=\"stylesheet\" href=\"").append(HtmlText.escape(appPath + stylesheet)).append("\">");
        }
        html.append("</head><body>")
                .append("<div id=\"react-entry-point\"><div class=\"_dash-loading\">Loading...</div></div>")
                .append("<footer><script id=\"_dash-config\" type=\"application/json\">")
                .append(JsonCodec.toJsonForHtml(DashConfig.of(app, appPath, childrenProps)))
                .append("</script>");
        for (String script : scripts(JDashConfig.current().debug()).subList(0, SCRIPTS.size() - 1)) {
            html.append("<script src=\"").append(HtmlText.escape(appPath + SuiteFiles.url(script)))
                    .append("\"></script>");
        }
        if (pages) {
            html.append("<script src=\"").append(HtmlText.escape(appPath + SuiteFiles.url("jdash/pages.js")))
                    .append("\"></script>");
        }
        for (String script : ComponentSuites.scripts(suites)) { // the suites an app added
            html.append("<script src=\"").append(HtmlText.escape(appPath + SuiteFiles.url(script)))
                    .append("\"></script>");
        }
        for (String script : assets.scripts()) { // after the suites, before the renderer starts, as in Dash
            html.append("<script src=\"").append(HtmlText.escape(appPath + script)).append("\"></script>");
        }
        html.append("<script src=\"").append(HtmlText.escape(appPath + SuiteFiles.url(SCRIPTS.get(SCRIPTS.size() - 1))))
                .append("\"></script>");
        return html.append("</footer></body></html>").toString();
    }
}
