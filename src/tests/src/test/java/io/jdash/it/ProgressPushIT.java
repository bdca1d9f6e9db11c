package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Progress and set_props over Dash's socket, as a page load of Dash's renderer speaks it ({@link RendererSocket}): a
 * job that makes {@value ProgressFloodApp#FLOOD} progress updates interleaved with as many set_props reaches its page
 * with every one of them as {@code set_props}, in order, none dropped or merged, through either manager, and its
 * request is answered with its outputs. A page whose socket drops mid-job and comes back (the same page load, or a
 * new one of the same owner) takes the job up: the job's state so far, then every later update, then its end. And an
 * ordinary callback's setProps travels in its 200 answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgressPushIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ProgressDeployments.withFloodApp();
    }

    @ArquillianResource
    URL base;

    private TestClient client;
    private final List<RendererSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(RendererSocket::close);
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
            Heard heard = runJob(button);
            assertOrderedAndWhole(heard, ProgressFloodApp.PACED, button);
            report(button + " (one update every " + ProgressFloodApp.PACE_MILLIS + " ms)", heard);
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
    void aPageWhoseSocketDropsMidJobTakesTheJobUpWithEveryLaterUpdateInOrder() throws Exception {
        loadPage();
        RendererSocket first = open(RendererSocket.open(client));
        String request = first.request("out-stream-local.children", new Object[][] {{"stream-local", "n_clicks", 1}},
                new Object[0][]);
        int seen = awaitTarget(first, 100);
        first.close(); // the socket drops (a network blip); the job goes on

        // the same page load comes back on a new socket: its state so far in one batch, then live
        RendererSocket again = open(RendererSocket.open(client, first.rendererId()));
        int resumedAt = awaitTarget(again, seen + 300);
        List<Integer> afterReconnect = targets(again);
        assertTrue(afterReconnect.get(0) >= seen, "the state so far, not older: " + afterReconnect.subList(0, 3));
        assertConsecutive(afterReconnect, "after the reconnect");
        again.close();

        // a new page load of the same owner (a reload while the socket was down) takes it up in turn, to its end
        RendererSocket reloaded = open(RendererSocket.open(client));
        TestSocket.Received end = reloaded.awaitSetProps("out-stream-local", "children", DEADLINE);
        assertEquals("done " + ProgressFloodApp.FLOOD, end.json().getJsonObject("payload").getJsonObject("props")
                .getString("children"), "the job's end reaches the page that took it up, as set_props");
        List<Integer> afterReload = targets(reloaded);
        assertTrue(afterReload.get(0) >= resumedAt, "the reloaded page starts from the state so far: " + afterReload.get(0));
        assertConsecutive(afterReload, "after the reload");
        assertEquals(ProgressFloodApp.FLOOD - 1, afterReload.get(afterReload.size() - 1), "every update to the last");
        assertTrue(first.socket().all().stream().noneMatch(m -> request.equals(m.json().getString("requestId", null))),
                "the dropped socket's request was never answered there");
    }

    /** Waits until the page has heard {@code target} reach at least {@code atLeast}; returns the value heard. */
    private static int awaitTarget(RendererSocket page, int atLeast) throws Exception {
        TestSocket.Received heard = page.socket().await(m -> m.type().equals("set_props")
                        && "target".equals(RendererSocket.componentId(m))
                        && m.json().getJsonObject("payload").getJsonObject("props").getInt("children") >= atLeast,
                DEADLINE, "target >= " + atLeast);
        return heard.json().getJsonObject("payload").getJsonObject("props").getInt("children");
    }

    /** The values of {@code target.children} the page heard, in order. */
    private static List<Integer> targets(RendererSocket page) {
        return page.setProps().stream().filter(m -> "target".equals(RendererSocket.componentId(m)))
                .map(m -> m.json().getJsonObject("payload").getJsonObject("props").getInt("children")).toList();
    }

    private static void assertConsecutive(List<Integer> values, String when) {
        for (int k = 1; k < values.size(); k++) {
            assertEquals(values.get(k - 1) + 1, values.get(k), when + ": the update after " + values.get(k - 1)
                    + " (at position " + k + ")");
        }
    }

    // ---- the flood ----

    private void assertFloodArrivesWhole(String button) throws Exception {
        Heard heard = runJob(button);
        assertOrderedAndWhole(heard, ProgressFloodApp.FLOOD, button);
        report(button + " (flood of " + ProgressFloodApp.FLOOD + " + " + ProgressFloodApp.FLOOD + ")", heard);
    }

    /** What a page heard of its job: the set_props, in order, and the answer to its request. */
    private record Heard(List<TestSocket.Received> setProps, TestSocket.Received answer, long sentAtMicros) {
    }

    /**
     * Progress i (set_props of {@code count} and {@code stamp}) then set_props i of {@code target}, for i = 0..count-1,
     * in that order, and then the answer with the outputs.
     */
    private static void assertOrderedAndWhole(Heard heard, int count, String button) {
        int progress = 0;
        int setProps = 0;
        for (TestSocket.Received message : heard.setProps()) {
            String id = RendererSocket.componentId(message);
            JsonObject props = message.json().getJsonObject("payload").getJsonObject("props");
            switch (id) {
                case "count" -> {
                    assertEquals(setProps, progress, "progress " + progress + " came before set_props " + (progress - 1));
                    assertEquals(progress, props.getInt("children"), "progress values in order, none skipped: " + props);
                    progress++;
                }
                case "target" -> {
                    assertEquals(setProps + 1, progress, "set_props " + setProps + " came before its progress");
                    assertEquals(setProps, props.getInt("children"), "set_props values in order, none skipped or merged: " + props);
                    setProps++;
                }
                case "stamp" -> {
                }
                default -> throw new AssertionError("a set_props of " + id + ": " + message.json());
            }
        }
        assertEquals(count, progress, "progress updates heard");
        assertEquals(count, setProps, "set_props heard");
        assertEquals("ok", RendererSocket.status(heard.answer()), heard.answer().json().toString());
        assertEquals("done " + count,
                RendererSocket.response(heard.answer()).getJsonObject("out-" + button).getString("children"));
    }

    /** Prints how long each progress and set_props took from the job's call to this client. */
    private static void report(String what, Heard heard) {
        List<Long> micros = new ArrayList<>();
        for (TestSocket.Received message : heard.setProps()) {
            JsonObject props = message.json().getJsonObject("payload").getJsonObject("props");
            Long made = switch (RendererSocket.componentId(message)) {
                case "stamp" -> props.getJsonNumber("children").longValue();
                case "target" -> props.getJsonNumber("at").longValue();
                default -> null;
            };
            if (made != null) {
                micros.add(message.atMicros() - made);
            }
        }
        micros.sort(null);
        System.out.printf("[p5 latency] %s: %d updates, call -> client p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms; request -> answer %.0f ms%n", what, micros.size(),
                pct(micros, 50), pct(micros, 90), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0,
                (heard.answer().atMicros() - heard.sentAtMicros()) / 1000.0);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    // ---- the client ----

    private void loadPage() throws Exception {
        client = TestClient.open(base, ProgressFloodApp.SLUG);
        assertFalse(client.cookieHeader().isEmpty(), "loading the page sets the owner cookie");
    }

    private RendererSocket open(RendererSocket socket) {
        sockets.add(socket);
        return socket;
    }

    /** A new page fires the callback on its socket and hears its job to the answer. */
    private Heard runJob(String button) throws Exception {
        loadPage();
        RendererSocket page = open(RendererSocket.open(client));
        long sentAt = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now());
        String request = page.request("out-" + button + ".children", new Object[][] {{button, "n_clicks", 1}},
                new Object[0][]);
        TestSocket.Received answer = page.answer(request, DEADLINE);
        String closed = page.socket().closedReason();
        assertEquals(null, closed, "the socket stayed open");
        return new Heard(page.setProps(), answer, sentAt);
    }

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
}
