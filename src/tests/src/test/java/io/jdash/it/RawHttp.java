package io.jdash.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} refuses to send: request lines with
 * raw bytes (spaces, backslashes, bad percent escapes, invalid UTF-8), {@code TRACE} and {@code CONNECT},
 * and a {@code Content-Length} that does not match the body. Sends {@code Connection: close} and reads the
 * answer to the end of the stream.
 */
final class RawHttp {

    /** An answer: status, headers (lower-case names), body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /**
     * The head of a callback POST to {@code slug} by {@code page} (its cookies and CSRF token, a same-site Origin),
     * with {@code framing} ("Content-Length: n" or "Transfer-Encoding: chunked"), for tests that write the body by hand.
     */
    static String callbackPostHead(java.net.URL base, TestClient page, String slug, String framing)
            throws IOException, InterruptedException {
        return "POST " + base.getPath() + "apps/" + slug + "/_dash-update-component HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Origin: " + base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Cookie: " + page.cookieHeader() + "\r\n"
                + CsrfMeta.HEADER + ": " + page.csrf() + "\r\n"
                + framing + "\r\n\r\n";
    }

    static Answer send(String host, int port, byte[] requestHead, byte[] body) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(15_000);
            var out = socket.getOutputStream();
            out.write(requestHead);
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // the server may answer and close before it has read a body it refuses; read its answer
                }
            }
            out.flush();
            socket.shutdownOutput(); // a body shorter than its Content-Length ends here, not at a timeout
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                bytes.write(chunk, 0, n);
            }
        } catch (java.net.SocketException reset) {
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }
}
