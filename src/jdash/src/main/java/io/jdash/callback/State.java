package io.jdash.callback;

/** A prop passed to a callback without firing it: {@code State("my-input", "value")}. */
public record State(String id, String property) implements Dependency {

    public State {
        Dependency.check(id, property);
    }

    @Override
    public String toString() {
        return propId();
    }
}
