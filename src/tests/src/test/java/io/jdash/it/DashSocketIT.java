package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The renderer's WebSocket, {@code <app>/_dash-ws}, spoken by a plain client: its messages and who may open it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashSocketIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @ArquillianResource
    URL base;

    private URI socketUri() {
        return URI.create(base.toString()).resolve("/apps/features/_dash-ws");
    }

    @Test
    void aCallbackRequestIsAnsweredWithItsOutputsAndAHeartbeatIsAcknowledged() throws Exception {
        TestClient page = TestClient.open(base, "features");
        try (TestSocket socket = TestSocket.connect(socketUri(), page.cookieHeader())) {
            socket.send("{\"type\":\"heartbeat\"}");
            assertEquals("heartbeat_ack", socket.next(Duration.ofSeconds(5)).json().getString("type"));

            socket.send("{\"type\":\"callback_request\",\"rendererId\":\"r1\",\"requestId\":\"r1-2\",\"payload\":"
                    + "{\"output\":\"ws-out.children\",\"outputs\":{\"id\":\"ws-out\",\"property\":\"children\"},"
                    + "\"inputs\":[{\"id\":\"ws-in\",\"property\":\"value\",\"value\":\"plain\"}],"
                    + "\"changedPropIds\":[\"ws-in.value\"],\"state\":[]}}");
            JsonObject answer = socket.next(Duration.ofSeconds(5)).json();
            assertEquals("callback_response", answer.getString("type"));
            assertEquals("r1", answer.getString("rendererId"));
            assertEquals("r1-2", answer.getString("requestId"));
            JsonObject payload = answer.getJsonObject("payload");
            assertEquals("ok", payload.getString("status"));
            assertEquals("over the websocket: plain", payload.getJsonObject("data").getJsonObject("response")
                    .getJsonObject("ws-out").getString("children"));

            socket.send("{\"type\":\"callback_request\",\"rendererId\":\"r1\",\"requestId\":\"r1-3\",\"payload\":"
                    + "{\"output\":\"nothing.children\",\"inputs\":[]}}");
            JsonObject refused = socket.next(Duration.ofSeconds(5)).json().getJsonObject("payload");
            assertEquals("error", refused.getString("status"));
            assertTrue(refused.getString("message").contains("no callback nothing.children"), refused.toString());

            socket.send("not json at all [[[");
            socket.send("{\"type\":\"heartbeat\"}");
            assertEquals("heartbeat_ack", socket.next(Duration.ofSeconds(5)).json().getString("type"),
                    "a malformed message is ignored and the socket keeps serving");
        }
    }

    private URI jobsSocketUri() {
        return URI.create(base.toString()).resolve("/apps/" + RendererJobsApp.SLUG + "/_dash-ws");
    }

    private static String request(String renderer, String requestId, String output, String input, Object value) {
        return "{\"type\":\"callback_request\",\"rendererId\":\"" + renderer + "\",\"requestId\":\"" + requestId
                + "\",\"payload\":{\"output\":\"" + output + "\",\"inputs\":[{\"id\":\"" + input
                + "\",\"property\":\"n_clicks\",\"value\":" + value + "}],\"changedPropIds\":[\"" + input
                + ".n_clicks\"],\"state\":[]}}";
    }

    @Test
    void aBackgroundJobPushesEveryUpdateToItsPageAndAnswersTheRequestWithItsOutputs() throws Exception {
        TestClient page = TestClient.open(base, RendererJobsApp.SLUG);
        try (TestSocket socket = TestSocket.connect(jobsSocketUri(), page.cookieHeader())) {
            socket.send(request("page-1", "page-1-1", "rapid-out.children", "rapid-run", 1));
            var progress = new java.util.ArrayList<String>();
            var side = new java.util.ArrayList<String>();
            JsonObject answer = null;
            while (answer == null) {
                JsonObject message = socket.next(Duration.ofSeconds(10)).json();
                assertEquals("page-1", message.getString("rendererId"), "only to the page that started it");
                switch (message.getString("type")) {
                    case "set_props" -> {
                        JsonObject target = message.getJsonObject("payload");
                        String text = target.getJsonObject("props").getString("children");
                        (target.getString("componentId").equals("rapid-progress") ? progress : side).add(text);
                    }
                    case "callback_response" -> answer = message;
                    default -> throw new AssertionError("unexpected " + message);
                }
            }
            assertEquals(java.util.stream.IntStream.range(0, RendererJobsApp.UPDATES).mapToObj(String::valueOf).toList(),
                    progress, "every progress value, in order");
            assertEquals(RendererJobsApp.UPDATES, side.size(), "every set_props");
            assertEquals("page-1-1", answer.getString("requestId"));
            assertEquals("rapid done", answer.getJsonObject("payload").getJsonObject("data").getJsonObject("response")
                    .getJsonObject("rapid-out").getString("children"));
        }
    }

    @Test
    void aRendererIdOfAnotherOwnerIsNotTakenOver() throws Exception {
        TestClient owner = TestClient.open(base, RendererJobsApp.SLUG);
        TestClient other = TestClient.open(base, RendererJobsApp.SLUG);
        try (TestSocket mine = TestSocket.connect(jobsSocketUri(), owner.cookieHeader());
             TestSocket theirs = TestSocket.connect(jobsSocketUri(), other.cookieHeader())) {
            mine.send(request("shared-id", "shared-id-1", "slow-out.children", "slow-run", 1));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (owner.get("/apps/" + RendererJobsApp.SLUG + "/_jdash-jobs/").body().equals("[]")) { // the id is mine now
                assertTrue(System.nanoTime() < deadline, "the owner's job should be accepted");
                Thread.sleep(20);
            }
            theirs.send("{\"type\":\"callback_request\",\"rendererId\":\"shared-id\",\"requestId\":\"x\","
                    + "\"payload\":{\"output\":\"" + io.jdash.callback.SocketCallbacks.HELLO + "\",\"inputs\":[]}}");
            theirs.send(request("shared-id", "shared-id-9", "slow-out.children", "slow-run", 7));
            JsonObject refused = theirs.next(Duration.ofSeconds(5)).json();
            assertEquals("shared-id-9", refused.getString("requestId"));
            assertEquals("error", refused.getJsonObject("payload").getString("status"), refused.toString());
            JsonObject answer = mine.next(Duration.ofSeconds(10)).json();
            assertEquals("shared-id-1", answer.getString("requestId"));
            assertEquals("slow 1", answer.getJsonObject("payload").getJsonObject("data").getJsonObject("response")
                    .getJsonObject("slow-out").getString("children"));
            theirs.send("{\"type\":\"heartbeat\"}");
            assertEquals("heartbeat_ack", theirs.next(Duration.ofSeconds(5)).json().getString("type"),
                    "the other owner heard nothing of the job");
        }
    }

    @Test
    void aSocketWithoutTheOwnerCookieIsClosedAtOnce() throws Exception {
        try (TestSocket socket = TestSocket.connect(socketUri(), "")) {
            assertTrue(socket.awaitClosed(Duration.ofSeconds(5)).startsWith("1008"), "closed as a policy violation");
        }
    }

    @Test
    void aSocketWithAnOwnerTheServerDidNotIssueIsClosedAtOnce() throws Exception {
        String issued = TestClient.open(base, "features").owner();
        String forged = "0123456789abcdef0123456789abcdef" + issued.substring(32); // another owner, a real signature
        for (String cookie : java.util.List.of(issued.substring(0, 32), forged)) {
            try (TestSocket socket = TestSocket.connect(socketUri(), "jdash-owner=" + cookie)) {
                assertTrue(socket.awaitClosed(Duration.ofSeconds(5)).startsWith("1008"),
                        "an owner value the server did not sign is no owner: " + cookie);
            }
        }
    }
}
