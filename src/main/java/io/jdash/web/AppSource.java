package io.jdash.web;

import io.jdash.app.DashApp;
import io.jdash.app.MountedApp;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /apps/<slug>/_jdash-source}: the Java file of an example app, as plain text, for the gallery's
 * "view source" links. The build copies the examples' sources into the WAR under {@code examples-source/}.
 */
final class AppSource {

    static final String PATH = "_jdash-source";

    private AppSource() {
    }

    /** The app's source file, if the WAR carries it. */
    static Optional<String> of(DashApp app) {
        String className = app.getClass().getSimpleName();
        int proxySuffix = className.indexOf('$');
        String name = proxySuffix < 0 ? className : className.substring(0, proxySuffix);
        try (InputStream in = AppSource.class.getResourceAsStream("/examples-source/" + name + ".java")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void handle(MountedApp app, HttpServletResponse response) throws IOException {
        String source = of(app.app()).orElseThrow(() -> new HttpError(404, "no source for app " + app.slug()));
        Responses.text(response, source);
    }
}
