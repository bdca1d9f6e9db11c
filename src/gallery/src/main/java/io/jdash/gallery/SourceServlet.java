package io.jdash.gallery;

import io.jdash.app.AppCatalog;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** {@code GET /source/<slug>}: the example app's Java file as plain text, for the gallery's "view source" links. */
@WebServlet(urlPatterns = SourceServlet.PATH + "*")
public class SourceServlet extends HttpServlet {

    static final String PATH = "/source/";
    private static final long serialVersionUID = 1L;

    @Inject
    AppCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<String> source = catalog.find(slug).flatMap(app -> AppSource.of(app.app()));
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (source.isEmpty()) {
            response.setStatus(404);
            response.setContentType("application/json");
            response.getWriter().write(Json.createObjectBuilder()
                    .add("error", "no source for app '" + slug + "'").build().toString());
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().write(source.get());
    }
}
