package io.jdash.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A page's push socket, as a test sees it ({@link TestClient#socket()}): every message it receives, in arrival
 * order, with the {@link System#nanoTime()} of its arrival, and waits on them with deadlines.
 */
final class TestSocket implements WebSocket.Listener, AutoCloseable {

    /**
     * One message and when it arrived (the messages of one JSON array, Dash's batch, each on its own, in order): {@link System#nanoTime()} and the wall clock in epoch microseconds. */
    record Received(long atNanos, long atMicros, JsonObject json) {
        String type() {
            return json.getString("type");
        }

        String job() {
            return json.get("job") instanceof JsonString id ? id.getString() : null;
        }
    }

    private final List<Received> received = new ArrayList<>();
    /** How many messages {@link #next} has returned. */
    private int taken;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private WebSocket socket;

    static TestSocket connect(URI http, String cookieHeader) throws Exception {
        return connect(http, cookieHeader, new String[0]);
    }

    /** As {@link #connect(URI, String)}, with more handshake headers (name, value, name, value…). */
    static TestSocket connect(URI http, String cookieHeader, String... headers) throws Exception {
        var listener = new TestSocket();
        URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        // a client without a cookie handler: the session rides only on the Cookie header given here
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        listener.socket = builder.buildAsync(ws, listener).get(10, TimeUnit.SECONDS);
        return listener;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        long wallClock = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        synchronized (this) {
            partial.append(data);
            if (last) {
                try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                    var value = reader.readValue();
                    if (value instanceof jakarta.json.JsonArray batch) { // several messages sent as one: in their order
                        batch.forEach(each -> received.add(new Received(now, wallClock, each.asJsonObject())));
                    } else {
                        received.add(new Received(now, wallClock, value.asJsonObject()));
                    }
                }
                partial.setLength(0);
                notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        synchronized (this) {
            notifyAll();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Sends a text frame; returns the nanoTime just before sending. */
    long send(String text) throws Exception {
        long at = System.nanoTime();
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        return at;
    }

    long cancel(String job) throws Exception {
        return send(Json.createObjectBuilder().add("type", "cancel").add("job", job).build().toString());
    }

    /** The next message {@link #next} has not returned yet, in arrival order; null if none comes within the timeout. */
    synchronized Received next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taken >= received.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return received.get(taken++);
    }

    /** How the socket ended ("1008 reason", or the error), or null while it is open. */
    String closedReason() {
        if (!closed.isDone()) {
            return null;
        }
        try {
            return closed.join();
        } catch (RuntimeException failed) {
            return "error " + failed.getCause();
        }
    }

    /** Everything received so far. */
    synchronized List<Received> all() {
        return List.copyOf(received);
    }

    /** The messages about {@code job} so far, in arrival order. */
    synchronized List<Received> of(String job) {
        return received.stream().filter(message -> job.equals(message.job())).toList();
    }

    /** Waits for the first message matching {@code test}; fails after {@code timeout}. */
    synchronized Received await(Predicate<Received> test, Duration timeout, String what)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Received message : received) {
                if (test.test(message)) {
                    return message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no " + what + " within " + timeout + "; received: " + received.stream()
                        .map(m -> m.json().toString()).limit(50).toList());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for the job's event of this type. */
    Received await(String job, String type, Duration timeout) throws InterruptedException, TimeoutException {
        return await(m -> job.equals(m.job()) && type.equals(m.type()), timeout, "'" + type + "' of job " + job);
    }

    /** Waits for the job's end, whichever it is. */
    Received awaitEnd(String job, Duration timeout) throws InterruptedException, TimeoutException {
        return await(m -> job.equals(m.job()) && List.of("done", "error", "cancelled").contains(m.type()), timeout,
                "end of job " + job);
    }

    /** How the server closed the socket, if it did within the timeout. */
    String awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
