package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbTransient;

/**
 * A prop a callback writes: {@code Output("paragraph_id", "children")} in Dash. The id may be a pattern
 * ({@code MATCH}: the one output that goes with the input that fired; {@code ALL}: every one that fits, and the
 * callback returns a {@code List} for it). {@link #allowDuplicate()} is Dash's {@code allow_duplicate=True}: other
 * callbacks may write the same prop.
 */
public record Output(Object id, String property, @JsonbTransient boolean duplicateAllowed) implements Dependency {

    public Output {
        Dependency.check(id, property);
        if (id instanceof java.util.Map<?, ?> map && map.containsValue(Wildcard.ALLSMALLER)) {
            throw new IllegalArgumentException("ALLSMALLER is for inputs and states only, not in Output " + id);
        }
    }

    public Output(Object id, String property) {
        this(id, property, false);
    }

    /** Dash's {@code allow_duplicate=True}: this prop may be the output of other callbacks too. */
    public Output allowDuplicate() {
        return new Output(id, property, true);
    }

    @Override
    public String toString() {
        return propId();
    }
}
