package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Progress and set_props over the page's WebSocket, as a client speaking the protocol: a job that makes
 * {@value ProgressFloodApp#FLOOD} progress updates interleaved with as many set_props reaches the client with
 * every one of them, in order, none dropped or merged, through either manager. And an ordinary callback's
 * setProps travels in its 200 answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgressPushIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int LATE_SOCKETS = Integer.getInteger("p5.lateSockets", 30);
    private static final long LATE_SPACING_MILLIS = Long.getLong("p5.lateSpacing", 50);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ProgressDeployments.withFloodApp();
    }

    @ArquillianResource
    URL base;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private WebSocket socket;

    @AfterEach
    void closeSocket() {
        if (socket != null) {
            socket.abort();
        }
    }

    @Test
    void everyProgressAndSetPropsOfAJobOnTheProductionManagerArrivesInOrder() throws Exception {
        assertFloodArrivesWhole("flood-jms");
    }

    @Test
    void everyProgressAndSetPropsOfAJobOnTheLocalManagerArrivesInOrder() throws Exception {
        assertFloodArrivesWhole("flood-local");
    }

    @Test
    void pacedProgressReachesTheClientSoonAfterItIsMadeOnBothManagers() throws Exception {
        for (String button : List.of("paced-jms", "paced-local")) {
            Session session = openSession();
            List<Heard> events = session.runJob(button);
            assertOrderedAndWhole(events, ProgressFloodApp.PACED, button);
            report(button + " (one update every " + ProgressFloodApp.PACE_MILLIS + " ms)", events);
            socket.abort();
        }
    }

    @Test
    void anOrdinaryCallbacksSetPropsTravelsInItsAnswer() throws Exception {
        loadPage();
        HttpResponse<String> answer = post(update("ordinary-out.children", "ordinary", 1));

        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject response = parse(answer.body()).getJsonObject("response");
        assertEquals("side 1", response.getJsonObject("side").getString("children"), answer.body());
        JsonObject out = response.getJsonObject("ordinary-out");
        assertEquals("ordinary 1", out.getString("children"), "the output wins over a setProps of the same prop");
        assertEquals("from setProps", out.getString("title"), "a setProps of another prop of an output is kept");
    }

    @Test
    void aSocketThatOpensMidJobHearsTheWholeHistoryFirstThenEveryLiveEventInOrder() throws Exception {
        Session first = openSession();
        HttpResponse<String> accepted = post(update("out-stream-local.children", "stream-local", 1));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String job = parse(accepted.body()).getString("job");
        // more sockets of the same session open while the job streams its updates (as a page reloaded mid-job)
        List<Listener> late = new ArrayList<>();
        List<WebSocket> lateSockets = new ArrayList<>();
        for (int k = 0; k < LATE_SOCKETS; k++) {
            var listener = new Listener();
            lateSockets.add(openSocket(cookie, listener));
            late.add(listener);
            Thread.sleep(LATE_SPACING_MILLIS); // spreads the openings over the job; nothing is asserted on this pause
        }
        List<Heard> events = first.collect(job);
        assertEquals(2 + 2 * ProgressFloodApp.FLOOD + 1, events.size());
        int midJob = 0;
        List<String> problems = new ArrayList<>();
        for (Listener listener : late) {
            String problem = checkLateSocket(job, listener);
            if (problem == null) {
                midJob++;
            } else if (!problem.isEmpty()) {
                problems.add(problem);
            }
        }
        lateSockets.forEach(WebSocket::abort);
        System.out.printf("[p5 late sockets] %d of %d opened mid-job and heard the whole job in order%n", midJob,
                late.size());
        assertEquals(List.of(), problems, "each socket opened mid-job hears attach, then seq 0, 1, 2, ... to done");
        assertTrue(midJob >= 3, "sockets that opened while the job ran: " + midJob);
    }

    /**
     * Reads a socket that opened mid-job to the job's end: it must hear an attach first, then every event from
     * seq 0 on, once each, in order. Returns null if so, "" if it heard nothing of the job (it opened after the
     * job's end had been delivered), else what went wrong.
     */
    private static String checkLateSocket(String job, Listener listener) throws Exception {
        List<String> firstFew = new ArrayList<>();
        long expected = 0;
        boolean attached = false;
        while (true) {
            Heard heard = listener.heard.poll(attached ? DEADLINE.toSeconds() : 5, TimeUnit.SECONDS);
            if (heard == null) {
                return attached ? "no end heard after seq " + (expected - 1) + "; first messages " + firstFew : "";
            }
            if (!job.equals(heard.event.getString("job", null))) {
                continue;
            }
            if (firstFew.size() < 5) {
                firstFew.add(heard.type() + (heard.event.containsKey("seq") ? " " + heard.event.get("seq") : ""));
            }
            if (heard.type().equals("attach")) {
                attached = true;
                continue;
            }
            long seq = heard.event.getJsonNumber("seq").longValue();
            if (!attached || seq != expected) {
                return "heard seq " + seq + (attached ? "" : " before the attach") + " where seq " + expected
                        + " was due; first messages " + firstFew;
            }
            expected++;
            if (heard.type().equals("done")) {
                return null;
            }
        }
    }

    // ---- the flood ----

    private void assertFloodArrivesWhole(String button) throws Exception {
        Session session = openSession();
        List<Heard> events = session.runJob(button);
        assertOrderedAndWhole(events, ProgressFloodApp.FLOOD, button);
        report(button + " (flood of " + ProgressFloodApp.FLOOD + " + " + ProgressFloodApp.FLOOD + ")", events);
    }

    /** accepted, running, then (progress i, set_props i) for i = 0..count-1, then done; seq 0, 1, 2, … */
    private static void assertOrderedAndWhole(List<Heard> events, int count, String button) {
        assertEquals(2 + 2 * count + 1, events.size(), "events heard: " + summary(events));
        for (int k = 0; k < events.size(); k++) {
            assertEquals(k, events.get(k).event.getJsonNumber("seq").longValue(),
                    "seq must rise by exactly 1 from 0; at position " + k + ": " + events.get(k).event);
        }
        assertEquals("accepted", events.get(0).type());
        assertEquals("running", events.get(1).type());
        int progress = 0;
        int setProps = 0;
        for (int k = 2; k < events.size() - 1; k++) {
            JsonObject event = events.get(k).event;
            if (k % 2 == 0) {
                assertEquals("progress", event.getString("type"), event.toString());
                assertEquals(progress, event.getJsonArray("progress").getJsonNumber(0).intValue(),
                        "progress values in order, none skipped: " + event);
                progress++;
            } else {
                assertEquals("set_props", event.getString("type"), event.toString());
                assertEquals("target", event.getString("id"));
                assertEquals(setProps, event.getJsonObject("props").getJsonNumber("children").intValue(),
                        "set_props values in order, none skipped or merged: " + event);
                setProps++;
            }
        }
        assertEquals(count, progress);
        assertEquals(count, setProps);
        JsonObject done = events.get(events.size() - 1).event;
        assertEquals("done", done.getString("type"), done.toString());
        assertEquals("done " + count,
                done.getJsonObject("response").getJsonObject("out-" + button).getString("children"));
    }

    /** Prints how long each progress and set_props took from the job's call to this client. */
    private static void report(String what, List<Heard> events) {
        List<Long> micros = new ArrayList<>();
        for (Heard heard : events) {
            JsonObject event = heard.event;
            Long made = switch (event.getString("type")) {
                case "progress" -> event.getJsonArray("progress").getJsonNumber(1).longValue();
                case "set_props" -> event.getJsonObject("props").getJsonNumber("at").longValue();
                default -> null;
            };
            if (made != null) {
                micros.add(heard.atMicros - made);
            }
        }
        micros.sort(null);
        long first = events.get(0).atMicros;
        long last = events.get(events.size() - 1).atMicros;
        System.out.printf("[p5 latency] %s: %d updates, call -> client p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms; accepted -> done heard %.0f ms; replayed duplicates skipped so far: %d%n", what, micros.size(),
                pct(micros, 50), pct(micros, 90), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0,
                (last - first) / 1000.0, replays);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    // ---- the client ----

    private void loadPage() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        csrf = CsrfMeta.of(page.body());
    }

    private Session openSession() throws Exception {
        loadPage();
        String cookie = cookies.getCookieStore().get(uri("")).stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        assertFalse(cookie.isEmpty(), "loading the page sets the owner cookie");
        this.cookie = cookie;
        var listener = new Listener();
        socket = openSocket(cookie, listener);
        return new Session(listener);
    }

    private String cookie;
    private String csrf;

    private WebSocket openSocket(String cookie, Listener listener) throws Exception {
        URI ws = URI.create(uri("_jdash-push").toString().replaceFirst("^http", "ws"));
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", cookie)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(ws, listener)
                .get(30, TimeUnit.SECONDS);
    }

    private final class Session {
        final Listener listener;

        Session(Listener listener) {
            this.listener = listener;
        }

        /** Fires the callback and collects its job's events, up to and including its end. */
        List<Heard> runJob(String button) throws Exception {
            HttpResponse<String> accepted = post(update("out-" + button + ".children", button, 1));
            assertEquals(202, accepted.statusCode(), accepted.body());
            String job = parse(accepted.body()).getString("job");
            assertNotNull(job);
            return collect(job);
        }

        /** The job's events on this socket, up to and including its end. */
        List<Heard> collect(String job) throws Exception {
            List<Heard> events = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Heard heard = left <= 0 ? null : listener.heard.poll(left, TimeUnit.NANOSECONDS);
                if (heard == null) {
                    fail("no end of job " + job + " within " + DEADLINE + "; heard " + summary(events)
                            + (listener.closed == null ? "" : "; socket closed: " + listener.closed));
                }
                if (!job.equals(heard.event.getString("job", null)) || heard.type().equals("attach")) {
                    continue; // another job's event, or an "attach" (the socket opened after the job was accepted)
                }
                if (isReplay(heard, events)) {
                    continue; // a socket that opens while a job runs also hears its history, as the page does
                }
                events.add(heard);
                String type = heard.type();
                if (type.equals("done") || type.equals("error") || type.equals("cancelled")) {
                    return events;
                }
            }
        }
    }

    /** The same event heard again (same seq, same content): the history replayed to a socket that just opened. */
    private static boolean isReplay(Heard heard, List<Heard> events) {
        long seq = heard.event.getJsonNumber("seq").longValue();
        if (events.isEmpty() || seq > events.get(events.size() - 1).event.getJsonNumber("seq").longValue()) {
            return false;
        }
        boolean same = seq >= 0 && seq < events.size() && events.get((int) seq).event.equals(heard.event);
        if (same) {
            replays++;
        }
        return same;
    }

    private static int replays;

    private record Heard(JsonObject event, long atMicros) {
        String type() {
            return event.getString("type");
        }
    }

    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        volatile String closed;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long at = ProgressFloodApp.nowMicros();
                heard.add(new Heard(parse(partial.toString()), at));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = statusCode + " " + reason;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = "error " + error;
        }
    }

    // ---- HTTP ----

    private URI uri(String path) {
        return URI.create(base + "apps/" + ProgressFloodApp.SLUG + "/" + path);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("_dash-update-component"))
                .header("Content-Type", "application/json").header(CsrfMeta.HEADER, csrf)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String update(String output, String inputId, int nClicks) {
        String[] target = output.split("\\.");
        return "{\"output\":\"" + output + "\",\"outputs\":{\"id\":\"" + target[0] + "\",\"property\":\"" + target[1]
                + "\"},\"inputs\":[{\"id\":\"" + inputId + "\",\"property\":\"n_clicks\",\"value\":" + nClicks
                + "}],\"state\":[],\"changedPropIds\":[\"" + inputId + ".n_clicks\"]}";
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String summary(List<Heard> events) {
        Map<String, Long> byType = events.stream()
                .collect(Collectors.groupingBy(Heard::type, java.util.TreeMap::new, Collectors.counting()));
        String tail = events.stream().skip(Math.max(0, events.size() - 3)).map(h -> h.event.toString())
                .collect(Collectors.joining(", "));
        return events.size() + " events " + byType + ", last: " + tail;
    }
}
