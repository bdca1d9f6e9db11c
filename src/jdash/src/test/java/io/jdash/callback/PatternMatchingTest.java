package io.jdash.callback;

import static io.jdash.callback.Wildcard.ALL;
import static io.jdash.callback.Wildcard.ALLSMALLER;
import static io.jdash.callback.Wildcard.MATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.json.JsonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dict ids and the MATCH, ALL and ALLSMALLER wildcards, as Dash's renderer sends and expects them. */
class PatternMatchingTest {

    @Test
    void aDictIdIsWrittenAsTheRendererWritesItKeysSortedWildcardsAsLists() {
        assertEquals("{\"index\":[\"MATCH\"],\"type\":\"row\"}", ComponentIds.stringify(Map.of("type", "row", "index", MATCH)));
        assertEquals("{\"a\":1,\"b\":true,\"c\":\"q\\\"\"}", ComponentIds.stringify(Map.of("c", "q\"", "b", true, "a", 1.0)));
        assertEquals("{\"index\":1,\"type\":\"row\"}.value", new Input(Map.of("type", "row", "index", 1), "value").propId());
        assertEquals("plain", ComponentIds.stringify("plain"));
    }

    @Test
    void aMatchCallbackGetsTheValueOfTheComponentThatFiredAndAnswersForItsOutput() {
        var app = new CallbackRegistry();
        Callback callback = app.callback(new Output(Map.of("type", "out", "index", MATCH), "children"),
                new Input(Map.of("type", "in", "index", MATCH), "value"))
                .handle(args -> "row says " + args.get(0) + " (" + CallbackContext.callbackContext().triggeredId() + ")");

        String body = """
                {"output": "{\\"index\\":[\\"MATCH\\"],\\"type\\":\\"out\\"}.children",
                 "outputs": {"id": {"index": 2, "type": "out"}, "property": "children"},
                 "inputs": [{"id": {"index": 2, "type": "in"}, "property": "value", "value": "hi"}],
                 "changedPropIds": ["{\\"index\\":2,\\"type\\":\\"in\\"}.value"]}""";
        var result = (CallbackResult.Updated) CallbackInvoker.invoke(callback, JsonCodec.fromJson(body, UpdateRequest.class));

        assertEquals(Map.of("{\"index\":2,\"type\":\"out\"}", Map.of("children", "row says hi ({index=2, type=in})")),
                result.props());
        assertEquals("{\"index\":[\"MATCH\"],\"type\":\"out\"}.children", callback.id());
    }

    @Test
    void anAllInputGivesAListAndAnAllOutputTakesOne() {
        var app = new CallbackRegistry();
        Callback callback = app.callback(new Output(Map.of("type", "label", "index", ALL), "children"),
                new Input(Map.of("type", "in", "index", ALL), "value"))
                .handle(args -> ((List<?>) args.get(0)).stream().map(v -> "<" + v + ">").toList());

        String body = """
                {"output": "x",
                 "outputs": [{"id": {"index": 1, "type": "label"}, "property": "children"},
                             {"id": {"index": 2, "type": "label"}, "property": "children"}],
                 "inputs": [[{"id": {"index": 1, "type": "in"}, "property": "value", "value": "a"},
                             {"id": {"index": 2, "type": "in"}, "property": "value", "value": "b"}]],
                 "changedPropIds": ["{\\"index\\":2,\\"type\\":\\"in\\"}.value"]}""";
        UpdateRequest request = JsonCodec.fromJson(body, UpdateRequest.class);
        CallbackArgs args = CallbackInvoker.bind(callback, request);
        var result = (CallbackResult.Updated) CallbackInvoker.invoke(callback, request);

        assertEquals(List.of("a", "b"), args.get(0));
        assertEquals(Map.of("index", 2, "type", "in"), args.context().triggeredId());
        assertEquals("b", args.context().inputs().get("{\"index\":2,\"type\":\"in\"}.value"));
        assertEquals(Map.of("{\"index\":1,\"type\":\"label\"}", Map.of("children", "<a>"),
                "{\"index\":2,\"type\":\"label\"}", Map.of("children", "<b>")), result.props());
    }

    @Test
    void anEmptyAllInputIsAnEmptyList() {
        var app = new CallbackRegistry();
        Callback callback = app.callback(new Output("count", "children"), new Input(Map.of("type", "in", "index", ALL), "value"))
                .handle(args -> ((List<?>) args.get(0)).size());

        var result = (CallbackResult.Updated) CallbackInvoker.invoke(callback,
                new UpdateRequest("count.children", null, List.of(List.of()), List.of(), List.of()));

        assertEquals(0, result.props().get("count").get("children"));
    }

    @Test
    void aComponentTheWildcardDoesNotStandForIsABadRequest() {
        var app = new CallbackRegistry();
        Callback callback = app.callback(new Output("o", "children"), new Input(Map.of("type", "in", "index", ALL), "value"))
                .handle(args -> 1);

        var wrongType = new UpdateRequest("o.children", null,
                List.of(List.of(Map.of("id", Map.of("type", "other", "index", 1), "property", "value"))), List.of(), List.of());
        var notAList = new UpdateRequest("o.children", null,
                List.of(Map.of("id", Map.of("type", "in", "index", 1), "property", "value")), List.of(), List.of());

        assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(callback, wrongType));
        assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(callback, notAList));
    }

    @Test
    void dependenciesCarryDictIdsAsTheirText() {
        var app = new CallbackRegistry();
        Callback callback = app.callback(new Output(Map.of("type", "out", "index", MATCH), "children"),
                new Input(Map.of("type", "in", "index", MATCH), "value"),
                new State(Map.of("type", "in", "index", ALLSMALLER), "value")).handle(args -> 1);

        String json = JsonCodec.toJson(DashDependency.of(List.of(callback)));

        assertTrue(json.contains("\"inputs\":[{\"id\":\"{\\\"index\\\":[\\\"MATCH\\\"],\\\"type\\\":\\\"in\\\"}\",\"property\":\"value\"}]"), json);
        assertTrue(json.contains("[\\\"ALLSMALLER\\\"]"), json);
    }

    @Test
    void wildcardsFollowDashsRules() {
        var app = new CallbackRegistry();
        var matchInputWithoutMatchOutput = assertThrows(InvalidCallbacks.class, () -> app.callback(new Output("o", "children"),
                new Input(Map.of("type", "in", "index", MATCH), "value")).handle(args -> 1));
        var allSmallerWithoutMatch = assertThrows(InvalidCallbacks.class, () -> app.callback(new Output("p", "children"),
                new Input("x", "value"), new State(Map.of("type", "in", "index", ALLSMALLER), "value")).handle(args -> 1));
        var mismatchedOutputs = assertThrows(InvalidCallbacks.class, () -> app.callback(
                new Output(Map.of("type", "a", "index", MATCH), "children"),
                new Output(Map.of("type", "b", "row", MATCH), "children"),
                new Input(Map.of("type", "in", "index", MATCH), "value")).handle(args -> 1));

        assertTrue(matchInputWithoutMatchOutput.getMessage().contains("needs outputs with MATCH"), matchInputWithoutMatchOutput.getMessage());
        assertTrue(allSmallerWithoutMatch.getMessage().contains("ALLSMALLER"), allSmallerWithoutMatch.getMessage());
        assertTrue(mismatchedOutputs.getMessage().startsWith("mismatched MATCH wildcards"), mismatchedOutputs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Output(Map.of("type", "a", "index", ALLSMALLER), "children"));
        assertThrows(IllegalArgumentException.class, () -> new Input(Map.of(), "value"));
        assertThrows(IllegalArgumentException.class, () -> new Input(List.of("x"), "value"));
    }

    @Test
    void backgroundCallbacksTakePatternsToo() {
        var app = new CallbackRegistry();
        Callback callback = app.callback(new Output(Map.of("type", "o", "index", MATCH), "children"),
                new Input(Map.of("type", "in", "index", MATCH), "value")).background().handle((job, args) -> "x");
        assertTrue(callback.isBackground()); // JobTargetsTest has what its jobs write
    }
}
