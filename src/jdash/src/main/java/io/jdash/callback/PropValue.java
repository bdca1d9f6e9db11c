package io.jdash.callback;

import java.util.Map;

/**
 * One input, state or output as the browser sends it in {@code _dash-update-component}: {@code {id, property, value}}
 * (an output has no value). The id is a string, or for a pattern-matching dependency the component's dict id.
 */
public record PropValue(Object id, String property, Object value) {

    /** The prop's name as Dash writes it: {@code id.property}, a dict id stringified. */
    public String propId() {
        return ComponentIds.stringify(id) + "." + property;
    }

    /** Reads one entry of the request; a malformed one is a {@link BadCallbackRequest}. */
    static PropValue from(Object json, String where) {
        if (json instanceof PropValue value) {
            return value;
        }
        if (!(json instanceof Map<?, ?> map) || !(map.get("property") instanceof String property)) {
            throw new BadCallbackRequest(where + " must be {id, property, value}, not " + brief(json));
        }
        Object id = CallbackInvoker.normalize(map.get("id"));
        try {
            ComponentIds.check(id, false);
        } catch (IllegalArgumentException bad) {
            throw new BadCallbackRequest(where + ": " + bad.getMessage());
        }
        return new PropValue(id, property, map.get("value"));
    }

    private static String brief(Object json) {
        String text = String.valueOf(json);
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
