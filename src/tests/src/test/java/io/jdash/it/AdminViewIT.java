package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job admin view (issue 14, item 5), on with {@code jdash.admin-role=jdash-admin} in this WAR: only a user of the
 * server's application realm with that role is served it (a visitor who has not logged in gets the Basic challenge,
 * one without the role 403, and so does its socket); it lists every owner's queued and running jobs with the owner
 * hashed, and its Remove and Cancel end them, which their owner's page hears.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminViewIT {

    static final String ROLE = "jdash-admin";
    static final String ADMIN = "jobadmin";
    static final String VISITOR = "jobvisitor";
    static final String PASSWORD = "admin-view-1!";
    private static final String VIEW = AdminViewClient.VIEW;
    private static final Duration END = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps(FairnessIT.OVER_THE_SERVERS, "jdash.admin-role=" + ROLE);
    }

    @ArquillianResource
    URL base;

    /** Two users in the server's ApplicationRealm (as add-user.sh -a makes them): one with the role, one without. */
    @BeforeAll
    static void addUsers() throws Exception {
        Path configuration = Path.of(System.getProperty("jboss.home"), "standalone", "configuration");
        AdminViewClient.addUser(configuration, ADMIN, PASSWORD, ROLE);
        AdminViewClient.addUser(configuration, VISITOR, PASSWORD, "guest");
        int port = Integer.getInteger("jdash.test.managementPort", 10090);
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1", port)) {
            ModelNode load = new ModelNode();
            load.get("operation").set("load");
            load.get("address").add("subsystem", "elytron").add("properties-realm", "ApplicationRealm");
            ModelNode result = client.execute(load);
            assertEquals("success", result.get("outcome").asString(), result.toString());
        }
    }

    @Test
    void onlyAUserWithTheRoleIsServedTheView() throws Exception {
        TestClient anonymous = TestClient.withoutCookies(base, VIEW);
        assertEquals(401, anonymous.get("apps/" + VIEW).statusCode(), "the path without its slash is behind the login too");
        HttpResponse<String> challenge = anonymous.get("apps/" + VIEW + "/");
        assertEquals(401, challenge.statusCode(), challenge.body());
        assertTrue(challenge.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                challenge.headers().map().toString());
        assertEquals(401, anonymous.send(HttpRequest.newBuilder(anonymous.uri("apps/" + VIEW + "/_dash-layout")).GET())
                .statusCode(), "nothing of the view without a login");

        var visitor = TestClient.of(base);
        HttpResponse<String> refused = visitor.send(HttpRequest.newBuilder(visitor.uri("apps/" + VIEW + "/")).GET()
                .header("Authorization", basic(VISITOR)));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("'" + ROLE + "'"), "the refusal names the role: " + refused.body());

        HttpResponse<String> stray = visitor.send(HttpRequest.newBuilder(visitor.uri("apps/hello/")).GET()
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("x:wrong".getBytes(
                        StandardCharsets.UTF_8))));
        assertEquals(200, stray.statusCode(), "credentials are looked at only where a login is required");
        TestClient alice = TestClient.open(base, "bg-jms"); // an app without a role is everybody's, as before
        var anonymousSocket = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> TestSocket.connect(alice.uri("apps/" + VIEW + "/_dash-ws"), alice.cookieHeader()));
        assertEquals(401, ((java.net.http.WebSocketHandshakeException) anonymousSocket.getCause()).getResponse().statusCode(),
                "the view's socket is refused at its handshake without a login");
        try (TestSocket socket = TestSocket.connect(alice.uri("apps/" + VIEW + "/_dash-ws"), alice.cookieHeader(),
                "Authorization", basic(VISITOR))) {
            String closed = socket.awaitClosed(Duration.ofSeconds(5));
            assertTrue(closed.startsWith("1008") && closed.contains(ROLE), "and closed for a user without the role: " + closed);
        }
        TestClient admin = TestClient.openAs(base, VIEW, ADMIN, PASSWORD);
        assertEquals(200, admin.get("apps/" + VIEW + "/_dash-layout").statusCode());
    }

    @Test
    void theViewListsEveryOwnersJobsAndItsRemoveAndCancelEndThem() throws Exception {
        removeAndCancel("bg-jms"); // the production manager
        removeAndCancel("bg-local"); // the local one
    }

    private void removeAndCancel(String slug) throws Exception {
        String p = "admin-" + slug + "-" + System.nanoTime() + "-";
        TestClient alice = TestClient.open(base, slug);
        TestClient admin = TestClient.openAs(base, VIEW, ADMIN, PASSWORD);
        try (JobFeed feed = alice.feed()) {
            String running = alice.work(p + "running", 0, "hold"); // the queue's one worker
            feed.await(running, "set_props", END);
            String held = alice.work(p + "held", 0, "ok"); // the queue's consumer holds it, waiting for the worker
            String queued = alice.work(p + "queued", 0, "ok");

            String table = admin.update("..jdash-admin-jobs.children...jdash-admin-summary.children..",
                    new Object[][] {{"jdash-admin-tick", "n_intervals", 1}, {"jdash-admin-filter", "value", "UNFINISHED"},
                            {"jdash-admin-message", "children", ""}}, new Object[0][]).body();
            assertTrue(table.contains(running) && table.contains(held) && table.contains(queued), table);
            assertTrue(table.contains("\"running\"") && table.contains("\"queued\""), table);
            assertFalse(table.contains(alice.owner()), "the owner shows hashed, never as the cookie");

            String removedMessage = AdminViewClient.act(admin, "jdash-admin-remove", queued);
            assertTrue(removedMessage.contains("removed"), removedMessage);
            TestSocket.Received removed = feed.awaitEnd(queued, Duration.ofSeconds(10));
            assertEquals("error", removed.type(), removed.json().toString());
            assertEquals("removed from its queue by an operator: the job did not run", removed.json().getString("message"));
            String again = AdminViewClient.act(admin, "jdash-admin-remove", queued);
            assertTrue(again.contains("not removed"), "a job removed once is not waiting any more: " + again);

            String cancelMessage = AdminViewClient.act(admin, "jdash-admin-cancel", running);
            assertTrue(cancelMessage.contains("cancel asked"), cancelMessage);
            assertEquals("cancelled", feed.awaitEnd(running, END).type(), "its owner hears the operator's cancel");
            assertEquals("done", feed.awaitEnd(held, END).type(), "the next job runs");
            assertEquals(java.util.List.of(p + "running", p + "held"), alice.ledger(p).stream()
                    .map(run -> run.asJsonObject().getString("tag")).toList(), "the removed job never ran");
        } finally {
            alice.release(p + "running");
        }
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
