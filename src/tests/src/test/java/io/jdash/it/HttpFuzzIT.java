package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7's whole-request fuzzer: {@code jdash.fuzz.inputs} (default 10,000) generated HTTP requests
 * ({@link FuzzRequests}) and socket inputs ({@link FuzzSocket}) against the deployed WAR, with a real
 * background job (production and local manager in turn) submitted every {@value #JOB_EVERY} inputs.
 * <p>
 * Checks: no answer {@code >= 500}; no {@code Server} or {@code X-Powered-By} header; no error answer with a
 * stack trace, an exception name, "WildFly"/"Undertow" or a version string. Who answered decides the rest:
 * a request whose path, as the container normalises it, is {@code /} or under {@code /apps} and that reached
 * the deployment (its answer carries {@link io.jdash.web.SecurityHeadersFilter}'s Content-Security-Policy)
 * must, when refused, answer JSON {@code {"error": "..."}}. The container answers some requests itself before
 * any filter runs: Undertow's HTTP parser refuses bad percent escapes, backslashes, raw control bytes and
 * overlong request lines with {@code 400} and an empty body, and its listener refuses {@code TRACE} with
 * {@code 405} and an empty body; those must look exactly like that. Every socket closes with a 1xxx code or
 * ignores the message and answers pings, acknowledges each heartbeat and answers each callback request. Afterwards
 * every job reached "done", the page load whose renderer id the fuzz claimed heard nothing of it, and the gallery,
 * an app page, that page load and a fresh one (a job each over Dash's socket) still work.
 * <p>
 * The seed is printed; {@code -Djdash.fuzz.seed=<seed>} repeats a run, {@code -Djdash.fuzz.inputs=100000}
 * makes a long one. The generator reads each page's {@code <meta name="jdash-csrf">} (when it has one) and
 * sends it as {@code X-JDash-CSRF} on most writes, none or a wrong one on the others; cookies live in a cookie
 * store whatever their names.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpFuzzIT {

    private static final int INPUTS = Integer.getInteger("jdash.fuzz.inputs", 10_000);
    private static final long SEED = Long.getLong("jdash.fuzz.seed", System.nanoTime());
    private static final int THREADS = 6;
    static final int JOB_EVERY = 250;
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\tat |at io\\.|at java\\.|WildFly|Undertow|\\d+\\.\\d+\\.\\d+\\.(Final|Beta|CR)", Pattern.CASE_INSENSITIVE);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps();
    }

    @ArquillianResource
    URL base;

    private URI root;
    private HttpClient client;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Map<String, String> csrfTokens = new ConcurrentHashMap<>();
    /**
     * The jobs' own client, a browser of its own: the socket fuzz's page loads (the fuzz's owner) take up their owner's
     * unfinished jobs when they say hello, and then a fuzzed cancel input cancels them, as a page's cancel button does.
     */
    private HttpClient jobClient;
    private final Map<String, String> jobTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> histogram = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String[]> jobs = Collections.synchronizedList(new ArrayList<>());

    @Test
    void generatedRequestsAreRefusedCleanlyAndNoJobIsLost() throws Exception {
        System.out.println("HttpFuzzIT: seed " + SEED + " (-Djdash.fuzz.seed=" + SEED + "), " + INPUTS + " inputs");
        long start = System.nanoTime();
        root = URI.create(base.toString());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        for (String app : concat(FuzzRequests.APPS, List.of("bg-jms", "bg-local"))) {
            loadPage(app);
        }
        jobClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (String app : List.of("bg-jms", "bg-local")) {
            HttpResponse<String> page = jobClient.send(HttpRequest.newBuilder(root.resolve("/apps/" + app + "/")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), app + ": " + page.body());
            jobTokens.put(app, CsrfMeta.of(page));
        }

        // another owner's page load, whose renderer id the socket fuzz claims now and then
        RendererSocket neighbour = RendererSocket.open(TestClient.open(base, "bg-local"));
        var generator = new FuzzRequests(SEED);
        var socketGenerator = new FuzzSocket(generator.random(), neighbour.rendererId());
        var requests = new ArrayList<FuzzRequests.Request>();
        var socketInputs = new ArrayList<FuzzSocket.Message>();
        for (int i = 0; i < INPUTS; i++) {
            if (generator.random().nextInt(100) < 12) {
                socketInputs.add(socketGenerator.next());
            } else {
                requests.add(generator.next(i));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // the sockets first, so they run beside the HTTP requests rather than after them
            Future<?> sockets = pool.submit(() -> {
                long socketStart = System.nanoTime();
                socketFuzz(socketInputs);
                System.out.println("HttpFuzzIT: socket inputs took " + (System.nanoTime() - socketStart) / 1_000_000 + " ms");
            });
            var pending = new ArrayList<Future<?>>();
            for (int i = 0; i < requests.size(); i++) {
                FuzzRequests.Request request = requests.get(i);
                pending.add(pool.submit(() -> send(request)));
                if (i % JOB_EVERY == 0) {
                    String app = (i / JOB_EVERY) % 2 == 0 ? "bg-jms" : "bg-local";
                    int n = i;
                    pending.add(pool.submit(() -> submitJob(app, "fuzz-" + SEED + "-" + n)));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("jdash.fuzz.timeout", 600));
            for (Future<?> task : pending) {
                task.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            System.out.println("HttpFuzzIT: HTTP requests took " + (System.nanoTime() - start) / 1_000_000 + " ms");
            sockets.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } finally {
            pool.shutdownNow();
        }
        long fuzzMillis = (System.nanoTime() - start) / 1_000_000;

        int done = awaitJobsDone();
        report(requests.size(), socketInputs.size(), fuzzMillis, done);
        synchronized (failures) {
            String byKind = failures.stream().map(f -> f.split(" ", 3)[1])
                    .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting())).toString();
            assertTrue(failures.isEmpty(), failures.size() + " failures with seed " + SEED + " " + byKind
                    + ", the first ones:\n" + failures.stream().limit(25).collect(Collectors.joining("\n")));
        }
        assertTrue(requests.size() + socketInputs.size() >= INPUTS);
        assertEquals(jobs.size(), done, "every job submitted during the fuzz reached done");
        assertTrue(jobs.size() >= INPUTS / JOB_EVERY / 2, "jobs were submitted: " + jobs.size());
        stillServing(neighbour);
    }

    // ---- pages, tokens, jobs

    private void loadPage(String app) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(root.resolve("/apps/" + app + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), app + ": " + page.body());
        csrfTokens.put(app, CsrfMeta.of(page));
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request, String app) {
        String token = csrfTokens.get(app);
        return token == null ? request : request.header(CsrfMeta.HEADER, token);
    }

    /** A "work" job of the background test app, submitted as a page does; remembered to be checked at the end. */
    private void submitJob(String app, String tag) {
        String body = "{\"output\":\"work-out.children\",\"inputs\":[" + FuzzRequests.propValue("work", "value", FuzzRequests.quote(tag))
                + "],\"state\":[" + FuzzRequests.propValue("work-sleep", "value", "0") + ","
                + FuzzRequests.propValue("work-mode", "value", "\"ok\"") + "],\"changedPropIds\":[\"work.value\"]}";
        try {
            var request = HttpRequest.newBuilder(root.resolve("/apps/" + app + "/_dash-update-component"))
                    .header("Content-Type", "application/json").header(CsrfMeta.HEADER, jobTokens.get(app))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> answer = jobClient.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject accepted = answer.statusCode() == 200 ? json(answer.body()) : null;
            if (accepted != null && accepted.containsKey("job")) { // Dash's HTTP background answer: {cacheKey, job}
                jobs.add(new String[]{app, accepted.getString("job"), tag});
            } else if (accepted != null && accepted.containsKey("response") && ("done " + tag).equals(accepted
                    .getJsonObject("response").getJsonObject("work-out").getString("children", null))) {
                jobs.add(new String[]{app, null, tag}); // it ended before its first answer, which carries its result
            } else {
                failures.add("#job job " + app + " " + tag + " -> " + answer.statusCode() + " " + answer.body());
            }
        } catch (Exception e) {
            failures.add("#job job " + app + " " + tag + " -> " + e);
        }
    }

    /** Polls each job until it is DONE (60 s for all); returns how many are (a job answered with its result is). */
    private int awaitJobsDone() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int done = 0;
        for (String[] job : List.copyOf(jobs)) {
            if (job[1] == null) { // answered with its result
                done++;
                continue;
            }
            String state = "";
            while (System.nanoTime() < deadline) {
                HttpResponse<String> polled = jobClient.send(HttpRequest.newBuilder(
                        root.resolve("/apps/" + job[0] + "/_jdash-jobs/" + job[1] + "?after=-1")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                state = polled.statusCode() == 200 ? json(polled.body()).getString("state") : "HTTP " + polled.statusCode();
                if (!state.equals("QUEUED") && !state.equals("RUNNING") && !state.equals("ACCEPTED")) {
                    break;
                }
                Thread.sleep(50);
            }
            if (state.equals("DONE")) {
                done++;
            } else {
                failures.add("#job job " + job[0] + " " + job[2] + " ended " + state);
            }
        }
        return done;
    }

    /**
     * The gallery and app pages still serve; the page load whose renderer id the fuzz claimed was sent nothing, and it
     * and a fresh page load each run a job over Dash's socket and hear its answer.
     */
    private void stillServing(RendererSocket neighbour) throws Exception {
        for (String path : List.of("/", "/apps/hello/", "/apps/progress-bar/")) {
            assertEquals(200, client.send(HttpRequest.newBuilder(root.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), path);
        }
        try (neighbour; RendererSocket fresh = RendererSocket.open(TestClient.open(base, "bg-local"))) {
            assertEquals(List.of(), neighbour.socket().all(), "a claim of another owner's renderer id reaches nothing");
            for (RendererSocket page : List.of(neighbour, fresh)) {
                String tag = "after-the-fuzz-" + SEED + "-" + page.rendererId();
                TestSocket.Received answer = page.answer(page.request("work-out.children",
                        new Object[][] {{"work", "value", tag}},
                        new Object[][] {{"work-sleep", "value", 0}, {"work-mode", "value", "ok"}}), Duration.ofSeconds(30));
                assertEquals("done " + tag, RendererSocket.response(answer).getJsonObject("work-out").getString("children"),
                        answer.json().toString());
            }
        }
    }

    // ---- HTTP

    private void send(FuzzRequests.Request request) {
        try {
            if (request.raw()) {
                sendRaw(request);
                return;
            }
            URI uri;
            try {
                uri = URI.create(root.toString().replaceAll("/$", "") + request.path());
            } catch (IllegalArgumentException generatorBug) {
                failures.add(request.describe() + "\n    -> the generator made an invalid URI: " + generatorBug);
                return;
            }
            var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
            String token = csrfFor(request);
            if (token != null) {
                builder.header(CsrfMeta.HEADER, token);
            }
            HttpResponse<String> answer = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            check(request, answer.statusCode(), answer.headers().map(), answer.body());
        } catch (Exception e) {
            failures.add(request.describe() + "\n    -> no answer: " + e);
        }
    }

    private String csrfFor(FuzzRequests.Request request) {
        if (request.method().equals("GET") || request.method().equals("HEAD")) {
            return null;
        }
        return switch (request.csrf()) {
            case PAGE -> csrfTokens.get(appOf(request.path()));
            case NONE -> null;
            case WRONG -> "wrong-" + request.index();
        };
    }

    private static String appOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 && parts[1].equals("apps") ? parts[2] : "";
    }

    private void sendRaw(FuzzRequests.Request request) {
        var head = new StringBuilder(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(root.getHost()).append(':').append(root.getPort()).append("\r\n");
        head.append("Connection: close\r\n");
        String cookie = cookies.getCookieStore().get(root.resolve("/apps/")).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
        if (!cookie.isEmpty() && !request.headers().containsKey("Cookie")) {
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        String token = csrfFor(request);
        if (token != null) {
            head.append(CsrfMeta.HEADER).append(": ").append(token).append("\r\n");
        }
        if (request.body() != null) {
            int length = request.declaredLength() >= 0 ? request.declaredLength() : request.body().length;
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        head.append("\r\n");
        try {
            RawHttp.Answer answer = RawHttp.send(root.getHost(), root.getPort(),
                    head.toString().getBytes(StandardCharsets.ISO_8859_1), request.body());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            check(request, answer.status(), headers, answer.body());
        } catch (java.io.IOException closed) {
            // the connection ended without an answer: allowed for a body shorter than its Content-Length
            // (the server waits for the rest, then sees the client close) and for a request line past the
            // listener's size limit, which Undertow drops
            if (request.kind().equals("raw/length-mismatch") || request.kind().equals("raw/overlong")) {
                count("http no-answer " + request.kind());
            } else {
                failures.add(request.describe() + "\n    -> no answer: " + closed);
            }
        }
    }

    // ---- the checks

    private void check(FuzzRequests.Request request, int status, Map<String, List<String>> headers, String body) {
        boolean reachedDeployment = header(headers, "Content-Security-Policy") != null;
        boolean jdashPath = servedByJDash(request.path());
        String who = !reachedDeployment ? "container" : jdashPath ? "jdash" : "static";
        count("http " + status + " " + who);
        String problem = null;
        if (status >= 500) {
            problem = "a server error";
        } else if (header(headers, "Server") != null || header(headers, "X-Powered-By") != null) {
            problem = "a Server or X-Powered-By header";
        } else if (status >= 300 && LEAK.matcher(body).find()) {
            problem = "a stack trace, exception or server version in the body";
        } else if (jdashPath && reachedDeployment && status >= 400 && !request.method().equals("HEAD") && !jsonError(headers, body)) {
            problem = "a refusal by JDash without a JSON {\"error\"}";
        } else if (jdashPath && !reachedDeployment && !containerRefusal(request, status, body)) {
            problem = "an answer for a JDash path that did not come through JDash's filter";
        }
        if (problem != null) {
            failures.add(request.describe() + "\n    -> " + problem + ": " + status + " " + headers + " "
                    + (body.length() > 400 ? body.substring(0, 400) + "…" : body));
        }
    }

    /**
     * What Undertow answers before the deployment sees a request: its HTTP parser refuses a request line it
     * cannot decode with 400, and its listener refuses TRACE with 405 (disallowed-methods); both without a body.
     */
    private static boolean containerRefusal(FuzzRequests.Request request, int status, String body) {
        return body.isEmpty() && (status == 400 || (status == 405 && request.method().equals("TRACE")));
    }

    /**
     * Whether the container hands this path to JDash's servlets: {@code /} (the gallery) or {@code /apps} and below,
     * after the normalisation Undertow applies (percent-decoding except {@code %2F}, then dot segments removed).
     */
    static boolean servedByJDash(String rawPath) {
        String path = rawPath;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B").replaceAll("(?i)%2f", "%252F"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return true; // refused by the parser (checked as a container refusal) or handed on undecoded
        }
        var segments = new ArrayList<String>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments.isEmpty() || segments.get(0).equals("apps");
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static boolean jsonError(Map<String, List<String>> headers, String body) {
        String type = header(headers, "Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return false;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                return false;
            }
            JsonValue message = object.containsKey("error") ? object.get("error") : object.get("message");
            return message instanceof JsonString text && !text.getString().isBlank();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    // ---- WebSocket

    /**
     * Sends the socket inputs one after another on a page's socket of the background test app, reopening it when
     * the server closes it; handshake inputs open a socket of their own with a mutated cookie, origin or path.
     */
    private void socketFuzz(List<FuzzSocket.Message> inputs) {
        URI ws = URI.create(root.resolve("/apps/bg-local/_dash-ws").toString().replaceFirst("^http", "ws"));
        Map<String, String> session = Map.of("Cookie", pageCookie());
        FuzzSocket.Open socket = null;
        int sent = 0;
        try {
            for (FuzzSocket.Message message : inputs) {
                if (message.kind().equals("handshake")) {
                    handshake(ws, message.text());
                    continue;
                }
                if (socket == null || socket.closed.isDone()) {
                    socket = FuzzSocket.Open.connect(client, ws, session);
                }
                String outcome = deliver(socket, message);
                count("socket " + message.kind() + " " + outcome);
                if (outcome.startsWith("FAIL")) {
                    failures.add("#socket socket " + message.kind() + " " + abbreviate(message.text()) + "\n    -> " + outcome);
                }
                if (++sent % 100 == 0 && !socket.closed.isDone() && !socket.answersPing()) {
                    failures.add("#socket socket no pong after " + sent + " messages, the last " + message.kind());
                }
            }
        } catch (Exception e) {
            failures.add("#socket socket " + e);
        } finally {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    /**
     * Sends one message; says what became of the socket ("ignored", "acked", "answered error", "closed 1009", …,
     * or "FAIL …").
     */
    private static String deliver(FuzzSocket.Open socket, FuzzSocket.Message message) throws InterruptedException {
        try {
            if (message.kind().equals("ping")) {
                return socket.answersPing() ? "pong" : "FAIL no pong";
            } else if (message.binary()) {
                socket.ws.sendBinary(java.nio.ByteBuffer.wrap(message.text().getBytes(StandardCharsets.UTF_8)), true)
                        .get(5, TimeUnit.SECONDS);
            } else {
                socket.ws.sendText(message.text(), true).get(5, TimeUnit.SECONDS);
            }
        } catch (Exception sendFailed) {
            int code = socket.closeCode(5);
            if (code == -2 && message.bytes() > FuzzSocket.MAX_MESSAGE_BYTES) {
                // the server closed (1009) while the client was still writing: the reset can beat the close frame
                return "closed-while-sending";
            }
            return code >= 1000 && code < 2000 ? "closed " + code : "FAIL send failed without a close frame: " + sendFailed;
        }
        if (message.bytes() > FuzzSocket.MAX_MESSAGE_BYTES && !message.binary()) {
            // the server handles a socket's messages in order: when a request after it is answered, the oversized
            // request would have been answered, had it been served
            String probe = "after-" + message.requestId();
            boolean probed = sendProbe(socket, probe) && socket.answer(probe, 5) != null;
            int code = socket.closeCode(probed ? 0 : 5);
            if (code == 1009) { // by the container's limit, or by DashSocket's check of each message it is given
                return "closed 1009" + (String.valueOf(socket.closeReason()).startsWith("a message over") ? " by JDash" : "");
            }
            if (socket.answered(message.requestId())) {
                return "FAIL a message over the limit was served";
            }
            // Undertow's quirk (see FuzzSocket): the oversized message vanished; the socket must still work
            return code == -1 && probed ? "oversized-dropped" : "FAIL oversized message ended the socket with " + code;
        }
        String heard = switch (message.expect()) {
            case ACK -> socket.acked(5) ? "acked" : null; // (a duplicate-keys heartbeat may have left an ack)
            case ANSWER -> {
                JsonObject answer = socket.answer(message.requestId(), 30);
                yield answer == null ? null : "answered " + answer.getJsonObject("payload").getString("status", "?");
            }
            case NOTHING -> "ignored";
        };
        int code = socket.closeCode(0);
        if (code == -1) {
            return heard != null ? heard : "FAIL no " + (message.expect() == FuzzSocket.Expect.ACK ? "heartbeat_ack"
                    : "answer to " + message.requestId());
        }
        if (!message.binary()) { // a text message within the limit never costs the page its socket
            return "FAIL the socket closed (" + code + ") after it";
        }
        return code >= 1000 && code < 2000 ? "closed " + code : "FAIL the socket failed without a close frame";
    }

    /** Sends a request of an ordinary callback; false if the socket would not take it. */
    private static boolean sendProbe(FuzzSocket.Open socket, String requestId) {
        try {
            socket.ws.sendText(RendererSocket.requestText(FuzzSocket.OWN_RENDERER, requestId, "ledger-out.children",
                    new Object[][] {{"ledger", "value", "probe"}}, new Object[0][]), true).get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception closed) {
            return false;
        }
    }

    /** The Cookie header of the fuzzing browser's pages. */
    private String pageCookie() {
        return cookies.getCookieStore().get(root.resolve("/apps/bg-local/")).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    /** A handshake with a mutated cookie, origin or path: refused (below 500) or closed with a 1xxx code. */
    private void handshake(URI ws, String how) {
        Map<String, String> headers = new LinkedHashMap<>();
        URI target = ws;
        String cookie = pageCookie();
        switch (how) {
            case "wrong-cookie" -> headers.put("Cookie", cookie.replaceAll("=([^;]{4})", "=XXXX"));
            case "foreign-origin" -> {
                headers.put("Cookie", cookie);
                headers.put("Origin", "http://evil.example");
            }
            case "unknown-app" -> {
                headers.put("Cookie", cookie);
                target = URI.create(ws.toString().replace("/bg-local/", "/no-such-app/"));
            }
            default -> { }
        }
        try {
            // a client without the cookie store, so only the Cookie header given here travels
            FuzzSocket.Open socket = FuzzSocket.Open.connect(HttpClient.newHttpClient(), target, headers);
            // a refused handshake (no owner, another site, no such app) closes at once
            int code = socket.closeCode(5);
            socket.abort();
            boolean ok = code == 1008;
            count("socket handshake-" + how + " " + (code == -1 ? "open" : "closed " + code));
            if (!ok) {
                failures.add("#socket socket handshake " + how + "\n    -> expected a 1008 close, got " + code);
            }
        } catch (Exception refused) {
            Throwable cause = refused.getCause();
            if (cause instanceof java.net.http.WebSocketHandshakeException handshake
                    && handshake.getResponse().statusCode() < 500) {
                count("socket handshake-" + how + " refused " + handshake.getResponse().statusCode());
            } else {
                failures.add("#socket socket handshake " + how + "\n    -> " + refused);
            }
        }
    }

    // ---- bookkeeping

    private void count(String key) {
        histogram.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private void report(int requests, int socketInputs, long millis, int done) {
        var byStatus = new TreeMap<String, Integer>();
        histogram.forEach((key, n) -> {
            if (key.startsWith("http ")) {
                byStatus.merge(key.split(" ")[1], n.get(), Integer::sum);
            }
        });
        System.out.println("HttpFuzzIT: seed " + SEED + ": " + requests + " HTTP requests + " + socketInputs
                + " socket inputs in " + millis + " ms; " + jobs.size() + " jobs submitted, " + done + " done; "
                + failures.size() + " failures");
        System.out.println("HttpFuzzIT: statuses " + byStatus);
        new TreeMap<>(histogram).forEach((key, n) -> System.out.println("HttpFuzzIT:   " + key + " = " + n));
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + " chars)" : text;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
