package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14's scale-out: two web nodes (A and C, {@code -Djdash.worker=false}: pages, callbacks, push, no job) and two
 * worker nodes (B and D), four WildFly processes of the same deployment on one standalone Artemis broker and one
 * PostgreSQL database (the server copy {@code target/wildfly-scale-out}, configured by
 * {@code server-config/postgresql/} and {@code server-config/remote-broker/}). Run by {@code src/tests/test-scale-out.sh}
 * ({@code mvn -Pscale-out}), which installs PostgreSQL. Each worker node has one worker per queue, so a second job
 * on a busy node waits there, held by its queue's consumer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Duration END = Duration.ofSeconds(60);
    private static final int BASE_OFFSET = Integer.getInteger("jdash.test.portOffset", 100) + 200;
    private static ArtemisBroker broker;
    private static ServerProcess webA;
    private static ServerProcess workerB;
    private static ServerProcess webC;
    private static ServerProcess workerD;

    @BeforeAll
    static void startTheNodes() throws Exception {
        broker = ArtemisBroker.start();
        var war = Deployments.builtWar().addClass(ScaleOutApp.class);
        List<String> common = List.of(
                "-Djdash.broker.port=" + broker.port(),
                // the broker requires a login: the MDBs' adapter (server-config/remote-broker/) and JDash's own sends
                "-Djdash.broker.user=jdash",
                "-Djdash.broker.password=jdash",
                // every web node must accept the tokens of the pages another served
                "-Djdash.csrf-key=scale-out-test-key-0123456789abcdef",
                "-Djdash.workers=1",
                "-Djdash.node-heartbeat-seconds=1",
                "-Djdash.node-lost-seconds=5",
                "-Djdash.queue-audit-seconds=3");
        webA = new ServerProcess("scale-web-a", war, BASE_OFFSET, with(common, "-Djdash.worker=false"));
        workerB = new ServerProcess("scale-worker-b", war, BASE_OFFSET + 10, common);
        webC = new ServerProcess("scale-web-c", war, BASE_OFFSET + 20, with(common, "-Djdash.worker=false"));
        workerD = new ServerProcess("scale-worker-d", war, BASE_OFFSET + 30, common);
        ExecutorService starting = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> started = new ArrayList<>();
            for (ServerProcess node : List.of(webA, workerB, webC, workerD)) {
                started.add(starting.submit((Callable<Void>) () -> {
                    node.start("apps/scale-out/");
                    return null;
                }));
            }
            for (Future<Void> node : started) {
                node.get();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    @AfterAll
    static void stopTheNodes() throws Exception {
        for (ServerProcess node : new ServerProcess[] {webA, workerB, webC, workerD}) {
            if (node != null) {
                node.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void aJobAcceptedOnAWebNodeRunsOnAWorkerNodeAndItsPageHearsEveryUpdateInOrder() throws Exception {
        TestClient page = TestClient.open(webA.url(), "scale-out");
        try (JobFeed feed = page.feed()) {
            String job = steps(page, "first", 30, 10);
            TestSocket.Received done = feed.await(job, "done", END);
            String node = FeedText.ranOn(done);
            assertTrue(Set.of(workerB.nodeName(), workerD.nodeName()).contains(node), "ran on a worker node: " + node);

            List<Object> progress = new ArrayList<>();
            for (TestSocket.Received event : feed.of(job)) {
                if (event.type().equals("progress")) {
                    var values = event.json().getJsonArray("progress");
                    progress.add(values.get(0).getValueType() == jakarta.json.JsonValue.ValueType.STRING
                            ? values.getString(0) : values.getInt(0));
                }
            }
            List<Object> expected = new ArrayList<>(List.of(ScaleOutApp.NODE_PREFIX + node));
            IntStream.rangeClosed(1, 30).forEach(expected::add);
            assertEquals(expected, progress, "web node A heard every update of the job on " + node + ", in order");
        }
    }

    @Test
    @Order(2)
    void jobsFromBothWebNodesShareBothWorkerNodes() throws Exception {
        TestClient onA = TestClient.open(webA.url(), "scale-out");
        TestClient onC = TestClient.open(webC.url(), "scale-out");
        List<String> jobsOnA = new ArrayList<>();
        List<String> jobsOnC = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobsOnA.add(steps(onA, "a" + i, 3, 100));
            jobsOnC.add(steps(onC, "c" + i, 3, 100));
        }
        Set<String> nodes = new HashSet<>();
        for (var run : Map.of(onA, jobsOnA, onC, jobsOnC).entrySet()) {
            try (JobFeed feed = run.getKey().feed()) {
                for (String job : run.getValue()) {
                    nodes.add(FeedText.ranOn(feed.await(job, "done", END)));
                }
            }
        }
        assertEquals(Set.of(workerB.nodeName(), workerD.nodeName()), nodes,
                "eight jobs of 300 ms on two nodes of one worker each: both nodes ran some");
    }

    @Test
    @Order(3)
    void aCancelOnTheWebNodeStopsTheJobOnItsWorkerNode() throws Exception {
        TestClient page = TestClient.open(webA.url(), "scale-out");
        try (JobFeed feed = page.feed()) {
            String job = steps(page, "cancelled", 600, 100); // a minute, unless cancelled
            feed.await(job, "progress", END);
            assertEquals(204, page.deleteJob(job).statusCode());
            assertEquals("cancelled", feed.awaitEnd(job, Duration.ofSeconds(10)).type());
            // the worker is free again: the next job of the page starts and ends at once
            String next = steps(page, "after-cancel", 1, 0);
            assertEquals("done", feed.awaitEnd(next, Duration.ofSeconds(20)).type());
        }
    }

    @Test
    @Order(4)
    void aPageThatReconnectsToAnotherWebNodeReattachesToItsRunningJob() throws Exception {
        TestClient onA = TestClient.open(webA.url(), "scale-out");
        String job = steps(onA, "moving", 40, 100);
        try (JobFeed onAFeed = onA.feed()) {
            onAFeed.await(job, event -> event.type().equals("progress") && !isText(event), END, "a numbered step");
        }
        // web node A goes away for this browser (a load balancer sends it to C): the same cookies, on C
        TestClient onC = onA.at(webC.url());
        try (JobFeed onCFeed = onC.feed()) {
            TestSocket.Received done = onCFeed.await(job, "done", END);
            assertTrue(FeedText.children(done, "steps-out").startsWith("moving on "), done.json().toString());
            long steps = onCFeed.of(job).stream().filter(e -> e.type().equals("progress") && !isText(e)).count();
            assertEquals(40, steps, "web node C knows every step of the job accepted on A");
        }
    }

    @Test
    @Order(5)
    void aKilledWorkerNodesRunningJobEndsAsServerLostAndItsQueuedJobsRunOnTheOther() throws Exception {
        TestClient page = TestClient.open(webA.url(), "scale-out");
        try (JobFeed feed = page.feed()) {
            String doomed = steps(page, "doomed", 600, 100);
            String node = FeedText.text(feed.await(doomed, "progress", END)).substring(ScaleOutApp.NODE_PREFIX.length());
            ServerProcess victim = node.equals(workerB.nodeName()) ? workerB : workerD;
            ServerProcess survivor = victim == workerB ? workerD : workerB;
            // keep the survivor busy too, so the next jobs wait: one held by each node's consumer, others on the queue
            String busy = steps(page, "busy", 20, 100);
            List<String> waiting = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                waiting.add(steps(page, "waiting" + i, 1, 0));
            }
            Thread.sleep(500);
            victim.kill();

            TestSocket.Received lost = feed.awaitEnd(doomed, Duration.ofSeconds(40));
            assertEquals("error", lost.type(), lost.json().toString());
            assertTrue(lost.json().toString().contains("server lost"), lost.json().toString());
            for (String job : with(waiting, busy)) {
                assertEquals(survivor.nodeName(), FeedText.ranOn(feed.await(job, "done", END)),
                        "after the kill every waiting job ran on the surviving worker: " + job);
            }
            assertNotEquals(victim.nodeName(), survivor.nodeName());
        }
    }

    private static String steps(TestClient page, String tag, int n, long pauseMillis) throws Exception {
        return page.submit("steps-out.children", new Object[][] {{"steps", "value", tag}},
                new Object[][] {{"steps-n", "value", n}, {"steps-pause", "value", pauseMillis}});
    }

    private static boolean isText(TestSocket.Received progress) {
        return progress.json().getJsonArray("progress").get(0).getValueType() == jakarta.json.JsonValue.ValueType.STRING;
    }

    private static <T> List<T> with(List<T> list, T more) {
        List<T> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** What the tests read from the job API's events. */
    private static final class FeedText {

        static String children(TestSocket.Received done, String id) {
            JsonObject response = JobFeed.response(done);
            return response.getJsonObject(id).getString("children");
        }

        /** The node a "done" job ran on: its answer is "<tag> on <node>". */
        static String ranOn(TestSocket.Received done) {
            String result = children(done, "steps-out");
            return result.substring(result.indexOf(" on ") + " on ".length());
        }

        static String text(TestSocket.Received progress) {
            return progress.json().getJsonArray("progress").getString(0);
        }
    }
}
