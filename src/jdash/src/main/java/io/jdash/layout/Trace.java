package io.jdash.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trace of a {@link Figure}, in Plotly's JSON shape: {@code Trace.bar().x(List.of(3)).orientation("h")}.
 * Typed setters for what the common traces share; {@link #set(String, Object)} for any other attribute.
 */
public final class Trace {

    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private Trace(String type) {
        attributes.put("type", type);
    }

    public static Trace bar() {
        return new Trace("bar");
    }

    public static Trace scatter() {
        return new Trace("scatter");
    }

    /** A scatter trace drawn as a line ({@code mode: "lines"}). */
    public static Trace line() {
        return new Trace("scatter").set("mode", "lines");
    }

    public Trace x(List<?> x) {
        return set("x", x);
    }

    public Trace y(List<?> y) {
        return set("y", y);
    }

    public Trace name(String name) {
        return set("name", name);
    }

    /** {@code "h"} for horizontal bars. */
    public Trace orientation(String orientation) {
        return set("orientation", orientation);
    }

    public Trace mode(String mode) {
        return set("mode", mode);
    }

    public Trace marker(Map<String, ?> marker) {
        return set("marker", marker);
    }

    /** Any Plotly trace attribute by name. */
    public Trace set(String attribute, Object value) {
        attributes.put(attribute, value);
        return this;
    }

    public Map<String, Object> toMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
