package io.jdash.web;

import io.jdash.layout.ComponentJsonAdapter;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * The one JSON-B instance JDash reads and writes with; it writes layout components in Dash's shape.
 * JSON-B instances are thread-safe and costly to build, so there is one.
 */
public final class JsonCodec {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withAdapters(new ComponentJsonAdapter())
            .withNullValues(true));

    private JsonCodec() {
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    /**
     * JSON for inside an HTML {@code <script type="application/json">}: every {@code <} becomes {@code \u003c},
     * so no string in it can close the script element. JSON has {@code <} only inside strings, where the
     * escape means the same character.
     */
    public static String toJsonForHtml(Object value) {
        return toJson(value).replace("<", "\\u003c");
    }

    /** Reads {@code type} from JSON; malformed JSON raises {@link JsonbException}. */
    public static <T> T fromJson(InputStream json, Type type) {
        return JSONB.fromJson(json, type);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
