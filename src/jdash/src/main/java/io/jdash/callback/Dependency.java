package io.jdash.callback;

import io.jdash.layout.ScriptNames;
import java.util.Map;

/**
 * A component prop a callback reads or writes: {@code id.property}, as Dash names it. The id is a string, or a
 * dict ({@code Map}) for pattern-matching callbacks, whose values may be the {@link Wildcard}s.
 */
public sealed interface Dependency permits Output, Input, State {

    /** A {@code String}, or a {@code Map} of String keys (a pattern-matching id, maybe with wildcards). */
    Object id();

    String property();

    /** {@code "my-input.value"}, {@code "{\"index\":1,\"type\":\"row\"}.value"}: how Dash names a prop. */
    default String propId() {
        return ComponentIds.stringify(id()) + "." + property();
    }

    /** Whether the id holds a wildcard, so that it stands for components the layout may not have yet. */
    default boolean hasWildcard() {
        return ComponentIds.hasWildcard(id());
    }

    static void check(Object id, String property) {
        if (property == null || property.isBlank()) {
            throw new IllegalArgumentException("a dependency needs a component id and a property, got "
                    + id + "." + property);
        }
        ComponentIds.check(id, true);
        ScriptNames.requireUsable("property of a callback dependency", property);
        if (id instanceof String text) {
            ScriptNames.requireUsable("component id of a callback dependency", text);
        } else if (id instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> ScriptNames.requireUsable("key of a dict id", String.valueOf(key)));
        }
    }
}
