package io.jdash.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.callback.Callback;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.CallbackResult;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.callback.UpdateRequest;
import io.jdash.callback.UpdateResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    /** What dash-renderer posts to _dash-update-component for a single-output callback. */
    private static final String DASH_BODY = """
            {
              "output": "my-output.children",
              "outputs": {"id": "my-output", "property": "children"},
              "inputs": [{"id": "my-input", "property": "value", "value": "hello"}],
              "changedPropIds": ["my-input.value"],
              "parsedChangedPropsIds": ["my-input.value"],
              "state": [{"id": "my-state", "property": "data", "value": {"n": 3, "xs": [1, 2.5, "s"], "flag": true}}]
            }
            """;

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void numbersJsonCannotHoldAreWrittenAsNullAsDashDoes() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("a", Double.NaN);
        values.put("b", Double.POSITIVE_INFINITY);
        values.put("c", Float.NEGATIVE_INFINITY);
        values.put("d", 1.5);
        values.put("e", java.util.Arrays.asList(Double.NaN, 2.0, Double.NEGATIVE_INFINITY));
        assertEquals("{\"a\":null,\"b\":null,\"c\":null,\"d\":1.5,\"e\":[null,2.0,null]}", JsonCodec.toJson(values));
    }

    @Test
    void dashUpdateRequestBodyIsDecoded() {
        UpdateRequest request = JsonCodec.fromJson(DASH_BODY, UpdateRequest.class);

        assertEquals("my-output.children", request.output());
        assertEquals(1, request.inputs().size());
        assertEquals("my-input", entry(request.inputs(), 0).get("id"));
        assertEquals("value", entry(request.inputs(), 0).get("property"));
        assertEquals("hello", entry(request.inputs(), 0).get("value"));
        assertEquals(List.of("my-input.value"), request.changedPropIds());
        assertEquals(1, request.state().size());
        assertEquals("my-state", entry(request.state(), 0).get("id"));
        assertEquals("data", entry(request.state(), 0).get("property"));
        assertInstanceOf(Map.class, request.outputs());
        assertEquals("my-output", ((Map<?, ?>) request.outputs()).get("id"));
    }

    @Test
    void multiOutputRequestBodyIsDecoded() {
        UpdateRequest request = JsonCodec.fromJson("""
                {"output": "..a.children...b.title..",
                 "outputs": [{"id": "a", "property": "children"}, {"id": "b", "property": "title"}],
                 "inputs": [{"id": "btn", "property": "n_clicks", "value": 4}],
                 "changedPropIds": ["btn.n_clicks"]}
                """, UpdateRequest.class);

        assertEquals("..a.children...b.title..", request.output());
        assertInstanceOf(List.class, request.outputs());
        assertEquals(2, ((List<?>) request.outputs()).size());
        assertEquals("btn", entry(request.inputs(), 0).get("id"));
    }

    @Test
    void missingStateAndChangedPropIdsDecodeAsEmptyLists() {
        UpdateRequest request = JsonCodec.fromJson("""
                {"output": "o.children", "inputs": [{"id": "i", "property": "value"}]}
                """, UpdateRequest.class);

        assertEquals(List.of(), request.state());
        assertEquals(List.of(), request.changedPropIds());
        assertNull(entry(request.inputs(), 0).get("value"));
    }

    @Test
    void decodedValuesBindAsNormalizedArguments() {
        var callback = new Callback("my-output.children", List.of(new Output("my-output", "children")),
                List.of(new Input("my-input", "value")), List.of(new State("my-state", "data")), false,
                args -> args.get(0));

        CallbackArgs args = CallbackInvoker.bind(callback, JsonCodec.fromJson(DASH_BODY, UpdateRequest.class));

        assertEquals("hello", args.get(0));
        assertEquals(Map.of("n", 3, "xs", List.of(1, 2.5, "s"), "flag", true), args.get(1));
        var data = (Map<?, ?>) args.get(1);
        assertEquals(Integer.class, data.get("n").getClass());
        assertEquals("my-input", args.context().triggeredId());
    }

    @Test
    void aDecodedRequestRunsItsCallback() {
        var callback = new Callback("my-output.children", List.of(new Output("my-output", "children")),
                List.of(new Input("my-input", "value")), List.of(new State("my-state", "data")), false,
                args -> "Output: " + args.get(0));

        CallbackResult result = CallbackInvoker.invoke(callback, JsonCodec.fromJson(DASH_BODY, UpdateRequest.class));

        assertEquals(new CallbackResult.Updated(Map.of("my-output", Map.of("children", "Output: hello"))), result);
    }

    @Test
    void decodingFromAStreamGivesTheSameRequest() {
        UpdateRequest fromString = JsonCodec.fromJson(DASH_BODY, UpdateRequest.class);
        UpdateRequest fromStream = JsonCodec.fromJson(
                new ByteArrayInputStream(DASH_BODY.getBytes(StandardCharsets.UTF_8)), UpdateRequest.class);

        assertEquals(fromString.output(), fromStream.output());
        assertEquals(fromString.inputs(), fromStream.inputs());
        assertEquals(fromString.changedPropIds(), fromStream.changedPropIds());
    }

    @Test
    void malformedJsonRaisesJsonbException() {
        assertThrows(JsonbException.class, () -> JsonCodec.fromJson("{\"output\": ", UpdateRequest.class));
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void untrustedNumbersTooLongOrWithHugeExponentsAreRefusedBeforeParsing() {
        String megabyteNumber = "{\"output\":\"x\",\"outputs\":" + "9".repeat(1_000_000) + "}";
        var tooLong = assertThrows(JsonbException.class, () -> JsonCodec.fromUntrustedJson(megabyteNumber, UpdateRequest.class));
        assertTrue(tooLong.getMessage().contains("longer than " + JsonCodec.MAX_NUMBER_CHARS), tooLong.getMessage());
        for (String huge : List.of("1e1000000000", "-2.5E+99999", "3e-123456")) {
            var refused = assertThrows(JsonbException.class,
                    () -> JsonCodec.fromUntrustedJson("{\"output\":\"x\",\"outputs\":[" + huge + "]}", UpdateRequest.class));
            assertTrue(refused.getMessage().contains("exponent"), huge + ": " + refused.getMessage());
        }
        // ordinary numbers, and digits inside strings however many, are read as before
        String fine = "{\"output\":\"" + "7".repeat(500) + "\",\"outputs\":[-0.5, 12345678901234567890, 1.5e-308, 2E+9999]}";
        UpdateRequest read = JsonCodec.fromUntrustedJson(fine, UpdateRequest.class);
        assertEquals("7".repeat(500), read.output());
    }

    @Test
    void untrustedJsonNestedTooDeeplyIsRefusedBeforeParsing() {
        String deep = "{\"output\":\"x\",\"outputs\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        assertThrows(JsonbException.class, () -> JsonCodec.fromUntrustedJson(deep, UpdateRequest.class));
        String brackets = "[".repeat(JsonCodec.MAX_DEPTH) + "]".repeat(JsonCodec.MAX_DEPTH);
        String atTheLimit = "{\"outputs\":" + brackets.substring(1, brackets.length() - 1)
                + ",\"output\":\"[[[[\\\"[[[[\"}";
        UpdateRequest read = JsonCodec.fromUntrustedJson(atTheLimit, UpdateRequest.class);
        assertEquals("[[[[\"[[[[", read.output(),
                "brackets inside strings do not count");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void untrustedJsonThatNeverClosesAnUnknownPropertysArrayIsRefusedRatherThanSkippedForEver() {
        for (String truncated : List.of("{\"output\":\"x\",\"unknown\":[1,", "{\"output\":\"x\",\"unknown\":[1}",
                "{\"output\":\"x\",\"unknown\":{\"a\":1", "{\"output\":\"x\",\"unknown\":\"[", "{}]", "{} {")) {
            assertThrows(JsonbException.class, () -> JsonCodec.fromUntrustedJson(truncated, UpdateRequest.class), truncated);
        }
    }

    @Test
    void updateResponseIsWrittenInDashShape() {
        JsonObject json = parse(JsonCodec.toJson(UpdateResponse.of(Map.of("out", Map.of("children", "hi")))));

        assertTrue(json.getBoolean("multi"));
        assertEquals("hi", json.getJsonObject("response").getJsonObject("out").getString("children"));
    }

    @Test
    void aNullOutputValueIsWrittenAsJsonNull() {
        var props = new java.util.LinkedHashMap<String, Object>();
        props.put("children", null);

        JsonObject json = parse(JsonCodec.toJson(UpdateResponse.of(Map.of("out", props))));

        JsonObject out = json.getJsonObject("response").getJsonObject("out");
        assertTrue(out.containsKey("children"));
        assertTrue(out.isNull("children"));
    }

    @Test
    void jsonForHtmlEscapesEveryLessThanSign() {
        String json = JsonCodec.toJsonForHtml(Map.of("text", "</script><!-- <b>"));

        assertFalse(json.contains("<"), json);
        assertEquals("</script><!-- <b>", parse(json).getString("text"));
    }

    /** One decoded entry of inputs or state: a JSON object, as the callback invoker then reads it. */
    private static Map<?, ?> entry(List<Object> entries, int index) {
        return assertInstanceOf(Map.class, entries.get(index));
    }
}
