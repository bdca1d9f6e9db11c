package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fairness bounds (issue 14, item 2), set low in this WAR's own config: 2 jobs waiting to start per owner, 3
 * waiting on the server in all, 4 unfinished for the owners of one client address (every test client is 127.0.0.1).
 * A refusal is a 429 with a JSON message (and the running values' reset) over HTTP and the same message as the error
 * answer on Dash's socket; one owner's bound does not refuse another owner, and a refused owner is admitted again
 * once the jobs move on. The JMS app's queue has one worker, the pool app's two.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FairnessIT {

    /** The WAR's own config over the test server's system properties (-Djdash.max-queued-jobs-per-owner=100). */
    static final String OVER_THE_SERVERS = "config_ordinal=500";
    private static final Duration END = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps(OVER_THE_SERVERS, "jdash.max-queued-jobs-per-owner=2",
                "jdash.max-queued-jobs=3", "jdash.max-jobs-per-client=4");
    }

    @ArquillianResource
    URL base;

    /** The hold jobs a test started, by tag, with their page: released and awaited at its end. */
    private final Map<String, Held> held = new LinkedHashMap<>();

    private record Held(TestClient page, String job) {
    }

    @Test
    void anOwnersWaitingJobsAndTheServersAreBoundedAndARefusalSaysWhichOverHttpAndTheSocket() throws Exception {
        try {
            TestClient alice = TestClient.open(base, "bg-jms");
            try (JobFeed feed = alice.feed()) {
                feed.await(hold(alice, "fair-a0"), "set_props", END); // the queue's one worker
                String first = hold(alice, "fair-a1");
                hold(alice, "fair-a2"); // Alice has 2 jobs waiting: her bound
                String ownBound = "too many jobs: this page's browser already has 2 background jobs waiting to start;"
                        + " wait for some to start";
                assertRefused(alice.update("work-out.children", workInputs("fair-a3"), holdState()), ownBound);
                try (RendererSocket page = RendererSocket.open(alice)) {
                    TestSocket.Received answer = page.answer(page.request("work-out.children", workInputs("fair-a4"),
                            holdState()), END);
                    assertEquals("error", RendererSocket.status(answer));
                    assertEquals(ownBound, answer.json().getJsonObject("payload").getString("message"));
                }

                TestClient bob = TestClient.open(base, "bg-jms");
                hold(bob, "fair-b1"); // Alice's bound is hers: Bob is admitted, and 3 jobs now wait on the server
                TestClient carol = TestClient.open(base, "bg-jms");
                assertRefused(carol.update("work-out.children", workInputs("fair-c1"), holdState()),
                        "too many jobs: the server has 3 background jobs waiting to start; try again in a while");

                alice.release("fair-a0");
                feed.await(first, "set_props", END); // a1 started: a2 and b1 wait now
                hold(alice, "fair-a5"); // one of Alice's started and the server has room: she is admitted again
            }
        } finally {
            releaseAndAwaitAll();
        }
    }

    @Test
    void theOwnersWhosePagesComeFromOneClientAddressShareItsBound() throws Exception {
        try {
            TestClient first = TestClient.open(base, "bg-jms-pool");
            try (JobFeed feed = first.feed()) {
                feed.await(hold(first, "client-1"), "set_props", END); // the pool's two workers
                feed.await(hold(first, "client-2"), "set_props", END);
            }
            TestClient second = TestClient.open(base, "bg-jms"); // a fresh owner, from the same address
            hold(second, "client-3");
            hold(second, "client-4"); // 4 unfinished for 127.0.0.1, 1 of them waiting
            TestClient third = TestClient.open(base, "bg-jms");
            assertRefused(third.update("work-out.children", workInputs("client-5"), holdState()),
                    "too many jobs: the pages loaded from your address already have 4 unfinished background jobs; wait"
                            + " for some to end");

            first.release("client-1");
            try (JobFeed feed = first.feed()) {
                feed.awaitEnd(held.get("client-1").job(), END);
            }
            hold(third, "client-6"); // one ended: the address has room again
        } finally {
            releaseAndAwaitAll();
        }
    }

    private String hold(TestClient page, String tag) throws Exception {
        String job = page.work(tag, 0, "hold");
        held.put(tag, new Held(page, job));
        return job;
    }

    /** Releases every hold job the test started and waits for each to end, so the next test starts from none. */
    private void releaseAndAwaitAll() throws Exception {
        for (var entry : held.entrySet()) {
            entry.getValue().page().release(entry.getKey());
        }
        for (Held job : new ArrayList<>(held.values())) {
            try (JobFeed feed = job.page().feed()) {
                feed.awaitEnd(job.job(), END);
            }
        }
    }

    private static Object[][] workInputs(String tag) {
        return new Object[][] {{"work", "value", tag}};
    }

    private static Object[][] holdState() {
        return new Object[][] {{"work-sleep", "value", 0}, {"work-mode", "value", "hold"}};
    }

    private static void assertRefused(HttpResponse<String> answer, String message) {
        assertEquals(429, answer.statusCode(), answer.body());
        JsonObject body = TestClient.object(answer);
        assertEquals(message, body.getString("error"), answer.body());
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, body.getJsonObject("reset"), "the work callback has no running values");
    }
}
