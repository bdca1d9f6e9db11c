package io.jdash.layout;

import java.util.Set;

/**
 * The names every JavaScript object already has (the members of {@code Object.prototype}: {@code __proto__},
 * {@code constructor}, {@code toString}, …). Dash's renderer looks namespaces, component types, ids and props up as
 * keys of plain objects, so a layout or callback that uses one of them as a name breaks the page (the renderer finds
 * the inherited member, not the app's); JDash refuses them where the app declares them, with a message that says so.
 */
public final class ScriptNames {

    private static final Set<String> INHERITED = Set.of("__proto__", "constructor", "prototype", "__defineGetter__",
            "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "hasOwnProperty", "isPrototypeOf",
            "propertyIsEnumerable", "toLocaleString", "toString", "valueOf");

    private ScriptNames() {
    }

    /** Refuses {@code name} as a {@code what} (e.g. "prop name") when every JavaScript object has it already. */
    public static String requireUsable(String what, String name) {
        if (name != null && INHERITED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot be a " + what + ": every JavaScript object has a"
                    + " member of that name (Object.prototype), so Dash's renderer would find that instead");
        }
        return name;
    }
}
