package io.jdash.web;

import io.jdash.app.MountedApp;
import io.jdash.layout.HtmlRenderer;

/**
 * The HTML of an app's page: the layout rendered for the first paint, the {@link PageConfig} as JSON and the
 * runtime's module script. The layout is fixed once mounted, so each page is rendered once and reused.
 */
final class PageRenderer {

    private PageRenderer() {
    }

    static String render(MountedApp app, String contextPath) {
        String appPath = contextPath + "/apps/" + app.slug() + "/";
        var config = new PageConfig(appPath, app.layout(), app.dependencies());
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlRenderer.escape(app.app().title()) + " · JDash</title>"
                + "<link rel=\"stylesheet\" href=\"" + contextPath + "/runtime/jdash.css\">"
                + "</head><body>"
                + "<div id=\"_dash-app-content\">" + HtmlRenderer.render(app.layout()) + "</div>"
                + "<div id=\"jdash-errors\" aria-live=\"polite\"></div>"
                + "<script type=\"application/json\" id=\"jdash-config\">" + JsonCodec.toJsonForHtml(config) + "</script>"
                + "<script type=\"module\" src=\"" + contextPath + "/runtime/app.js\"></script>"
                + "</body></html>";
    }
}
