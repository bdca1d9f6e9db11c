package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdash.json.JsonCodec;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code _dash-dependencies}, as the browser reads it. */
class CallbackSpecJsonTest {

    private static JsonArray parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static List<Callback> chain() {
        var registry = new CallbackRegistry();
        registry.callback(new Output("out", "children"), new Input("in", "value"), new State("st", "value"))
                .handle(args -> args.get(0));
        registry.callback(new Output("len", "children"), new Output("len", "title"), new Input("out", "children"))
                .preventInitialCall()
                .handle(args -> List.of(1, 2));
        return registry.callbacks();
    }

    @Test
    void specsFollowTheCallbacksInDeclarationOrder() {
        List<CallbackSpec> specs = CallbackSpec.of(chain());

        assertEquals(List.of("out.children", "..len.children...len.title.."),
                specs.stream().map(CallbackSpec::output).toList());
        assertEquals(List.of(), specs.get(0).upstream());
        assertEquals(List.of("out.children"), specs.get(1).upstream());
    }

    @Test
    void specIsWrittenWithDashFieldNames() {
        JsonObject first = parse(JsonCodec.toJson(CallbackSpec.of(chain()))).getJsonObject(0);

        assertEquals("out.children", first.getString("output"));
        assertEquals(Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "out").add("property", "children")).build(),
                first.getJsonArray("outputs"));
        assertEquals(Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "in").add("property", "value")).build(),
                first.getJsonArray("inputs"));
        assertEquals(Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "st").add("property", "value")).build(),
                first.getJsonArray("state"));
        assertEquals(JsonValue.FALSE, first.get("prevent_initial_call"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, first.getJsonArray("upstream"));
        assertFalse(first.containsKey("preventInitialCall"));
    }

    @Test
    void preventInitialCallAndUpstreamAreWritten() {
        JsonObject second = parse(JsonCodec.toJson(CallbackSpec.of(chain()))).getJsonObject(1);

        assertEquals("..len.children...len.title..", second.getString("output"));
        assertEquals(JsonValue.TRUE, second.get("prevent_initial_call"));
        assertEquals(Json.createArrayBuilder().add("out.children").build(), second.getJsonArray("upstream"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, second.getJsonArray("state"));
        assertEquals(2, second.getJsonArray("outputs").size());
    }

    @Test
    void specsOfCircularCallbacksAreRefused() {
        var registry = new CallbackRegistry();
        registry.callback(new Output("a", "children"), new Input("b", "children")).handle(args -> 1);
        registry.callback(new Output("b", "children"), new Input("a", "children")).handle(args -> 2);

        assertThrows(IllegalStateException.class, () -> CallbackSpec.of(registry.callbacks()));
    }
}
