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

    @Test
    void aSocketWithoutTheOwnerCookieIsClosedAtOnce() throws Exception {
        try (TestSocket socket = TestSocket.connect(socketUri(), "")) {
            assertTrue(socket.awaitClosed(Duration.ofSeconds(5)).startsWith("1008"), "closed as a policy violation");
        }
    }
}
