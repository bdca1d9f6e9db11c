package io.jdash.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An app's assets folder, as Dash has it: its files served at {@code <app path>/assets/<path>} (revalidated by
 * ETag, since an edit in a dev loop must show at once), its stylesheets and scripts listed for the page with a
 * {@code ?v=<content hash>} that changes when they do, and its {@code favicon.ico}. Read through the
 * {@link ServletContext}, so the folder may be in the WAR or in a jar's {@code META-INF/resources}.
 */
final class AppAssets {

    /** The route under an app's path. */
    static final String PATH = "assets/";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9@._ -]*(/[A-Za-z0-9_-][A-Za-z0-9@._ -]*)*");
    private static final int MAX_FILES = 500;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css;charset=utf-8"), Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("map", "application/json"), Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("ico", "image/x-icon"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("csv", "text/csv;charset=utf-8"));

    /** What the page links: paths under the folder, each with its content hash. */
    record Listing(List<String> stylesheets, List<String> scripts, String favicon) {
    }

    private AppAssets() {
    }

    /** The folder's stylesheets, scripts and favicon, each as {@code assets/<path>?v=<hash>}. */
    static Listing list(ServletContext context, String folder) {
        var files = new TreeSet<String>();
        collect(context, normalized(folder), "", files);
        var css = new ArrayList<String>();
        var js = new ArrayList<String>();
        String favicon = null;
        for (String file : files) {
            String url = PATH + file + "?v=" + ContentHash.of(resource(context, folder, file));
            if (file.endsWith(".css")) {
                css.add(url);
            } else if (file.endsWith(".js")) {
                js.add(url);
            } else if (file.equals("favicon.ico")) {
                favicon = url;
            }
        }
        return new Listing(css, js, favicon);
    }

    static void serve(ServletContext context, String folder, String path, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        URL file = SAFE.matcher(path).matches() && !path.contains("..") && type != null
                ? resource(context, folder, path) : null;
        if (file == null) {
            throw new HttpError(404, "no asset " + path);
        }
        byte[] bytes; // read once: its hash is the ETag, and it is the answer
        try (InputStream in = file.openStream()) {
            bytes = in.readAllBytes();
        }
        String etag = "\"" + ContentHash.of(bytes) + "\"";
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        response.setContentLength(bytes.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(bytes);
        }
    }

    private static URL resource(ServletContext context, String folder, String path) {
        try {
            return context.getResource(normalized(folder) + path);
        } catch (java.net.MalformedURLException e) {
            return null;
        }
    }

    /** {@code /assets/hello/}: starts and ends with a slash. */
    private static String normalized(String folder) {
        String f = folder.startsWith("/") ? folder : "/" + folder;
        return f.endsWith("/") ? f : f + "/";
    }

    private static void collect(ServletContext context, String root, String relative, Set<String> into) {
        Set<String> paths = context.getResourcePaths(root + relative);
        if (paths == null) {
            return;
        }
        for (String path : new TreeSet<>(paths)) {
            if (into.size() >= MAX_FILES) {
                return;
            }
            String below = path.substring(root.length());
            if (below.endsWith("/")) {
                collect(context, root, below, into);
            } else if (SAFE.matcher(below).matches()) {
                into.add(below);
            }
        }
    }
}
