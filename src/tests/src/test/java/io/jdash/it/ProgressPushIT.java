package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private TestClient client;
    private TestSocket socket;

    @AfterEach
    void closeSocket() {
        if (socket != null) {
            socket.close();
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
            List<TestSocket.Received> events = session.runJob(button);
            assertOrderedAndWhole(events, ProgressFloodApp.PACED, button);
            report(button + " (one update every " + ProgressFloodApp.PACE_MILLIS + " ms)", events);
            socket.close();
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
        List<TestSocket> late = new ArrayList<>();
        for (int k = 0; k < LATE_SOCKETS; k++) {
            late.add(client.socket());
            Thread.sleep(LATE_SPACING_MILLIS); // spreads the openings over the job; nothing is asserted on this pause
        }
        List<TestSocket.Received> events = first.collect(job);
        assertEquals(2 + 2 * ProgressFloodApp.FLOOD + 1, events.size());
        int midJob = 0;
        List<String> problems = new ArrayList<>();
        for (TestSocket listener : late) {
            String problem = checkLateSocket(job, listener);
            if (problem == null) {
                midJob++;
            } else if (!problem.isEmpty()) {
                problems.add(problem);
            }
        }
        late.forEach(TestSocket::close);
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
    private static String checkLateSocket(String job, TestSocket listener) throws Exception {
        List<String> firstFew = new ArrayList<>();
        long expected = 0;
        boolean attached = false;
        while (true) {
            TestSocket.Received heard = listener.next(attached ? DEADLINE : Duration.ofSeconds(5));
            if (heard == null) {
                return attached ? "no end heard after seq " + (expected - 1) + "; first messages " + firstFew : "";
            }
            if (!job.equals(heard.json().getString("job", null))) {
                continue;
            }
            if (firstFew.size() < 5) {
                firstFew.add(heard.type() + (heard.json().containsKey("seq") ? " " + heard.json().get("seq") : ""));
            }
            if (heard.type().equals("attach")) {
                attached = true;
                continue;
            }
            long seq = heard.json().getJsonNumber("seq").longValue();
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
        List<TestSocket.Received> events = session.runJob(button);
        assertOrderedAndWhole(events, ProgressFloodApp.FLOOD, button);
        report(button + " (flood of " + ProgressFloodApp.FLOOD + " + " + ProgressFloodApp.FLOOD + ")", events);
    }

    /** accepted, running, then (progress i, set_props i) for i = 0..count-1, then done; seq 0, 1, 2, … */
    private static void assertOrderedAndWhole(List<TestSocket.Received> events, int count, String button) {
        assertEquals(2 + 2 * count + 1, events.size(), "events heard: " + summary(events));
        for (int k = 0; k < events.size(); k++) {
            assertEquals(k, events.get(k).json().getJsonNumber("seq").longValue(),
                    "seq must rise by exactly 1 from 0; at position " + k + ": " + events.get(k).json());
        }
        assertEquals("accepted", events.get(0).type());
        assertEquals("running", events.get(1).type());
        int progress = 0;
        int setProps = 0;
        for (int k = 2; k < events.size() - 1; k++) {
            JsonObject event = events.get(k).json();
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
        JsonObject done = events.get(events.size() - 1).json();
        assertEquals("done", done.getString("type"), done.toString());
        assertEquals("done " + count,
                done.getJsonObject("response").getJsonObject("out-" + button).getString("children"));
    }

    /** Prints how long each progress and set_props took from the job's call to this client. */
    private static void report(String what, List<TestSocket.Received> events) {
        List<Long> micros = new ArrayList<>();
        for (TestSocket.Received heard : events) {
            JsonObject event = heard.json();
            Long made = switch (event.getString("type")) {
                case "progress" -> event.getJsonArray("progress").getJsonNumber(1).longValue();
                case "set_props" -> event.getJsonObject("props").getJsonNumber("at").longValue();
                default -> null;
            };
            if (made != null) {
                micros.add(heard.atMicros() - made);
            }
        }
        micros.sort(null);
        long first = events.get(0).atMicros();
        long last = events.get(events.size() - 1).atMicros();
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
        client = TestClient.open(base, ProgressFloodApp.SLUG);
    }

    private Session openSession() throws Exception {
        loadPage();
        assertFalse(client.cookieHeader().isEmpty(), "loading the page sets the owner cookie");
        socket = client.socket();
        return new Session(socket);
    }

    private final class Session {
        final TestSocket listener;

        Session(TestSocket listener) {
            this.listener = listener;
        }

        /** Fires the callback and collects its job's events, up to and including its end. */
        List<TestSocket.Received> runJob(String button) throws Exception {
            HttpResponse<String> accepted = post(update("out-" + button + ".children", button, 1));
            assertEquals(202, accepted.statusCode(), accepted.body());
            String job = parse(accepted.body()).getString("job");
            assertNotNull(job);
            return collect(job);
        }

        /** The job's events on this socket, up to and including its end. */
        List<TestSocket.Received> collect(String job) throws Exception {
            List<TestSocket.Received> events = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                TestSocket.Received heard = left <= 0 ? null : listener.next(Duration.ofNanos(left));
                if (heard == null) {
                    fail("no end of job " + job + " within " + DEADLINE + "; heard " + summary(events)
                            + (listener.closedReason() == null ? "" : "; socket closed: " + listener.closedReason()));
                }
                if (!job.equals(heard.json().getString("job", null)) || heard.type().equals("attach")) {
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
    private static boolean isReplay(TestSocket.Received heard, List<TestSocket.Received> events) {
        long seq = heard.json().getJsonNumber("seq").longValue();
        if (events.isEmpty() || seq > events.get(events.size() - 1).json().getJsonNumber("seq").longValue()) {
            return false;
        }
        boolean same = seq >= 0 && seq < events.size() && events.get((int) seq).json().equals(heard.json());
        if (same) {
            replays++;
        }
        return same;
    }

    private static int replays;

    // ---- HTTP ----

    private HttpResponse<String> post(String body) throws Exception {
        return client.postJson("apps/" + ProgressFloodApp.SLUG + "/_dash-update-component", body);
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

    private static String summary(List<TestSocket.Received> events) {
        Map<String, Long> byType = events.stream()
                .collect(Collectors.groupingBy(TestSocket.Received::type, java.util.TreeMap::new, Collectors.counting()));
        String tail = events.stream().skip(Math.max(0, events.size() - 3)).map(h -> h.json().toString())
                .collect(Collectors.joining(", "));
        return events.size() + " events " + byType + ", last: " + tail;
    }
}
