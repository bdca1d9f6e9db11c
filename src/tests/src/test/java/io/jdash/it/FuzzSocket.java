package io.jdash.it;

import io.jdash.callback.Input;
import io.jdash.callback.SocketCallbacks;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The socket half of {@link HttpFuzzIT}: generated messages of Dash's renderer's protocol for
 * {@code /apps/bg-local/_dash-ws} (malformed JSON, wrong types, unknown types, messages up to and over the
 * {@value #MAX_MESSAGE_BYTES}-byte limit, callback requests with odd payloads, hellos, changes of an unknown cancel input and jobs
 * under the page's own, random or another owner's renderer id) and a sender that checks what becomes of each
 * socket. A handshake without an owner, from another site or for an unknown app is closed with 1008; a text message
 * over the limit (a request that would be answered) closes the socket with 1009 or is never served; any other
 * text message leaves the socket open: a {@code heartbeat} is acknowledged, a well-formed {@code callback_request}
 * other than the hello is answered, however odd its payload (the page waits for an answer), with an error or when
 * its job ends, and the rest is ignored. A binary message may close the socket with a 1xxx code.
 * <p>
 * Undertow 2.3 (WildFly 39) does not always close on an oversized message: on a socket that has already
 * carried messages, a message over the limit now and then vanishes instead (neither delivered to the endpoint nor
 * answered with 1009; the socket keeps answering pings). It is the container's doing, and the message never
 * reaches JDash, so it counts here as "oversized-dropped" and docs/security.md describes it.
 */
final class FuzzSocket {

    /** The most a socket message may be: {@code jdash.max-request-bytes}, by default. */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    /** The renderer id of the fuzzing page's own page load. */
    static final String OWN_RENDERER = "fuzz-page";

    /** What a message must get when the socket stays open: nothing in particular, a heartbeat_ack, or its answer. */
    enum Expect { NOTHING, ACK, ANSWER }

    /** One socket input: a text or binary message, a ping, or a handshake with a mutated cookie/origin/path. */
    record Message(String kind, String text, boolean binary, Expect expect, String requestId) {
        Message(String kind, String text) {
            this(kind, text, false, Expect.NOTHING, null);
        }

        int bytes() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** A cancel input the app does not have: its change names a cancel callback the server does not know. */
    private static final Input NO_CANCEL_INPUT = new Input("work-cancel", "n_clicks");

    /** Padding strings by length, made once: the big messages repeat a few sizes. */
    private static final Map<Integer, String> PADS = new ConcurrentHashMap<>();

    private final Random random;
    private final String foreignRenderer;
    private int requests;

    /** A generator whose messages claim {@code foreignRenderer}, the renderer id of another owner's page, now and then. */
    FuzzSocket(Random random, String foreignRenderer) {
        this.random = random;
        this.foreignRenderer = foreignRenderer;
    }

    /** The next generated input. */
    Message next() {
        return switch (random.nextInt(15)) {
            case 0 -> new Message("invalid-json", pick("{", "}", "[", "{\"type\":", "'x'", "undefined", "{\"a\"}",
                    "\"\\ud800\"", "{\"type\":\"heartbeat\"", "[{\"type\":\"heartbeat\"}]", "{\"type\":\"callback_request\","
                            + "\"payload\":{\"output\":", "[".repeat(pick(10, 300, 4000)), randomText()));
            case 1 -> new Message("type-mutated", "{\"type\":" + pick("1", "null", "[\"heartbeat\"]", "\"HEARTBEAT\"",
                    "\"heartbeat \"", "{}", "\"" + "c".repeat(3000) + "\"", "\"callback_request\\u0000\"")
                    + ",\"rendererId\":\"" + OWN_RENDERER + "\",\"requestId\":\"t\",\"payload\":{}}");
            case 2 -> new Message("unknown-type", "{\"type\":" + pick("\"set_props\"", "\"callback_response\"",
                    "\"heartbeat_ack\"", "\"cancel\"", "\"attach\"", "\"hello\"", quoteSafe(randomText()))
                    + ",\"job\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"payload\":{\"componentId\":\"work-out\",\"props\":{}}}");
            case 3 -> new Message("heartbeat", "{\"type\":\"heartbeat\"" + pick("", ",\"extra\":{\"a\":[1,2]}",
                    ",\"requestId\":\"h\"", ",\"payload\":[[[]]]") + "}", false, Expect.ACK, null);
            case 4 -> request("odd-payload", renderer(), pick("null", "1", "\"x\"", "[]", "{}", "{\"output\":1}",
                    "{\"output\":null}", "{\"output\":[\"work-out.children\"]}", "{\"output\":\"nope.children\",\"inputs\":[]}",
                    "{\"output\":\"work-out.children\"}", "{\"output\":\"work-out.children\",\"inputs\":\"x\"}",
                    "{\"output\":\"work-out.children\",\"inputs\":[1,2]}",
                    "{\"output\":\"work-out.children\",\"inputs\":[{\"id\":{},\"property\":5}],\"state\":{}}",
                    "{\"output\":\"work-out.children\",\"inputs\":[null],\"state\":[null,null]}",
                    "{\"output\":\"ledger-out.children\",\"inputs\":[{\"id\":\"ledger\",\"property\":\"value\",\"value\":"
                            + pick("\"x\"", "1", "null", "[]", "{\"a\":{}}") + "}],\"changedPropIds\":" + pick("[]", "1", "[null]") + "}",
                    "{\"output\":\"" + "w".repeat(pick(200, 5000)) + ".children\",\"inputs\":[]}"));
            case 5 -> request("job", renderer(), "{\"output\":\"work-out.children\",\"inputs\":[{\"id\":\"work\","
                    + "\"property\":\"value\",\"value\":\"fuzz-socket-" + requests + "\"}],\"state\":[{\"id\":\"work-sleep\","
                    + "\"property\":\"value\",\"value\":" + pick("0", "1", "-1", "\"x\"", "null", "true") + "},{\"id\":"
                    + "\"work-mode\",\"property\":\"value\",\"value\":" + pick("\"ok\"", "\"fail\"", "\"nan\"",
                    "\"nan-record\"", "1", "null") + "}],\"changedPropIds\":[\"work.value\"]}");
            case 6 -> new Message("hello", callbackRequest(renderer(), "hello-" + requests++, "{\"output\":\""
                    + SocketCallbacks.HELLO + "\",\"inputs\":" + pick("[]", "null", "[{\"id\":1}]", "\"x\"") + "}"));
            case 7 -> request("cancel-of-no-input", renderer(), "{\"output\":\"" + SocketCallbacks.cancelIdOf(NO_CANCEL_INPUT)
                    + "\",\"inputs\":" + pick("[{\"id\":\"work-cancel\",\"property\":\"n_clicks\",\"value\":1}]", "[]",
                    "[{\"id\":{\"type\":\"x\",\"index\":1},\"property\":\"n_clicks\",\"value\":1}]", "null", "[7]") + "}");
            case 8 -> new Message("ids-mutated", "{\"type\":\"callback_request\",\"rendererId\":" + pick("7", "null",
                    "[]", "{}", "\"\"", quoteSafe(OWN_RENDERER)) + ",\"requestId\":" + pick("7", "null", "[]", "{}")
                    + ",\"payload\":{\"output\":\"ledger-out.children\",\"inputs\":[]}}");
            case 9 -> { // a request that would be answered, were it served
                String requestId = "over-" + requests++;
                String head = "{\"output\":\"ledger-out.children\",\"inputs\":[{\"id\":\"ledger\",\"property\":"
                        + "\"value\",\"value\":\"";
                String tail = "\"}],\"changedPropIds\":[\"ledger.value\"]}";
                int size = pick(MAX_MESSAGE_BYTES + 1, MAX_MESSAGE_BYTES + 4096, 2 * MAX_MESSAGE_BYTES);
                int padding = size - callbackRequest(OWN_RENDERER, requestId, head + tail).length();
                yield new Message("oversized", callbackRequest(OWN_RENDERER, requestId, head + pad(padding) + tail), false,
                        Expect.ANSWER, requestId);
            }
            case 10 -> {
                String head = "{\"type\":\"heartbeat\",\"pad\":\"";
                yield new Message("at-limit", head + pad(MAX_MESSAGE_BYTES - head.length() - 2) + "\"}", false,
                        Expect.ACK, null);
            }
            case 11 -> new Message("binary", pick("\u0000\u0001\u0002", "{\"type\":\"heartbeat\"}", "x".repeat(5000)), true,
                    Expect.NOTHING, null);
            case 12 -> new Message("duplicate-keys", "{\"type\":\"heartbeat\",\"rendererId\":\"" + OWN_RENDERER
                    + "\",\"type\":" + pick("\"callback_request\"", "\"other\"", "1") + "}");
            case 13 -> new Message("ping", "");
            default -> new Message("handshake", pick("no-cookie", "wrong-cookie", "foreign-origin", "unknown-app"));
        };
    }

    /** A callback request with a fresh request id; it must be answered. */
    private Message request(String kind, String rendererId, String payload) {
        String requestId = "fuzz-" + requests++;
        return new Message(kind, callbackRequest(rendererId, requestId, payload), false, Expect.ANSWER, requestId);
    }

    private static String callbackRequest(String rendererId, String requestId, String payload) {
        return "{\"type\":\"callback_request\",\"rendererId\":" + quoteSafe(rendererId) + ",\"requestId\":"
                + quoteSafe(requestId) + ",\"payload\":" + payload + "}";
    }

    /** The page's own renderer id, another owner's, one made up (one socket speaks for 64 at most), or an odd one. */
    private String renderer() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> OWN_RENDERER;
            case 2 -> foreignRenderer;
            case 3 -> "made-up-" + random.nextInt(100);
            case 4 -> pick("", "r".repeat(129), "\u202e\u0000");
            default -> randomText();
        };
    }

    private static String pad(int length) {
        return PADS.computeIfAbsent(length, "x"::repeat);
    }

    private String randomText() {
        var text = new StringBuilder();
        for (int n = random.nextInt(30); n > 0; n--) {
            text.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : random.nextInt(0xd800)));
        }
        return text.toString();
    }

    /** A JSON string of well-formed UTF-16 (java.net.http refuses to send a lone surrogate). */
    private static String quoteSafe(String text) {
        return FuzzRequests.quote(text);
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    // ---- a socket as the fuzzer drives it

    /** One open socket and what the server did to it: its close, its pongs, heartbeat_acks and answers. */
    static final class Open implements WebSocket.Listener {
        final CompletableFuture<Object> closed = new CompletableFuture<>();
        volatile CompletableFuture<Void> pong = new CompletableFuture<>();
        private final Semaphore acks = new Semaphore(0);
        private final Map<String, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile String closeReason;
        WebSocket ws;

        static Open connect(HttpClient client, URI uri, Map<String, String> headers) throws Exception {
            var open = new Open();
            var builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
            headers.forEach(builder::header);
            open.ws = builder.buildAsync(uri, open).get(10, TimeUnit.SECONDS);
            return open;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                    JsonValue value = reader.readValue();
                    if (value instanceof JsonArray batch) {
                        batch.forEach(each -> received(each.asJsonObject()));
                    } else {
                        received(value.asJsonObject());
                    }
                }
                partial.setLength(0);
            }
            return null;
        }

        private void received(JsonObject message) {
            switch (message.getString("type", "")) {
                case "heartbeat_ack" -> acks.release();
                case "callback_response" -> {
                    if (message.get("requestId") instanceof jakarta.json.JsonString id) {
                        answerTo(id.getString()).complete(message);
                    }
                }
                default -> { } // the set_props of the page's jobs
            }
        }

        private CompletableFuture<JsonObject> answerTo(String requestId) {
            return answers.computeIfAbsent(requestId, id -> new CompletableFuture<>());
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pong.complete(null);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        /** The reason of the server's close frame, or null before it. */
        String closeReason() {
            return closeReason;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(error);
        }

        /** Whether the socket answers a ping within 5 s (false once it is closed). */
        boolean answersPing() {
            if (closed.isDone()) {
                return false;
            }
            pong = new CompletableFuture<>();
            try {
                ws.sendPing(ByteBuffer.wrap(new byte[]{1})).get(5, TimeUnit.SECONDS);
                pong.get(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        /** Whether a heartbeat_ack came within {@code seconds}, before the socket closed. */
        boolean acked(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!acks.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                if (closed.isDone() || System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the answer to {@code requestId} has come. */
        boolean answered(String requestId) {
            return answerTo(requestId).isDone();
        }

        /** The answer to {@code requestId} if it came within {@code seconds}, before the socket closed; else null. */
        JsonObject answer(String requestId, int seconds) {
            try {
                CompletableFuture.anyOf(answerTo(requestId), closed).get(seconds, TimeUnit.SECONDS);
            } catch (Exception none) {
                // timed out: no answer
            }
            return answerTo(requestId).getNow(null);
        }

        /** The close code, if the server closed within {@code seconds}; -1 if still open, -2 if it failed. */
        int closeCode(int seconds) {
            try {
                Object how = closed.get(seconds, TimeUnit.SECONDS);
                return how instanceof Integer code ? code : -2;
            } catch (java.util.concurrent.TimeoutException stillOpen) {
                return -1;
            } catch (Exception e) {
                return -2;
            }
        }

        void abort() {
            ws.abort();
        }
    }
}
