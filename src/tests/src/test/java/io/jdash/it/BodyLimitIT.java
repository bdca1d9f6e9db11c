package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A chunked callback body past the size limit (1 MiB) is refused as soon as the limit is passed (issue 15, item 4):
 * its 413 arrives while the client is still sending, and the connection closes, instead of the server reading every
 * chunk the client cares to send before it answers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BodyLimitIT {

    private static final int CHUNK = 64 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @ArquillianResource
    URL base;

    @Test
    void aChunkedBodyOverTheLimitIsRefusedBeforeItsLastChunk() throws Exception {
        TestClient page = TestClient.open(base, "hello");
        String head = "POST " + base.getPath() + "apps/hello/_dash-update-component HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Origin: " + base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Cookie: " + page.cookieHeader() + "\r\n"
                + CsrfMeta.HEADER + ": " + page.csrf() + "\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
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
}
