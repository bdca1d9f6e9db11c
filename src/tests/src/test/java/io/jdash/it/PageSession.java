package io.jdash.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One browser session as a test sees it: a cookie jar, the app page loaded (which sets the owner cookie and
 * gives the CSRF token its POSTs carry) and the page's WebSocket, whose messages queue up for the test to take with a deadline.
 */
final class PageSession implements AutoCloseable {

    final HttpClient client;
    final URI app;
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CookieManager cookies = new CookieManager();
    private final String csrf;
    private WebSocket socket;

    PageSession(URL base, String slug) throws Exception {
        client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        app = URI.create(base.toString()).resolve("/apps/" + slug + "/");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(app).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("page answered " + page.statusCode());
        }
        csrf = CsrfMeta.of(page.body());
    }

    /** Opens the page's socket, carrying the owner cookie as a browser does. */
    PageSession connect() throws Exception {
        String cookie = cookies.getCookieStore().get(app).stream().map(Object::toString).collect(Collectors.joining("; "));
        URI ws = URI.create(app.toString().replaceFirst("^http", "ws") + "_jdash-push");
        socket = client.newWebSocketBuilder().header("Cookie", cookie)
                .buildAsync(ws, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        return this;
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(app.resolve(path)).header("Content-Type", "application/json")
                .header(CsrfMeta.HEADER, csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The next socket message, or an exception after {@code seconds}. */
    String next(int seconds) throws InterruptedException {
        String message = received.poll(seconds, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no socket message within " + seconds + " s");
        }
        return message;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
