package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page whose socket stops reading never blocks the job or another page: while a job floods about 12 MB of
 * set_props, one socket of the owner does the WebSocket handshake by hand and then reads nothing (its TCP window
 * fills), and a second, normal socket of the same owner reads. The normal one hears every event and "done" in
 * time, and the server closes the stalled one with 1013 once its backlog passes the limit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowSocketIT {

    private static final Duration IN_TIME = Duration.ofSeconds(15);

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

        try (Socket stalled = handshake(app, page.cookieHeader()); TestSocket reading = page.socket()) {
            long start = System.nanoTime();
            String job = page.submit("out-big-local.children", new Object[][] {{"big-local", "n_clicks", 1}},
                    new Object[0][]);

            List<Integer> values = new ArrayList<>();
            JsonObject end = null;
            while (end == null) {
                long left = IN_TIME.toNanos() - (System.nanoTime() - start);
                TestSocket.Received heard = left <= 0 ? null : reading.next(Duration.ofNanos(left));
                JsonObject event = heard == null ? null : heard.json();
                assertTrue(event != null, "the reading page heard " + values.size() + " set_props and no end in "
                        + IN_TIME);
                if (!job.equals(event.getString("job", null))) {
                    continue;
                }
                switch (event.getString("type")) {
                    case "set_props" -> values.add(event.getJsonObject("props").getInt("children"));
                    case "done", "error", "cancelled" -> end = event;
                    default -> { }
                }
            }
            System.out.printf("[slow socket] the reading page heard %d set_props and the end in %d ms%n",
                    values.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEquals("done", end.getString("type"), "the job ends normally: " + end);
            for (int i = 0; i < ProgressFloodApp.BIG; i++) {
                assertEquals(i, values.get(i), "every set_props, in order");
            }
            assertEquals(ProgressFloodApp.BIG, values.size());

            Frames frames = readUntilClose(stalled);
            System.out.printf("[slow socket] the stalled socket got %d messages, then close %d%n",
                    frames.texts(), frames.closeCode());
            assertEquals(1013, frames.closeCode(), "the server closed the stalled socket: try again later");
            assertTrue(frames.texts() < ProgressFloodApp.BIG, "its queue was dropped: " + frames.texts());
        }
    }

    /** A WebSocket opened by hand, with a small receive buffer, whose answer is read and nothing after it. */
    private static Socket handshake(URI app, String cookie) throws IOException {
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(app.getHost(), app.getPort()), 5000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString("jdash-slow-test!".getBytes(StandardCharsets.US_ASCII));
        String request = "GET " + app.getPath() + "_jdash-push HTTP/1.1\r\nHost: " + app.getHost() + ":" + app.getPort()
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
