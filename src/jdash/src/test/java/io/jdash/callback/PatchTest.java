package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdash.json.JsonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchTest {

    @Test
    void operationsAreWrittenInDashsShapeInOrder() {
        Patch patch = new Patch();
        patch.at("data", 0, "y").append(4);
        patch.at("layout", "title").merge(Map.of("text", "New"));
        patch.at("count").add(1);
        patch.at("rows").insert(-1, "x");
        patch.at(2).delete();

        assertEquals("{\"__dash_patch_update\":\"__dash_patch_update\",\"operations\":["
                + "{\"location\":[\"data\",0,\"y\"],\"operation\":\"Append\",\"params\":{\"value\":4}},"
                + "{\"location\":[\"layout\",\"title\"],\"operation\":\"Merge\",\"params\":{\"value\":{\"text\":\"New\"}}},"
                + "{\"location\":[\"count\"],\"operation\":\"Add\",\"params\":{\"value\":1}},"
                + "{\"location\":[\"rows\"],\"operation\":\"Insert\",\"params\":{\"index\":-1,\"value\":\"x\"}},"
                + "{\"location\":[2],\"operation\":\"Delete\",\"params\":{}}]}", JsonCodec.toJson(patch));
    }

    @Test
    void aPatchIsACallbacksOutputValue() {
        var app = new CallbackRegistry();
        Callback callback = app.callback(new Output("fig", "figure"), new Input("btn", "n_clicks"))
                .handle(args -> new Patch().at("data", 0, "y").append(args.get(0)));

        var result = (CallbackResult.Updated) CallbackInvoker.invoke(callback, new UpdateRequest("fig.figure", null,
                List.of(new PropValue("btn", "n_clicks", 3)), List.of(), List.of("btn.n_clicks")));

        Patch patch = (Patch) result.props().get("fig").get("figure");
        assertEquals(List.of(new Patch.Operation("Append", List.of("data", 0, "y"), Map.of("value", 3))), patch.getOperations());
    }

    @Test
    void keysAreStringsOrIndexes() {
        Patch patch = new Patch();
        assertThrows(IllegalArgumentException.class, () -> patch.at(1.5));
        assertSame(patch, patch.at("a").at("b").clear());
        assertEquals(java.util.Collections.singletonMap("value", null), patch.at("c").assign(null).getOperations().get(1).params(),
                "assigning null is Dash's None");
    }
}
