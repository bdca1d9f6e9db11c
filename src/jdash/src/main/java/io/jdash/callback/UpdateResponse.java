package io.jdash.callback;

import java.util.Map;

/** The answer to {@code _dash-update-component}: {@code {"multi": true, "response": {id: {prop: value}}}}. */
public record UpdateResponse(boolean multi, Map<String, Map<String, Object>> response) {

    public static UpdateResponse of(Map<String, Map<String, Object>> props) {
        return new UpdateResponse(true, props);
    }
}
