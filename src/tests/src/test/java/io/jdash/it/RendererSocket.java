package io.jdash.it;

import io.jdash.callback.Input;
import io.jdash.callback.SocketCallbacks;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page load of Dash's renderer as a test plays it on the app's {@code _dash-ws} socket: its renderer id, the
 * hello callback it sends first (so the server knows the page and can hand it its running jobs), its callback
 * requests (a background callback's is answered when the job ends) and its cancel inputs' changes. Everything the
 * server sends is kept, in arrival order, by the underlying {@link TestSocket}.
 */
final class RendererSocket implements AutoCloseable {

    private final TestSocket socket;
    private final String rendererId;
    private final AtomicInteger requests = new AtomicInteger();

    private RendererSocket(TestSocket socket, String rendererId) {
        this.socket = socket;
        this.rendererId = rendererId;
    }

    /** A new page load of {@code page}'s app (a fresh renderer id) that has said hello. */
    static RendererSocket open(TestClient page) throws Exception {
        return open(page, "r" + UUID.randomUUID().toString().substring(0, 12));
    }

    /** A page load with this renderer id (the same id again: the page reconnecting) that has said hello. */
    static RendererSocket open(TestClient page, String rendererId) throws Exception {
        URI uri = page.uri("apps/" + page.slug + "/_dash-ws");
        var renderer = new RendererSocket(TestSocket.connect(uri, page.cookieHeader()), rendererId);
        renderer.hello();
        return renderer;
    }

    String rendererId() {
        return rendererId;
    }

    TestSocket socket() {
        return socket;
    }

    /** Says hello again (what the renderer does after each reconnect of its socket). */
    void hello() throws Exception {
        send(SocketCallbacks.HELLO, Json.createArrayBuilder(), Json.createArrayBuilder());
    }

    /**
     * Sends a callback request, as {@link TestClient#update} shapes it; returns its request id. A background
     * callback's answer comes when its job ends ({@link #answer}).
     */
    String request(String output, Object[][] inputs, Object[][] state) throws Exception {
        return send(output, TestClient.props(inputs), TestClient.props(state));
    }

    /** The nanoTime at which the request was sent, with its id. */
    record Sent(String requestId, long atNanos) {
    }

    /** {@link #request}, with the nanoTime just before it went out. */
    Sent requestTimed(String output, Object[][] inputs, Object[][] state) throws Exception {
        String id = rendererId + "-" + requests.incrementAndGet();
        long at = socket.send(message(id, output, TestClient.props(inputs), TestClient.props(state)));
        return new Sent(id, at);
    }

    /** The page's cancel input {@code input} changed to {@code value}; returns the nanoTime just before it was sent. */
    long cancel(Input input, Object value) throws Exception {
        String id = rendererId + "-" + requests.incrementAndGet();
        return socket.send(message(id, SocketCallbacks.cancelIdOf(input),
                TestClient.props(new Object[][] {{input.id(), input.property(), value}}), Json.createArrayBuilder()));
    }

    private String send(String output, JsonArrayBuilder inputs, JsonArrayBuilder state) throws Exception {
        String id = rendererId + "-" + requests.incrementAndGet();
        socket.send(message(id, output, inputs, state));
        return id;
    }

    private String message(String requestId, String output, JsonArrayBuilder inputs, JsonArrayBuilder state) {
        return message(rendererId, requestId, output, inputs, state);
    }

    /**
     * The text of page load {@code rendererId}'s callback request {@code requestId}, as {@link #request} shapes it,
     * for a socket of a test's own that speaks for several page loads (as a browser's SharedWorker does).
     */
    static String requestText(String rendererId, String requestId, String output, Object[][] inputs, Object[][] state) {
        return message(rendererId, requestId, output, TestClient.props(inputs), TestClient.props(state));
    }

    /** The text of page load {@code rendererId}'s hello, as {@link #hello} sends it. */
    static String helloText(String rendererId) {
        return message(rendererId, rendererId + "-hello", SocketCallbacks.HELLO, Json.createArrayBuilder(),
                Json.createArrayBuilder());
    }

    private static String message(String rendererId, String requestId, String output, JsonArrayBuilder inputs,
                                  JsonArrayBuilder state) {
        JsonArrayBuilder changed = Json.createArrayBuilder();
        var builtInputs = inputs.build();
        if (!builtInputs.isEmpty()) {
            JsonObject first = builtInputs.getJsonObject(0);
            changed.add(TestClient.idText(first.get("id")) + "." + first.getString("property"));
        }
        return Json.createObjectBuilder().add("type", "callback_request").add("rendererId", rendererId)
                .add("requestId", requestId)
                .add("payload", Json.createObjectBuilder().add("output", output).add("inputs", builtInputs)
                        .add("state", state).add("changedPropIds", changed))
                .build().toString();
    }

    /**
     * Sends a heartbeat and waits for its {@code heartbeat_ack}. The server answers a socket's messages in order, so
     * everything it sent for the messages before (what the hello took up, say) has arrived by then.
     */
    void heartbeat(Duration timeout) throws Exception {
        List<TestSocket.Received> earlier = socket.all();
        socket.send(Json.createObjectBuilder().add("type", "heartbeat").build().toString());
        socket.await(m -> m.type().equals("heartbeat_ack") && earlier.stream().noneMatch(seen -> seen == m),
                timeout, "a heartbeat_ack");
    }

    /** Waits for the answer to request {@code requestId}. */
    TestSocket.Received answer(String requestId, Duration timeout) throws InterruptedException, TimeoutException {
        return socket.await(m -> m.type().equals("callback_response") && requestId.equals(m.json().getString("requestId", null)),
                timeout, "the answer to " + requestId);
    }

    /** The {@code set_props} messages so far, in arrival order, each as {@code {componentId, props}}. */
    List<TestSocket.Received> setProps() {
        return socket.all().stream().filter(m -> m.type().equals("set_props")).toList();
    }

    /** Waits for a {@code set_props} of component {@code id} whose props hold {@code prop}. */
    TestSocket.Received awaitSetProps(String id, String prop, Duration timeout)
            throws InterruptedException, TimeoutException {
        return socket.await(m -> m.type().equals("set_props") && id.equals(componentId(m))
                && m.json().getJsonObject("payload").getJsonObject("props").containsKey(prop), timeout,
                "set_props of " + id + "." + prop);
    }

    /** The component id a {@code set_props} message is for (a pattern-matching id as its JSON text). */
    static String componentId(TestSocket.Received setProps) {
        return TestClient.idText(setProps.json().getJsonObject("payload").get("componentId"));
    }

    /** The status of an answer: "ok", "prevent_update" or "error". */
    static String status(TestSocket.Received answer) {
        return answer.json().getJsonObject("payload").getString("status");
    }

    /** The {@code response} of an "ok" answer: {@code {id: {prop: value}}}. */
    static JsonObject response(TestSocket.Received answer) {
        JsonValue data = answer.json().getJsonObject("payload").get("data");
        return data.asJsonObject().getJsonObject("response");
    }

    @Override
    public void close() {
        socket.close();
    }
}
