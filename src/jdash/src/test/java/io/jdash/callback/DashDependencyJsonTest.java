package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdash.json.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashDependencyJsonTest {

    @Test
    void aCallbackIsListedWithTheFieldsDashsRendererReads() {
        var callback = new Callback("out.children", List.of(new Output("out", "children")),
                List.of(new Input("in", "value")), List.of(new State("s", "data")), true, args -> "x");

        String json = JsonCodec.toJson(DashDependency.of(List.of(callback)));

        assertEquals("[{\"output\":\"out.children\",\"inputs\":[{\"id\":\"in\",\"property\":\"value\"}],"
                + "\"state\":[{\"id\":\"s\",\"property\":\"data\"}],\"clientside_function\":null,"
                + "\"prevent_initial_call\":true,\"background\":null,\"dynamic_creator\":false,\"no_output\":false,"
                + "\"hidden\":null,\"websocket\":false}]", json);
    }

    @Test
    void aCallbackWithoutOutputsSaysSo() {
        var callback = new Callback(Callback.idFor(List.of(), List.of(new Input("in", "value"))), List.of(),
                List.of(new Input("in", "value")), List.of(), false, args -> null);

        String json = JsonCodec.toJson(DashDependency.of(List.of(callback)));

        assertEquals(true, json.contains("\"no_output\":true"), json);
    }
}
