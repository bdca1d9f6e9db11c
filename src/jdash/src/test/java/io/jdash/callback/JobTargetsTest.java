package io.jdash.callback;

import static io.jdash.callback.Wildcard.ALL;
import static io.jdash.callback.Wildcard.MATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.json.JsonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Background jobs of pattern-matching callbacks: which components their outputs, running and progress ids are. */
class JobTargetsTest {

    private static Map<String, Object> match(String type) {
        return Map.of("type", type, "index", MATCH);
    }

    private static Callback rowJob() {
        var app = new CallbackRegistry();
        return app.callback(new Output(match("result"), "children"), new Input(match("run"), "n_clicks"))
                .background()
                .running(new Running(new Output(match("run"), "disabled"), true, false))
                .progress(new Output(match("bar"), "value"))
                .cancel(new Input(match("stop"), "n_clicks"))
                .handle((job, args) -> "done");
    }

    private static CallbackArgs callFor(Callback callback, int row) {
        String body = """
                {"output": "x", "outputs": {"id": {"index": %d, "type": "result"}, "property": "children"},
                 "inputs": [{"id": {"index": %d, "type": "run"}, "property": "n_clicks", "value": 1}],
                 "changedPropIds": ["{\\"index\\":%d,\\"type\\":\\"run\\"}.n_clicks"]}""".formatted(row, row, row);
        return CallbackInvoker.bind(callback, JsonCodec.fromJson(body, UpdateRequest.class));
    }

    @Test
    void aMatchJobWritesTheRowWhoseInputFiredIt() {
        Callback callback = rowJob();
        JobTargets row3 = JobTargets.of(callback, callFor(callback, 3));

        assertEquals("{\"index\":3,\"type\":\"bar\"}", ComponentIds.stringify(row3.resolve(match("bar"))));
        assertEquals("{\"index\":3,\"type\":\"run\"}.disabled", row3.resolve(new Output(match("run"), "disabled")).propId());
        // the job answers for its declared output; the server puts that on the row's component
        var answered = Map.of(ComponentIds.stringify(match("result")), Map.<String, Object>of("children", "done"));
        assertEquals(Map.of("{\"index\":3,\"type\":\"result\"}", Map.of("children", "done")), row3.place(callback, answered));
        assertTrue(row3.matches(new Input(match("stop"), "n_clicks"), Map.of("type", "stop", "index", 3)));
        assertTrue(!row3.matches(new Input(match("stop"), "n_clicks"), Map.of("type", "stop", "index", 4)),
                "another row's Cancel does not cancel this row's job");
        assertNotEquals(row3.slot(), JobTargets.of(callback, callFor(callback, 4)).slot(), "one slot per row");
        assertEquals(row3.slot(), JobTargets.of(callback, callFor(callback, 3)).slot());
    }

    @Test
    void aCallbackWithoutWildcardsKeepsItsIds() {
        var app = new CallbackRegistry();
        Callback plain = app.callback(new Output("p", "children"), new Input("b", "n_clicks"))
                .background().handle((job, args) -> "x");
        JobTargets targets = JobTargets.of(plain, CallbackInvoker.bind(plain,
                new UpdateRequest("p.children", null, List.of(new PropValue("b", "n_clicks", 1)), List.of(), List.of())));
        assertEquals(JobTargets.NONE, targets);
        var response = Map.of("p", Map.<String, Object>of("children", "x"));
        assertEquals(response, targets.place(plain, response));
    }

    @Test
    void backgroundIdsStandForOneComponent() {
        var app = new CallbackRegistry();
        var all = assertThrows(InvalidCallbacks.class, () -> app.callback(new Output(match("result"), "children"),
                        new Input(match("run"), "n_clicks"))
                .background()
                .running(new Running(new Output(Map.of("type", "run", "index", ALL), "disabled"), true, false))
                .handle((job, args) -> "x"));
        assertTrue(all.getMessage().contains("use MATCH"), all.getMessage());
        var unmatched = assertThrows(InvalidCallbacks.class, () -> app.callback(new Output("p", "children"),
                        new Input("b", "n_clicks"))
                .background()
                .progress(new Output(match("bar"), "value"))
                .handle((job, args) -> "x"));
        assertTrue(unmatched.getMessage().contains("MATCH there means"), unmatched.getMessage());
    }
}
