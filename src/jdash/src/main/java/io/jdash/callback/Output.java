package io.jdash.callback;

/** A prop a callback writes: {@code Output("paragraph_id", "children")} in Dash. */
public record Output(String id, String property) implements Dependency {

    public Output {
        Dependency.check(id, property);
    }

    @Override
    public String toString() {
        return propId();
    }
}
