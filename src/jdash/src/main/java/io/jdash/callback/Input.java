package io.jdash.callback;

/** A prop whose change fires a callback, passed to it as an argument: {@code Input("button_id", "n_clicks")}. */
public record Input(String id, String property) implements Dependency {

    public Input {
        Dependency.check(id, property);
    }

    @Override
    public String toString() {
        return propId();
    }
}
