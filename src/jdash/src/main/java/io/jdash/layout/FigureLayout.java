package io.jdash.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code layout} of a {@link Figure}, in Plotly's JSON shape. Typed setters for the common attributes;
 * {@link #set(String, Object)} for any other, with dotted paths for nested ones ({@code "xaxis.title"}).
 */
public final class FigureLayout {

    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public FigureLayout title(String title) {
        return set("title.text", title);
    }

    public FigureLayout height(int pixels) {
        return set("height", pixels);
    }

    public FigureLayout width(int pixels) {
        return set("width", pixels);
    }

    public FigureLayout xaxisRange(Number from, Number to) {
        return set("xaxis.range", List.of(from, to));
    }

    public FigureLayout yaxisRange(Number from, Number to) {
        return set("yaxis.range", List.of(from, to));
    }

    public FigureLayout showYTickLabels(boolean show) {
        return set("yaxis.showticklabels", show);
    }

    public FigureLayout showXTickLabels(boolean show) {
        return set("xaxis.showticklabels", show);
    }

    /** Margins in pixels: top, bottom, left, right. */
    public FigureLayout margin(int top, int bottom, int left, int right) {
        return set("margin", Map.of("t", top, "b", bottom, "l", left, "r", right));
    }

    /** Any layout attribute; a dotted path ({@code "xaxis.range"}) sets a nested one. */
    @SuppressWarnings("unchecked")
    public FigureLayout set(String path, Object value) {
        String[] keys = path.split("\\.");
        Map<String, Object> node = attributes;
        for (int i = 0; i < keys.length - 1; i++) {
            Object child = node.get(keys[i]);
            if (!(child instanceof LinkedHashMap<?, ?>)) {
                var copy = new LinkedHashMap<String, Object>();
                if (child instanceof Map<?, ?> existing) {
                    existing.forEach((k, v) -> copy.put(String.valueOf(k), v));
                }
                node.put(keys[i], copy);
                child = copy;
            }
            node = (Map<String, Object>) child;
        }
        node.put(keys[keys.length - 1], value);
        return this;
    }

    public Map<String, Object> toMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
