package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * One simulated browser session of one app: its own cookie jar (so its own owner cookie) and CSRF token, the
 * app's Dash endpoints, the jobs' polling endpoint, and WebSockets that carry its cookie.
 */
final class BgSession {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final URI base;
    private String csrf;
    final String slug;

    /** A session that has loaded the page, so it has its owner cookie and CSRF token. */
    static BgSession open(URL base, String slug) throws IOException, InterruptedException {
        var session = new BgSession(base, slug, true);
        HttpResponse<String> page = session.get("apps/" + slug + "/");
        assertEquals(200, page.statusCode(), page.body());
        session.csrf = CsrfMeta.of(page.body());
        return session;
    }

    /** A client that never loaded a page and keeps no cookie. */
    static BgSession withoutCookies(URL base, String slug) {
        return new BgSession(base, slug, false);
    }

    private BgSession(URL base, String slug, boolean keepCookies) {
        this.base = URI.create(base.toString());
        this.slug = slug;
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (keepCookies) {
            builder.cookieHandler(cookies);
        }
        this.client = builder.build();
    }

    /** The Cookie header this session's browser would send to the app. */
    String cookieHeader() {
        return cookies.getCookieStore().get(base.resolve("apps/" + slug + "/")).stream()
                .map(HttpCookie::toString).collect(Collectors.joining("; "));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a request, with the page's CSRF token when this session loaded a page (as the runtime does). */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (csrf != null) {
            request.header(CsrfMeta.HEADER, csrf);
        }
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a callback request: {@code inputs} and {@code state} as id, property, value triples. */
    HttpResponse<String> update(String output, Object[][] inputs, Object[][] state)
            throws IOException, InterruptedException {
        var body = Json.createObjectBuilder()
                .add("output", output)
                .add("inputs", props(inputs))
                .add("state", props(state))
                .add("changedPropIds", Json.createArrayBuilder().add(inputs[0][0] + "." + inputs[0][1]))
                .build();
        return postJson("apps/" + slug + "/_dash-update-component", body.toString());
    }

    /** Submits a background callback; asserts the 202 and returns the job id. */
    String submit(String output, Object[][] inputs, Object[][] state) throws IOException, InterruptedException {
        HttpResponse<String> answer = update(output, inputs, state);
        assertEquals(202, answer.statusCode(), answer.body());
        return object(answer).getString("job");
    }

    /** A "work" job: tag, millis to sleep, mode ("ok", "fail" or "hold"). */
    String work(String tag, long sleepMillis, String mode) throws IOException, InterruptedException {
        return submit("work-out.children", new Object[][] {{"work", "value", tag}},
                new Object[][] {{"work-sleep", "value", sleepMillis}, {"work-mode", "value", mode}});
    }

    /** A "stream" job sending {@code n} events. */
    String stream(int n) throws IOException, InterruptedException {
        return submit("stream-out.children", new Object[][] {{"stream", "value", n}}, new Object[0][]);
    }

    /** The ledger's runs whose tag starts with {@code prefix}, in the order they started. */
    JsonArray ledger(String prefix) throws IOException, InterruptedException {
        HttpResponse<String> answer = update("ledger-out.children", new Object[][] {{"ledger", "value", prefix}},
                new Object[0][]);
        assertEquals(200, answer.statusCode(), answer.body());
        return object(answer).getJsonObject("response").getJsonObject("ledger-out").getJsonArray("children");
    }

    /** Lets the "hold" job of this tag end. */
    void release(String tag) throws IOException, InterruptedException {
        HttpResponse<String> answer = update("release-out.children", new Object[][] {{"release", "value", tag}},
                new Object[0][]);
        assertEquals(200, answer.statusCode(), answer.body());
    }

    HttpResponse<String> pollJob(String job, long after) throws IOException, InterruptedException {
        return get("apps/" + slug + "/_jdash-jobs/" + job + "?after=" + after);
    }

    HttpResponse<String> deleteJob(String job) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("apps/" + slug + "/_jdash-jobs/" + job)).DELETE());
    }

    /** Opens the app's push socket with this session's cookie. */
    BgSocket socket() throws Exception {
        return BgSocket.connect(base.resolve("apps/" + slug + "/_jdash-push"), cookieHeader());
    }

    static JsonObject object(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static JsonArrayBuilder props(Object[][] triples) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Object[] triple : triples) {
            array.add(Json.createObjectBuilder().add("id", (String) triple[0]).add("property", (String) triple[1])
                    .add("value", value(triple[2])));
        }
        return array;
    }

    private static JsonValue value(Object value) {
        if (value instanceof String text) {
            return Json.createValue(text);
        }
        if (value instanceof Integer number) {
            return Json.createValue(number);
        }
        if (value instanceof Long number) {
            return Json.createValue(number);
        }
        throw new IllegalArgumentException("no JSON for " + value);
    }
}
