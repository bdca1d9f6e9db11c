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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    /**
     * Sends each next request off the JDK WebSocket's listener thread. Sent from within {@code onText}, JDK 17's
     * client now and then completed a {@code sendText} whose frame never went on the wire (seen in a capture of the
     * loopback: the request missing, the heartbeat sent after it present, no bytes queued), which looked like a
     * server that stopped answering.
     */
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
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
            if (!visitor.awaitIdle()) {
                failure.compareAndSet(null, visitor.unanswered());
            }
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
        private volatile CompletableFuture<WebSocket> lastSend;
        private volatile long requests;
        private volatile long sentAt;
        private volatile long sendDoneAt;
        private volatile boolean idle = true;
        /** How the socket ended, if it did (the server's close or a failure), for the message of a stuck visitor. */
        private volatile String ended;
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
            lastSend = lastSend.thenComposeAsync(sent -> sent.sendText(text, true), sender)
                    .whenComplete((sent, failed) -> sendDoneAt = System.nanoTime());
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

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended = "closed by the server with " + statusCode + " '" + reason + "'";
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended = "failed: " + error;
        }

        /** Waits up to 30 s for the visitor's request out to be answered; whether it was. */
        boolean awaitIdle() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!idle && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return idle;
        }

        /** Why the visitor is stuck: its request out, how long ago, and what became of its socket and last send. */
        String unanswered() {
            String send;
            try {
                send = lastSend.getNow(null) == null ? "its send still under way"
                        : "its send done " + (sendDoneAt - sentAt) / 1000 + " µs after the request was made";
            } catch (CompletionException | CancellationException failed) {
                send = "its send failed: " + (failed.getCause() == null ? failed : failed.getCause());
            }
            return "visitor " + id + ": request " + renderer + "-" + requests + " unanswered after "
                    + (System.nanoTime() - sentAt) / 1_000_000 + " ms (" + send + "; socket "
                    + (ended == null ? "open" : ended) + ")";
        }

        void close() {
            socket.abort();
        }
    }

    @Override
    public void close() {
        visitors.forEach(Visitor::close);
        sender.shutdown();
    }
}
