package io.jdash.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The ordinary-callback load over Dash's socket: the {@code hello} app's callback from N visitors at once, each its
 * own owner (its own page load and cookie) with its own {@code _dash-ws} socket on which it has said hello, one
 * {@code callback_request} at a time and the next sent as soon as its {@code callback_response} is back — what
 * {@link CallbackLoad} does over HTTP, for a callback declared {@code websocket()}. Every answer must be "ok" with
 * that visitor's own output. All sockets share one JDK HTTP client.
 */
final class SocketCallbackLoad implements AutoCloseable {

    private final URL base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Visitor> visitors = new ArrayList<>();

    SocketCallbackLoad(URL base) {
        this.base = base;
    }

    /** Runs {@code connections} visitors for {@code warmUp} unrecorded, then {@code measure} recorded. */
    CallbackLoad.Result run(int connections, Duration warmUp, Duration measure) throws Exception {
        while (visitors.size() < connections) {
            visitors.add(new Visitor(visitors.size()));
        }
        var recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        var completed = new AtomicLong();
        var measuring = new AtomicBoolean();
        var running = new AtomicBoolean(true);
        var failure = new AtomicReference<String>();
        List<Visitor> active = visitors.subList(0, connections);
        for (Visitor visitor : active) {
            visitor.start(running, measuring, recorder, completed, failure);
        }
        Thread.sleep(warmUp.toMillis());
        recorder.reset();
        long startCount = completed.get();
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        // a window too short for one answer on a busy machine (the smoke run's 500 ms) measures on to the first
        long cap = start + TimeUnit.SECONDS.toNanos(10);
        while (completed.get() == startCount && System.nanoTime() < cap && failure.get() == null) {
            Thread.sleep(10);
        }
        long done = completed.get() - startCount;
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram latency = recorder.getIntervalHistogram();
        running.set(false);
        for (Visitor visitor : active) {
            visitor.awaitIdle();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return new CallbackLoad.Result(done, seconds, latency);
    }

    /** One visitor: a page load of its own owner and its socket, with at most one request out. */
    private final class Visitor implements WebSocket.Listener {
        private final int id;
        private final String renderer;
        private final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        /** The last send: the JDK's WebSocket takes the next text only once it is done. */
        private java.util.concurrent.CompletableFuture<WebSocket> lastSend;
        private long requests;
        private long sentAt;
        private volatile boolean idle = true;
        private AtomicBoolean running;
        private AtomicBoolean measuring;
        private Recorder recorder;
        private AtomicLong completed;
        private AtomicReference<String> failure;

        Visitor(int id) throws Exception {
            this.id = id;
            this.renderer = "load-" + id;
            TestClient page = TestClient.open(base, "hello");
            URI uri = page.uri("apps/hello/_dash-ws");
            socket = client.newWebSocketBuilder().header("Cookie", page.cookieHeader())
                    .buildAsync(URI.create(uri.toString().replaceFirst("^http", "ws")), this).get(10, TimeUnit.SECONDS);
            lastSend = socket.sendText(RendererSocket.helloText(renderer), true);
            lastSend.get(5, TimeUnit.SECONDS);
        }

        void start(AtomicBoolean running, AtomicBoolean measuring, Recorder recorder, AtomicLong completed,
                   AtomicReference<String> failure) {
            this.running = running;
            this.measuring = measuring;
            this.recorder = recorder;
            this.completed = completed;
            this.failure = failure;
            idle = false;
            sendNext();
        }

        private void sendNext() {
            requests++;
            sentAt = System.nanoTime();
            String text = RendererSocket.requestText(renderer, renderer + "-" + requests, "my-output.children",
                    new Object[][] {{"my-input", "value", "v" + id + "-" + requests}}, new Object[0][]);
            lastSend = lastSend.thenCompose(sent -> sent.sendText(text, true));
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                answered(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void answered(String text) {
            long micros = (System.nanoTime() - sentAt) / 1000;
            JsonObject message;
            try (var reader = Json.createReader(new StringReader(text))) {
                message = reader.readObject();
            }
            String expected = "Output: v" + id + "-" + requests;
            JsonObject payload = message.getJsonObject("payload");
            if (!"callback_response".equals(message.getString("type", null)) || payload == null
                    || !"ok".equals(payload.getString("status", null)) || !expected.equals(payload.getJsonObject("data")
                    .getJsonObject("response").getJsonObject("my-output").getString("children"))) {
                failure.compareAndSet(null, "visitor " + id + " expected '" + expected + "', got " + text);
                idle = true;
                return;
            }
            if (measuring.get()) {
                recorder.recordValue(micros);
            }
            completed.incrementAndGet();
            if (running.get()) {
                sendNext();
            } else {
                idle = true;
            }
        }

        void awaitIdle() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!idle && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        void close() {
            socket.abort();
        }
    }

    @Override
    public void close() {
        visitors.forEach(Visitor::close);
    }
}
