package io.jdash.codegen.node;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The original sources a bundle's source map carries in {@code sourcesContent}: {@code
 * webpack://dash_html_components/./src/components/Div.react.js} is written to {@code <dir>/src/components/Div.react.js}.
 * Every source under the prefix's first folder is written (so that relative imports such as {@code ../types}
 * resolve); the components are those directly under the prefix (or the one file the prefix names).
 */
public final class SourceMapSources {

    private static final Pattern WEBPACK_PREFIX = Pattern.compile("^webpack://[^/]*/(\\./)?");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_@+\\-]+(/[A-Za-z0-9_@+.\\-]+)*");
    private static final Pattern COMPONENT_FILE = Pattern.compile(".*\\.(js|jsx|ts|tsx)$");

    /** Writes the sources into {@code dir}; returns the component files, relative to it, in map order. */
    public List<String> unpack(Path sourceMap, String prefix, Path dir) throws IOException {
        JsonObject map;
        try (Reader reader = Files.newBufferedReader(sourceMap)) {
            map = Json.createReader(reader).readObject();
        }
        JsonArray sources = map.getJsonArray("sources");
        JsonArray contents = map.getJsonArray("sourcesContent");
        if (sources == null || contents == null) {
            throw new IOException(sourceMap + " has no sourcesContent: its sources cannot be read from it");
        }
        String root = prefix.contains("/") ? prefix.substring(0, prefix.indexOf('/') + 1) : prefix;
        var components = new ArrayList<String>();
        for (int i = 0; i < sources.size() && i < contents.size(); i++) {
            String path = WEBPACK_PREFIX.matcher(sources.getString(i)).replaceFirst("");
            if (!path.startsWith(root) || !SAFE_PATH.matcher(path).matches() || path.contains("..")
                    || path.contains("node_modules") || !(contents.get(i) instanceof JsonString content)) {
                continue;
            }
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content.getString());
            String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
            if (rest != null && !rest.contains("/") && COMPONENT_FILE.matcher(path).matches()) {
                components.add(path);
            }
        }
        if (components.isEmpty()) {
            throw new IOException(sourceMap + " carries no component source under " + prefix);
        }
        return components;
    }
}
