package io.jdash.gallery;

import io.jdash.app.AppCatalog;
import io.jdash.app.BrokenApp;
import io.jdash.app.MountedApp;
import io.jdash.web.HtmlText;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The gallery at {@code /}: every app with its title, slug, description and a link; an app that could not be mounted with why. */
@WebServlet(urlPatterns = "")
public class GalleryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AppCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        var page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>JDash gallery</title><link rel=\"icon\" href=\"" + escape(context) + "/favicon.svg\">"
                + "<link rel=\"stylesheet\" href=\"" + escape(context) + "/gallery.css\"></head><body><main>"
                + "<h1>JDash gallery</h1><p>Dash apps in Java on WildFly. Each one below is a short Java file.</p>"
                + "<ul id=\"gallery\">");
        catalog.all().forEach(app -> entry(page, app, context));
        catalog.broken().forEach(app -> broken(page, app));
        page.append("</ul></main></body></html>");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page.toString());
    }

    /** An app that could not be mounted: its title, its slug and why, and no link. */
    private static void broken(StringBuilder page, BrokenApp app) {
        page.append("<li id=\"app-").append(escape(String.valueOf(app.slug()))).append("\" class=\"broken\">")
                .append("<span class=\"app-title\">").append(escape(app.title())).append("</span> <code>")
                .append(escape(String.valueOf(app.slug()))).append("</code> (not mounted)<p class=\"problem\">")
                .append(escape(app.problem())).append("</p></li>");
    }

    private static void entry(StringBuilder page, MountedApp app, String context) {
        page.append("<li id=\"app-").append(escape(app.slug())).append("\"><a href=\"")
                .append(escape(app.path(context))).append("\" class=\"app-link\">").append(escape(app.app().title()))
                .append("</a> <code>").append(escape(app.slug())).append("</code> ");
        if (AppSource.of(app.app()).isPresent()) {
            page.append("<a href=\"").append(escape(context + SourceServlet.PATH + app.slug()))
                    .append("\" class=\"source-link\">view source</a>");
        }
        page.append("<p class=\"description\">").append(escape(app.app().description())).append("</p></li>");
    }

    private static String escape(String text) {
        return HtmlText.escape(text == null ? "" : text);
    }
}
