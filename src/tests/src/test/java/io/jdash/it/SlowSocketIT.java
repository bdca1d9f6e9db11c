package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page whose socket stops reading never blocks a job or another page. One page load of an owner opens
 * {@code _dash-ws} by hand on a raw TCP socket with a small receive buffer, says hello and starts the big flood
 * (about 12 MB of set_props, which only that page hears), then reads nothing (its TCP window fills and the server's
 * queue for it grows). While the flood runs, a second page load of the same owner, on a normal socket, runs a job of
 * its own (a flood of small updates on the production manager) and hears every set_props and its answer in time.
 * The server closes the stalled socket with 1013 once its backlog passes the limit, and the big flood still ends
 * "done" (the job API says so).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowSocketIT {

    private static final Duration IN_TIME = Duration.ofSeconds(30);
    /** How long the server may take to close the stalled socket on a busy machine. */
    private static final Duration CLOSED_IN = Duration.ofSeconds(60);
    private static final String BIG_FLOOD = "out-big-local.children";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ProgressDeployments.withFloodApp();
    }

    @ArquillianResource
    URL base;

    @Test
    void aSocketThatStopsReadingIsClosedWhileTheJobAndAReadingPageGoOn() throws Exception {
        TestClient page = TestClient.open(base, ProgressFloodApp.SLUG);
        URI app = URI.create(base + "apps/" + ProgressFloodApp.SLUG + "/");
        JobFeed feed = page.feed();

        try (Socket stalled = handshake(app, page.cookieHeader()); RendererSocket reading = RendererSocket.open(page)) {
            String stalledPage = "stalled-page";
            sendText(stalled, RendererSocket.helloText(stalledPage));
            sendText(stalled, RendererSocket.requestText(stalledPage, stalledPage + "-2", BIG_FLOOD,
                    new Object[][] {{"big-local", "n_clicks", 1}}, new Object[0][]));
            String flood = awaitJobOf(page, BIG_FLOOD);
            feed.await(flood, event -> event.json().getInt("seq") >= 100, IN_TIME, "100 events");

            long start = System.nanoTime();
            String request = reading.request("out-flood-jms.children", new Object[][] {{"flood-jms", "n_clicks", 1}},
                    new Object[0][]);
            List<Integer> values = new ArrayList<>();
            TestSocket.Received answer = null;
            while (answer == null) {
                long left = IN_TIME.toNanos() - (System.nanoTime() - start);
                TestSocket.Received heard = left <= 0 ? null : reading.socket().next(Duration.ofNanos(left));
                assertTrue(heard != null, "the reading page heard " + values.size() + " set_props and no answer in "
                        + IN_TIME);
                if (heard.type().equals("set_props") && RendererSocket.componentId(heard).equals("target")) {
                    values.add(heard.json().getJsonObject("payload").getJsonObject("props").getInt("children"));
                } else if (heard.type().equals("callback_response")
                        && request.equals(heard.json().getString("requestId", null))) {
                    answer = heard;
                }
            }
            System.out.printf("[slow socket] the reading page heard %d set_props and its answer in %d ms%n",
                    values.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEquals("ok", RendererSocket.status(answer), "the reading page's job ends normally: " + answer.json());
            assertEquals("done " + ProgressFloodApp.FLOOD, RendererSocket.response(answer)
                    .getJsonObject("out-flood-jms").getString("children"), answer.json().toString());
            for (int i = 0; i < ProgressFloodApp.FLOOD; i++) {
                assertEquals(i, values.get(i), "every set_props, in order");
            }
            assertEquals(ProgressFloodApp.FLOOD, values.size());

            // the stalled page reads nothing until its job has ended: had it read earlier (its job still making the
            // first megabytes, a fast machine), it would have caught up, and rightly not been closed
            assertEquals("done", feed.awaitEnd(flood, CLOSED_IN).type(),
                    "the big flood ends normally although its page stopped reading");
            stalled.setSoTimeout((int) CLOSED_IN.toMillis());
            Frames frames = readUntilClose(stalled);
            System.out.printf("[slow socket] the stalled socket got %d messages, then close %d, %d ms after the start%n",
                    frames.texts(), frames.closeCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEquals(1013, frames.closeCode(), "the server closed the stalled socket: try again later");
            assertTrue(frames.texts() < ProgressFloodApp.BIG, "its queue was dropped: " + frames.texts());
        }
    }

    /** The id of the session's job of {@code callback}, once the job API lists one. */
    private static String awaitJobOf(TestClient page, String callback) throws Exception {
        long deadline = System.nanoTime() + IN_TIME.toNanos();
        while (true) {
            var listed = page.get("apps/" + page.slug + "/_jdash-jobs/");
            assertEquals(200, listed.statusCode(), listed.body());
            for (JsonObject job : ((JsonArray) TestClient.json(listed)).getValuesAs(JsonObject.class)) {
                if (job.getString("callback").equals(callback)) {
                    return job.getString("job");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no job of " + callback + " within " + IN_TIME + ": " + listed.body());
            }
            Thread.sleep(20);
        }
    }

    /** A WebSocket opened by hand, with a small receive buffer, whose answer is read and nothing after it. */
    private static Socket handshake(URI app, String cookie) throws IOException {
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(app.getHost(), app.getPort()), 5000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString("jdash-slow-test!".getBytes(StandardCharsets.US_ASCII));
        String request = "GET " + app.getPath() + "_dash-ws HTTP/1.1\r\nHost: " + app.getHost() + ":" + app.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\nCookie: " + cookie + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        var head = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the handshake ended early: " + head);
            }
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        return socket;
    }

    /** Writes one text frame as a client must (RFC 6455 5.3: masked with a fresh key), of up to 64 KiB. */
    private static void sendText(Socket socket, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        var frame = new ByteArrayOutputStream();
        frame.write(0x81); // FIN, text
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xffff) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            throw new IllegalArgumentException("a frame of " + payload.length + " bytes");
        }
        byte[] mask = new byte[4];
        new SecureRandom().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame.toByteArray());
        socket.getOutputStream().flush();
    }

    private record Frames(int texts, int closeCode) {
    }

    /** Reads server frames (never masked) until a close frame; counts the text frames before it. */
    private static Frames readUntilClose(Socket socket) throws IOException {
        var in = new DataInputStream(socket.getInputStream());
        int texts = 0;
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            int opcode = first & 0x0f;
            if (opcode == 0x8) {
                return new Frames(texts, payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1);
            }
            if (opcode == 0x1 && (first & 0x80) != 0) {
                texts++;
            }
        }
    }
}
