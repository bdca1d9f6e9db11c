package io.jdash.callback;

/**
 * A prop whose change fires a callback, passed to it as an argument: {@code Input("button_id", "n_clicks")}, or with
 * a pattern-matching id, {@code Input(Map.of("type", "row", "index", MATCH), "value")}.
 */
public record Input(Object id, String property) implements Dependency {

    public Input {
        Dependency.check(id, property);
    }

    @Override
    public String toString() {
        return propId();
    }
}
