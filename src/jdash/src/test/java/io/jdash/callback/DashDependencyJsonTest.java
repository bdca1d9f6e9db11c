package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdash.json.JsonCodec;
import java.util.List;
import java.util.Map;
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
                + "\"hidden\":null,\"websocket\":false,\"persistent\":false,\"running\":null}]", json);
    }

    private static List<Callback> backgroundApp() {
        var app = new CallbackRegistry();
        app.callback(new Output("p", "children"), new Input("run", "n_clicks"))
                .background()
                .running(new Running(new Output("run", "disabled"), true, false))
                .cancel(new Input("stop", "n_clicks"))
                .handle((job, args) -> "done");
        return app.callbacks();
    }

    @Test
    void overTheSocketABackgroundCallbackIsAWebsocketCallbackBesideTheHelloAndCancelCallbacks() {
        List<DashDependency> dependencies = DashDependency.of(backgroundApp(), RendererTransport.SOCKET);

        assertEquals(3, dependencies.size(), dependencies.toString());
        DashDependency job = dependencies.get(0);
        assertEquals(true, job.websocket());
        assertEquals(null, job.background(), "a background entry would make the renderer poll over HTTP");
        assertEquals(Map.of("run.disabled", true), job.running().running(), "the renderer sets them as it sends the request");
        assertEquals(Map.of(), job.running().runningOff(), "the server resets them with the job's outputs");
        DashDependency hello = dependencies.get(1);
        assertEquals(SocketCallbacks.HELLO, hello.output());
        assertEquals(List.of(), hello.inputs());
        assertEquals(true, hello.noOutput() && hello.persistent() && hello.websocket() && !hello.preventInitialCall());
        DashDependency cancel = dependencies.get(2);
        assertEquals(SocketCallbacks.cancelIdOf(new Input("stop", "n_clicks")), cancel.output());
        assertEquals(List.of(new DashDependency.Prop("stop", "n_clicks")), cancel.inputs());
        assertEquals(true, cancel.noOutput() && cancel.websocket() && cancel.preventInitialCall());
        assertEquals(new Input("stop", "n_clicks"),
                SocketCallbacks.cancelInputNamed(cancel.output(), backgroundApp()).orElseThrow());
    }

    @Test
    void overHttpABackgroundCallbackIsDeclaredAsDashDeclaresIt() {
        List<DashDependency> dependencies = DashDependency.of(backgroundApp(), RendererTransport.HTTP);

        assertEquals(2, dependencies.size(), "no hello callback without a socket: " + dependencies);
        String json = JsonCodec.toJson(dependencies.get(0));
        assertEquals(true, json.contains("\"background\":{\"interval\":" + DashDependency.POLL_INTERVAL_MILLIS + "}"), json);
        assertEquals(true, json.contains("\"websocket\":false"), json);
        assertEquals(true, json.contains("\"running\":{\"running\":{\"run.disabled\":true},\"runningOff\":{}}"), json);
        assertEquals(false, dependencies.get(1).websocket());
    }

    @Test
    void aCallbackWithoutOutputsSaysSo() {
        var callback = new Callback(Callback.idFor(List.of(), List.of(new Input("in", "value"))), List.of(),
                List.of(new Input("in", "value")), List.of(), false, args -> null);

        String json = JsonCodec.toJson(DashDependency.of(List.of(callback)));

        assertEquals(true, json.contains("\"no_output\":true"), json);
    }
}
