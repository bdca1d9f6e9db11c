package io.jdash.callback;

/** A prop passed to a callback without firing it: {@code State("my-input", "value")}; the id may be a pattern. */
public record State(Object id, String property) implements Dependency {

    public State {
        Dependency.check(id, property);
    }

    @Override
    public String toString() {
        return propId();
    }
}
