package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
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
 * One browser session as a test drives it: its own cookie jar (so its own owner cookie), the CSRF token of its page,
 * the app's Dash endpoints (a background callback over Dash's HTTP protocol: its first answer names the job) and the
 * session's job API ({@code _jdash-jobs/}, read by a {@link JobFeed}). Its app's socket is a {@link RendererSocket}.
 * Paths resolve against the deployment's URL ({@code "apps/hello/"}) or the server's root ({@code "/mine/…"}).
 */
final class TestClient {

    private final CookieManager cookies;
    private final HttpClient client;
    private final URI base;
    /** The app this session's page belongs to (null for a client of no one app). */
    final String slug;
    /** Where the CSRF token comes from, loaded before the first POST; null: the client sends none. */
    private final String tokenPage;
    private String csrf;
    /** The Authorization header every request carries (a user logged in with HTTP Basic), or null. */
    private String authorization;

    /** A session that has loaded the app's page, so it has its owner cookie and CSRF token. */
    static TestClient open(URL base, String slug) throws IOException, InterruptedException {
        var session = new TestClient(base, slug, "apps/" + slug + "/", true);
        HttpResponse<String> page = session.get(session.tokenPage);
        assertEquals(200, page.statusCode(), page.body());
        session.csrf = CsrfMeta.of(page);
        return session;
    }

    /** As {@link #open}, logged in as {@code user} with HTTP Basic on every request. */
    static TestClient openAs(URL base, String slug, String user, String password) throws IOException, InterruptedException {
        var session = new TestClient(base, slug, "apps/" + slug + "/", true);
        session.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> page = session.get(session.tokenPage);
        assertEquals(200, page.statusCode(), page.body());
        session.csrf = CsrfMeta.of(page);
        return session;
    }

    /** A client of no one app; it loads the hello app's page for its token before its first POST. */
    static TestClient of(URL base) {
        return of(base, "/apps/hello/");
    }

    /** A client whose CSRF token comes from {@code tokenPage} (a path from the server's root), loaded when needed. */
    static TestClient of(URL base, String tokenPage) {
        return new TestClient(base, null, tokenPage, true);
    }

    /** A client that never loads a page and keeps no cookie: no owner, no CSRF token. */
    static TestClient withoutCookies(URL base, String slug) {
        return new TestClient(base, slug, null, false);
    }

    /**
     * The same browser session talking to another server of the same app (another web node behind a load balancer):
     * the same cookies (owner, CSRF) and token, requests to {@code otherBase}. Cookies ignore the port, so both servers
     * on this host get them.
     */
    TestClient at(URL otherBase) {
        var moved = new TestClient(otherBase, slug, tokenPage, true, cookies);
        moved.csrf = csrf;
        moved.authorization = authorization;
        return moved;
    }

    private TestClient(URL base, String slug, String tokenPage, boolean keepCookies) {
        this(base, slug, tokenPage, keepCookies, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private TestClient(URL base, String slug, String tokenPage, boolean keepCookies, CookieManager cookies) {
        this.cookies = cookies;
        this.base = URI.create(base.toString());
        this.slug = slug;
        this.tokenPage = tokenPage;
        // HTTP/1.1, as a browser speaks to a server without TLS (no h2c upgrade on the first request)
        var builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (keepCookies) {
            builder.cookieHandler(cookies);
        }
        this.client = builder.build();
    }

    /** {@code path} resolved as this session's requests resolve it. */
    URI uri(String path) {
        return base.resolve(path);
    }

    /** The HTTP client of this session (its connections, its cookie jar), for a socket of the test's own. */
    HttpClient http() {
        return client;
    }

    /** The Cookie header this session's browser would send to its app. */
    String cookieHeader() {
        return cookies.getCookieStore().get(base.resolve(tokenPage == null ? "/" : tokenPage)).stream()
                .map(HttpCookie::toString).collect(Collectors.joining("; "));
    }

    /** This client's owner cookie value, or null before it loaded a page. */
    String owner() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("jdash-owner"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** This client's CSRF token, from its token page (loaded once). */
    String csrf() throws IOException, InterruptedException {
        if (csrf == null && tokenPage != null) {
            csrf = CsrfMeta.of(get(tokenPage));
        }
        return csrf;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** GETs {@code path} as bytes, with the given header name/value pairs. */
    HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs {@code body} with this session's CSRF token (as the runtime does), once it has one. */
    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        var request = withToken(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/json", body);
    }

    /** Sends the request as it is: with this session's cookies, and only the headers the test gave it. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) throws IOException, InterruptedException {
        String token = csrf();
        return token == null ? request : request.header(CsrfMeta.HEADER, token);
    }

    /** POSTs a callback request: {@code inputs} and {@code state} as id, property, value triples. */
    HttpResponse<String> update(String output, Object[][] inputs, Object[][] state)
            throws IOException, InterruptedException {
        return postJson("apps/" + slug + "/_dash-update-component", updateBody(output, inputs, state));
    }

    /** The body of a callback request: {@code inputs} and {@code state} as id, property, value triples. */
    static String updateBody(String output, Object[][] inputs, Object[][] state) {
        return Json.createObjectBuilder()
                .add("output", output)
                .add("inputs", props(inputs))
                .add("state", props(state))
                .add("changedPropIds", Json.createArrayBuilder().add(inputs[0][0] + "." + inputs[0][1]))
                .build().toString();
    }

    /**
     * Submits a background callback as Dash's renderer does without a socket; asserts that the first answer names the
     * job ({@code {cacheKey, job}}, Dash's HTTP background protocol) and returns the job's id.
     */
    String submit(String output, Object[][] inputs, Object[][] state) throws IOException, InterruptedException {
        HttpResponse<String> answer = update(output, inputs, state);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject accepted = object(answer);
        assertTrue(accepted.containsKey("job") && accepted.get("job").equals(accepted.get("cacheKey")),
                "not a queued job's first answer: " + answer.body());
        return accepted.getString("job");
    }

    /**
     * What the renderer sends when a cancel input of a running job changes without a socket: the cancel callback JDash
     * declares for {@code cancelInput}, with {@code ?cancelJob=<job>}. Returns the nanoTime just before it went out.
     */
    long cancelJob(io.jdash.callback.Input cancelInput, String job) throws IOException, InterruptedException {
        var body = Json.createObjectBuilder()
                .add("output", io.jdash.callback.SocketCallbacks.cancelIdOf(cancelInput))
                .add("inputs", props(new Object[][] {{cancelInput.id(), cancelInput.property(), 1}}))
                .add("changedPropIds", Json.createArrayBuilder().add(cancelInput.propId()))
                .build();
        long sent = System.nanoTime();
        HttpResponse<String> answer = postJson("apps/" + slug + "/_dash-update-component?cancelJob="
                + java.net.URLEncoder.encode(job, java.nio.charset.StandardCharsets.UTF_8), body.toString());
        assertEquals(204, answer.statusCode(), answer.body());
        return sent;
    }

    /** A "work" job: tag, millis to sleep, mode ("ok", "fail" or "hold"). */
    String work(String tag, long sleepMillis, String mode) throws IOException, InterruptedException {
        return submit("work-out.children", new Object[][] {{"work", "value", tag}},
                new Object[][] {{"work-sleep", "value", sleepMillis}, {"work-mode", "value", mode}});
    }

    /** One poll of a background job as Dash's renderer polls without a socket: the same request with {@code ?job=}. */
    HttpResponse<String> dashPoll(String output, Object[][] inputs, Object[][] state, String job)
            throws IOException, InterruptedException {
        String query = "?cacheKey=" + job + "&job=" + job;
        return postJson("apps/" + slug + "/_dash-update-component" + query, updateBody(output, inputs, state));
    }

    /** A job of the "limited" callback (its time limit and expiry are BgTestApp's): mode "quick", "hold" or "ignore". */
    String limited(String tag, String mode) throws IOException, InterruptedException {
        return submit("limited-out.children", new Object[][] {{"limited", "value", tag}},
                new Object[][] {{"limited-mode", "value", mode}});
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
        return send(withToken(HttpRequest.newBuilder(base.resolve("apps/" + slug + "/_jdash-jobs/" + job)).DELETE()));
    }

    /** The session's jobs as the job API tells them, event by event. */
    JobFeed feed() {
        return new JobFeed(this);
    }

    static JsonStructure json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonStructure json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) json(response);
    }

    /** Dash's {@code [{id, property, value}]} of id, property, value triples (an id is a String or a JsonObject). */
    static JsonArrayBuilder props(Object[][] triples) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Object[] triple : triples) {
            array.add(Json.createObjectBuilder().add("id", value(triple[0])).add("property", (String) triple[1])
                    .add("value", value(triple[2])));
        }
        return array;
    }

    /** A component id as Dash writes it in a prop id: a string as it is, a pattern-matching id as its JSON text. */
    static String idText(JsonValue id) {
        return id instanceof jakarta.json.JsonString text ? text.getString() : id.toString();
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
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
