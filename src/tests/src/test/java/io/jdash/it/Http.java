package io.jdash.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the protocol tests: requests, answers read as text or JSON. It keeps cookies as a
 * browser does; its POSTs carry the CSRF token of its owner cookie, which it gets by loading an app page
 * before its first POST (the hello app's unless told; any app page would do: the token is the owner's, not the app's).
 */
final class Http {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();
    private final URI base;
    private final String tokenPage;
    private String csrf;

    Http(URL base) {
        this(base, "/apps/hello/");
    }

    /** A client whose CSRF token comes from {@code tokenPage} (a path from the server's root). */
    Http(URL base, String tokenPage) {
        this.base = URI.create(base.toString());
        this.tokenPage = tokenPage;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header(CsrfMeta.HEADER, csrf());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/json", body);
    }

    /** This client's CSRF token, from its token page (loaded once). */
    String csrf() throws IOException, InterruptedException {
        if (csrf == null) {
            csrf = CsrfMeta.of(get(tokenPage).body());
        }
        return csrf;
    }

    /** This client's owner cookie value, or null before it loaded a page. */
    String owner() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("jdash-owner"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonStructure json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) json(response);
    }
}
