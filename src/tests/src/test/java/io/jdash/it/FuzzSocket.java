package io.jdash.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The socket half of {@link HttpFuzzIT}: generated messages for {@code /apps/<slug>/_jdash-push} and a sender
 * that checks what becomes of each socket. A socket must either close with a 1xxx close code (1009 for a
 * message over the 4096-byte limit, 1008 for a handshake without a session or from another site) or ignore the
 * message and keep answering pings.
 * <p>
 * Undertow 2.3 (WildFly 39) does not always close on an oversized message: on a socket that has already
 * carried messages, a message over {@code maxMessageSize} now and then vanishes instead (neither delivered to
 * {@code PushEndpoint} nor answered with 1009; the socket keeps answering pings). That was the old fuzzer's
 * "8 socket failures"; it is the container's doing, and the message never reaches JDash, so it counts here as
 * "oversized-dropped" and docs/security.md describes it.
 */
final class FuzzSocket {

    /** One socket input: a text or binary message, a ping, or a handshake with a mutated cookie/origin. */
    record Message(String kind, String text, boolean binary) {
        int bytes() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private final Random random;

    FuzzSocket(Random random) {
        this.random = random;
    }

    Message next(List<String> knownJobs) {
        String job = knownJobs.isEmpty() ? "AAAAAAAAAAAAAAAAAAAAAA" : knownJobs.get(random.nextInt(knownJobs.size()));
        return switch (random.nextInt(12)) {
            case 0 -> new Message("cancel-unknown", "{\"type\":\"cancel\",\"job\":" + quoteSafe(randomText()) + "}", false);
            case 1 -> new Message("cancel-wrong-type", "{\"type\":\"cancel\",\"job\":" + pick("1", "null", "[]", "{}", "true",
                    "1e999", "\"\"", "[\"" + job + "\"]") + "}", false);
            case 2 -> new Message("type-mutated", "{\"type\":" + pick("1", "null", "[\"cancel\"]", "\"CANCEL\"", "\"attach\"",
                    "\"cancel \"", "{}", "\"" + "c".repeat(3000) + "\"") + ",\"job\":\"" + job + "\"}", false);
            case 3 -> new Message("attach-mutated", "{\"type\":\"attach\",\"job\":\"" + job + "\",\"callback\":"
                    + pick("1", "\"x\"", "null") + ",\"state\":" + pick("\"DONE\"", "{}", "[[[[") + "}", false);
            case 4 -> new Message("invalid-json", pick("{", "}", "[", "{\"type\":", "'x'", "undefined", "{\"a\"}", "\"\\ud800\"",
                    "{\"type\":\"cancel\",\"job\":\"x\"", "[".repeat(pick(10, 300, 4000)), randomText()), false);
            case 5 -> new Message("oversized", "x".repeat(pick(4097, 5000, 10_000, 65_536)), false);
            case 6 -> new Message("at-limit", pick("x".repeat(4096), "\u00e9".repeat(2048)), false);
            case 7 -> new Message("binary", pick("\u0000\u0001\u0002", "{\"type\":\"cancel\"}", "x".repeat(5000)), true);
            case 8 -> new Message("duplicate-keys", "{\"type\":\"cancel\",\"job\":\"" + job + "\",\"type\":\"other\"}", false);
            case 9 -> new Message("ping", "", false);
            case 10 -> new Message("handshake", pick("no-cookie", "wrong-cookie", "foreign-origin", "unknown-app"), false);
            default -> new Message("cancel-own-or-unknown", "{\"type\":\"cancel\",\"job\":\"" + job + "x\"}", false);
        };
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

    /** One open socket and what the server did to it. */
    static final class Open implements WebSocket.Listener {
        final CompletableFuture<Object> closed = new CompletableFuture<>();
        volatile CompletableFuture<Void> pong = new CompletableFuture<>();
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
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pong.complete(null);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
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
