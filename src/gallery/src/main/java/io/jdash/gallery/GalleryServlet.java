package io.jdash.gallery;

import io.jdash.app.AppCatalog;
import io.jdash.app.BrokenApp;
import io.jdash.app.MountedApp;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import io.jdash.layout.HtmlRenderer;
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
        var items = java.util.stream.Stream.concat(
                catalog.all().stream().map(app -> entry(app, context)),
                catalog.broken().stream().map(GalleryServlet::broken)).toArray();
        Component page = Html.Main(
                Html.H1("JDash gallery"),
                Html.P("Dash apps in Java on WildFly. Each one below is a short Java file."),
                Html.Ul(items).id("gallery"));
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>JDash gallery</title><link rel=\"icon\" href=\"" + context + "/favicon.svg\">"
                + "<link rel=\"stylesheet\" href=\"" + context + "/runtime/jdash.css\"></head><body>"
                + HtmlRenderer.render(page) + "</body></html>");
    }

    /** An app that could not be mounted: its title, its slug and why, and no link. */
    private static Component broken(BrokenApp app) {
        return Html.Li(
                Html.Span(app.title()).className("app-title"),
                " ",
                Html.Code(String.valueOf(app.slug())),
                " (not mounted)",
                Html.P(app.problem()).className("problem"))
                .id("app-" + app.slug()).className("broken");
    }

    private static Component entry(MountedApp app, String context) {
        String base = app.path(context);
        var source = AppSource.of(app.app())
                .map(text -> (Object) Html.A("view source").prop("href", context + SourceServlet.PATH + app.slug())
                        .className("source-link"))
                .orElse("");
        return Html.Li(
                Html.A(app.app().title()).prop("href", base).className("app-link"),
                " ",
                Html.Code(app.slug()),
                " ",
                source,
                Html.P(app.app().description()).className("description"))
                .id("app-" + app.slug());
    }
}
