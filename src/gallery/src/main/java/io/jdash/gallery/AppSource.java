package io.jdash.gallery;

import io.jdash.app.DashApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The Java file of an example app: the build copies the examples' sources into the WAR under {@code examples-source/}. */
final class AppSource {

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
}
