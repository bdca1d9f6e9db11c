package io.jdash.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <app>/_dash-component-suites/<path>}: Dash's renderer, its component suites and the libraries they load,
 * from the classpath under {@code META-INF/jdash/components/} (the jar's, and a WAR's own for suites it adds).
 * A page links each script with a content fingerprint ({@code dash_core_components.v1a2b3c4d5e6f.js}): such a
 * URL never changes meaning and is cached for a year; a plain one (the chunks a suite loads by name) is
 * revalidated by its ETag. The {@code .gz} twin made at build time is sent to browsers that accept gzip.
 */
final class SuiteFiles {

    /** The route under an app's path. */
    static final String PATH = "_dash-component-suites/";

    private static final String ROOT = "META-INF/jdash/components/";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@_-][A-Za-z0-9@._-]*(/[A-Za-z0-9@_-][A-Za-z0-9@._-]*)*");
    private static final Pattern FINGERPRINT = Pattern.compile("\\.v([0-9a-f]{12})(\\.[A-Za-z0-9]+)$");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "map", "application/json",
            "ico", "image/x-icon", "svg", "image/svg+xml", "png", "image/png", "woff2", "font/woff2");

    /** One served file: where it is, its twin, its content hash. */
    private record SuiteFile(URL plain, URL gzipped, String hash, String type) {
    }

    /** Only paths that exist are kept, so the map holds at most one entry per file on the classpath. */
    private static final Map<String, SuiteFile> FILES = new ConcurrentHashMap<>();

    private SuiteFiles() {
    }

    /** The fingerprinted URL path of a file under {@code _dash-component-suites/}, relative to the app's path. */
    static String url(String path) {
        SuiteFile file = find(path).orElseThrow(() -> new IllegalStateException(
                "no " + ROOT + path + " on the classpath: the jar was built without its browser files"));
        int dot = path.lastIndexOf('.');
        return PATH + path.substring(0, dot) + ".v" + file.hash() + path.substring(dot);
    }

    static void serve(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher fingerprint = FINGERPRINT.matcher(path);
        boolean fingerprinted = fingerprint.find();
        String plainPath = fingerprinted ? path.substring(0, fingerprint.start()) + fingerprint.group(2) : path;
        SuiteFile file = find(plainPath).orElseThrow(() -> new HttpError(404, "no suite file " + path));
        if (fingerprinted && !fingerprint.group(1).equals(file.hash())) {
            // an older or newer build's URL: serve the file, but let nobody keep it for long
            fingerprinted = false;
        }
        boolean gzip = file.gzipped() != null && acceptsGzip(request);
        String etag = "\"" + file.hash() + (gzip ? "-gz" : "") + "\"";
        response.setHeader("Cache-Control", fingerprinted ? "public, max-age=31536000, immutable" : "no-cache");
        response.setHeader("ETag", etag);
        response.setHeader("Vary", "Accept-Encoding");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.type());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        URLConnection connection = (gzip ? file.gzipped() : file.plain()).openConnection();
        try (InputStream in = connection.getInputStream()) {
            long length = connection.getContentLengthLong();
            if (length >= 0) {
                response.setContentLengthLong(length);
            }
            if (!request.getMethod().equals("HEAD")) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    private static Optional<SuiteFile> find(String path) {
        if (!SAFE.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        SuiteFile known = FILES.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        ClassLoader loader = SuiteFiles.class.getClassLoader();
        URL plain = loader.getResource(ROOT + path);
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1));
        if (plain == null || type == null) {
            return Optional.empty();
        }
        var file = new SuiteFile(plain, loader.getResource(ROOT + path + ".gz"), ContentHash.of(plain), type);
        FILES.putIfAbsent(path, file);
        return Optional.of(file);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        var encodings = request.getHeaders("Accept-Encoding");
        while (encodings != null && encodings.hasMoreElements()) {
            for (String coding : encodings.nextElement().split(",")) {
                String[] parts = coding.trim().split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip")
                        && !(parts.length > 1 && parts[1].replace(" ", "").equals("q=0"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
