package io.jdash.callback;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Component ids as Dash's protocol writes them. A string id is itself; a dict id (pattern-matching) is written as
 * Dash's renderer writes it, JSON with its keys sorted and no spaces, wildcards as {@code ["MATCH"]}:
 * {@code {"index":1,"type":"row"}}. That text names the component in {@code changedPropIds}, in the callback ids
 * and in the keys of a callback's response.
 */
public final class ComponentIds {

    private ComponentIds() {
    }

    /** The id's text: a string id, or a dict id as sorted compact JSON. */
    public static String stringify(Object id) {
        if (!(id instanceof Map<?, ?> map)) {
            return String.valueOf(id);
        }
        var sorted = new TreeMap<String, Object>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        var text = new StringBuilder("{");
        sorted.forEach((key, value) -> {
            if (text.length() > 1) {
                text.append(',');
            }
            quote(key, text);
            text.append(':');
            value(value, text);
        });
        return text.append('}').toString();
    }

    /** Whether a dependency's id holds a wildcard. */
    public static boolean hasWildcard(Object id) {
        return id instanceof Map<?, ?> map && map.values().stream().anyMatch(v -> v instanceof Wildcard);
    }

    /** Whether the id holds {@code ALL} or {@code ALLSMALLER}: its values come as a list. */
    public static boolean isMulti(Object id) {
        return id instanceof Map<?, ?> map && map.values().stream().anyMatch(v -> v instanceof Wildcard w && w.multi());
    }

    /** Whether the concrete id {@code id} (as the browser sent it) is one the dependency's id stands for. */
    public static boolean matches(Object declared, Object id) {
        if (!(declared instanceof Map<?, ?> pattern)) {
            return declared.equals(id);
        }
        if (!(id instanceof Map<?, ?> concrete) || !pattern.keySet().equals(concrete.keySet())) {
            return false;
        }
        for (var entry : pattern.entrySet()) {
            Object want = entry.getValue();
            Object got = concrete.get(entry.getKey());
            if (!(want instanceof Wildcard) && !sameValue(want, got)) {
                return false;
            }
        }
        return true;
    }

    /** Checks that {@code id} can be a component id: a non-blank string, or a map of string keys to plain values. */
    static void check(Object id, boolean wildcardsAllowed) {
        if (id instanceof String text) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("a component id must not be blank");
            }
            return;
        }
        if (!(id instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException("a component id is a String or a non-empty Map (a pattern-matching id), not "
                    + (id == null ? "null" : id instanceof Map ? "an empty Map" : id.getClass().getName()));
        }
        map.forEach((key, value) -> {
            boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean;
            if (!(key instanceof String) || !(plain || wildcardsAllowed && value instanceof Wildcard)) {
                throw new IllegalArgumentException("a dict id maps String keys to strings, numbers or booleans"
                        + (wildcardsAllowed ? " or MATCH, ALL, ALLSMALLER" : "") + ": " + map);
            }
        });
    }

    private static boolean sameValue(Object want, Object got) {
        if (want instanceof Number a && got instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return want.equals(got);
    }

    private static void value(Object value, StringBuilder text) {
        if (value instanceof Wildcard wildcard) {
            text.append(wildcard.toJson());
        } else if (value instanceof Number number) {
            text.append(number(number));
        } else if (value instanceof Boolean || value == null) {
            text.append(value);
        } else {
            quote(String.valueOf(value), text);
        }
    }

    /** As JavaScript prints a number: no ".0" on whole ones. */
    private static String number(Number number) {
        if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return number.toString();
    }

    /** A JSON string as JavaScript's JSON.stringify writes it. */
    private static void quote(String s, StringBuilder text) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
