package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request bodies are bounded in size and in time, and a slow one holds no thread.
 * <ul>
 *   <li>A chunked callback body past the size limit (1 MiB) is refused as soon as the limit is passed (issue 15,
 *       item 4): its 413 arrives while the client is still sending, and the connection closes, instead of the server
 *       reading every chunk the client cares to send before it answers.</li>
 *   <li>Slow bodies (issue 15, item 2): 48 clients that send their POST body a byte at a time — more than WildFly's
 *       worker threads (16 per core) — leave pages and callbacks answering at once, and each gets 408 when its body
 *       has not come within the total time limit ({@code jdash.request-body-timeout-seconds}, 10 s on the test
 *       server), however often its bytes came. With the blocking read they held every worker thread, and all HTTP
 *       timed out.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BodyLimitIT {

    private static final int CHUNK = 64 * 1024;
    private static final int SLOW_CLIENTS = 48;
    /** {@code jdash.request-body-timeout-seconds} on the test server (arquillian.xml). */
    private static final long TIME_LIMIT_MILLIS = 10_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @ArquillianResource
    URL base;

    @Test
    void aChunkedBodyOverTheLimitIsRefusedBeforeItsLastChunk() throws Exception {
        TestClient page = TestClient.open(base, "hello");
        String head = RawHttp.callbackPostHead(base, page, "hello", "Transfer-Encoding: chunked");
        byte[] chunk = (Integer.toHexString(CHUNK) + "\r\n" + " ".repeat(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            long sent = 0;
            String answer = "";
            long giveUp = System.nanoTime() + 20_000_000_000L;
            // keep sending (never the last chunk) until the server answers: 4 MiB at most, then wait
            while (answer.isEmpty() && System.nanoTime() < giveUp) {
                if (sent < 4L * 1024 * 1024) {
                    try {
                        out.write(chunk);
                        out.flush();
                        sent += CHUNK;
                    } catch (java.io.IOException closed) {
                        sent = Long.MAX_VALUE; // the server closed its side: read its answer
                    }
                }
                answer = readSome(in);
            }
            assertTrue(answer.startsWith("HTTP/1.1 413"), "refused while the body was still coming, after "
                    + sent + " bytes: '" + answer + "'");
            assertTrue(answer.contains("\"error\""), "with a JSON reason: " + answer);
        }
    }

    private static String readSome(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException nothingYet) {
            return "";
        } catch (java.net.SocketException reset) {
            return "";
        }
    }

    @Test
    void clientsSendingTheirBodiesSlowlyHoldUpNobodyAndAreRefusedAtTheTimeLimit() throws Exception {
        TestClient attacker = TestClient.open(base, "hello");
        String body = TestClient.updateBody("my-output.children", new Object[][] {{"my-input", "value", "slow"}},
                new Object[0][]);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = RawHttp.callbackPostHead(base, attacker, "hello", "Content-Length: " + bytes.length);
        List<Socket> slow = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                var socket = new Socket();
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                socket.setSoTimeout(5);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(bytes, 0, 1);
                slow.add(socket);
            }
            String[] answers = new String[SLOW_CLIENTS];
            int sent = 1;
            boolean othersChecked = false;
            while (System.nanoTime() - started < (TIME_LIMIT_MILLIS + 8_000) * 1_000_000 && !allAnswered(answers)) {
                Thread.sleep(1000);
                // a byte a round until shortly before the limit, then none: a write after the server's answer and
                // close would reset the connection, and the reset would drop the answer unread
                boolean sending = System.nanoTime() - started < (TIME_LIMIT_MILLIS - 2_000) * 1_000_000;
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    if (answers[i] == null) {
                        answers[i] = answerOf(slow.get(i));
                    }
                    if (answers[i] == null && sending && sent < bytes.length - 1) { // never the last byte
                        slow.get(i).getOutputStream().write(bytes, sent, 1);
                    }
                }
                sent++;
                if (!othersChecked && sent > 3) { // every slow client is sending by now
                    othersChecked = true;
                    assertOthersAreServed();
                }
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                assertTrue(answers[i] != null && answers[i].startsWith("HTTP/1.1 408"),
                        "slow client " + i + " is refused at the time limit: " + answers[i] + "; all: "
                                + java.util.Arrays.stream(answers).map(a -> a == null ? "none" : a.lines().findFirst()
                                .orElse("")).collect(java.util.stream.Collectors.groupingBy(a -> a,
                                java.util.stream.Collectors.counting())));
            }
            assertTrue(answers[0].contains("jdash.request-body-timeout-seconds"), answers[0]);
            assertTrue(tookMillis >= TIME_LIMIT_MILLIS, "not before the limit: " + tookMillis + " ms");
            assertTrue(sent > 5, "the slow clients sent bytes all along: " + sent + " rounds");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        assertOthersAreServed();
    }

    /** A page and a callback of another client answer within 5 s each. */
    private void assertOthersAreServed() throws Exception {
        long before = System.nanoTime();
        TestClient other = TestClient.open(base, "hello");
        HttpResponse<String> answer = other.postJson("apps/hello/_dash-update-component",
                TestClient.updateBody("my-output.children", new Object[][] {{"my-input", "value", "quick"}},
                        new Object[0][]));
        long tookMillis = (System.nanoTime() - before) / 1_000_000;
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Output: quick"), answer.body());
        assertTrue(tookMillis < 5_000, "a page and a callback took " + tookMillis + " ms while slow bodies came");
    }

    private static boolean allAnswered(String[] answers) {
        for (String answer : answers) {
            if (answer == null) {
                return false;
            }
        }
        return true;
    }

    /** What the server answered on the socket so far (its status line and body), or null when nothing yet. */
    private static String answerOf(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        var read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException nothingMore) {
            // what came so far
        } catch (java.io.IOException reset) {
            // closed after its answer
        }
        return read.size() == 0 ? null : read.toString(StandardCharsets.UTF_8);
    }
}
