package io.jdash.callback;

/** A component prop a callback reads or writes: {@code id.property}, as Dash names it. */
public sealed interface Dependency permits Output, Input, State {

    String id();

    String property();

    /** {@code "my-input.value"}: how Dash names a prop in {@code changedPropIds} and {@code triggered}. */
    default String propId() {
        return id() + "." + property();
    }

    static void check(String id, String property) {
        if (id == null || id.isBlank() || property == null || property.isBlank()) {
            throw new IllegalArgumentException("a dependency needs a component id and a property, got "
                    + id + "." + property);
        }
    }
}
