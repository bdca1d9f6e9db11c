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
    private static final String ADMIN_ROLE = "jdash-admin";
    private static final String OPERATOR = "operator";
    private static final String PASSWORD = "scale-out-1!";
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
                "-Djdash.queue-audit-seconds=3",
                // the throughput run queues a few hundred jobs of one page at once
                "-Djdash.max-jobs-per-session=1000", "-Djdash.max-queued-jobs-per-owner=1000",
                "-Djdash.max-jobs-per-client=1000");
        webA = new ServerProcess("scale-web-a", war, BASE_OFFSET, with(common, "-Djdash.worker=false"));
        workerB = new ServerProcess("scale-worker-b", war, BASE_OFFSET + 10, common);
        // web node C also serves the job admin view, to an operator of its realm
        webC = new ServerProcess("scale-web-c", war, BASE_OFFSET + 20, with(with(common, "-Djdash.worker=false"),
                "-Djdash.admin-role=" + ADMIN_ROLE));
        AdminViewClient.addUser(webC.configuration(), OPERATOR, PASSWORD, ADMIN_ROLE);
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

    /**
     * Jobs/s with one worker node and with two (one worker each, so each node runs one job at a time): the same
     * {@value #THROUGHPUT_JOBS} short jobs from web node A, first with worker node D paused at run time (its delivery
     * group made inactive by the management operation an operator would use), then with both. Asserts only that every
     * job ran, on the nodes allowed; the figures go to {@code target/scale-out-throughput.txt} (docs/benchmarks.md).
     */
    @Test
    @Order(5)
    void jobsPerSecondWithOneWorkerNodeAndWithTwo() throws Exception {
        TestClient page = TestClient.open(webA.url(), "scale-out");
        setWorkersActive(workerD, false);
        double oneNode;
        try {
            oneNode = jobsPerSecond(page, "one-node", Set.of(workerB.nodeName()));
        } finally {
            setWorkersActive(workerD, true);
        }
        double twoNodes = jobsPerSecond(page, "two-nodes", Set.of(workerB.nodeName(), workerD.nodeName()));
        String figures = String.format(java.util.Locale.ROOT, "%d jobs of 20 ms, one worker per node: 1 worker node"
                + " %.1f jobs/s, 2 worker nodes %.1f jobs/s (x%.2f)%n", THROUGHPUT_JOBS, oneNode, twoNodes, twoNodes / oneNode);
        System.out.print(figures);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "scale-out-throughput.txt"), figures);
    }

    private static final int THROUGHPUT_JOBS = 200;

    private static void setWorkersActive(ServerProcess node, boolean active) throws Exception {
        node.manage("write-attribute", Map.of("name", "active", "value", String.valueOf(active)),
                "subsystem", "ejb3", "mdb-delivery-group", "jdash-workers");
    }

    private static double jobsPerSecond(TestClient page, String tag, Set<String> allowed) throws Exception {
        long start = System.nanoTime();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < THROUGHPUT_JOBS; i++) {
            jobs.add(steps(page, tag + i, 1, 20));
        }
        Set<String> ranOn = new HashSet<>();
        try (JobFeed feed = page.feed()) {
            for (String job : jobs) {
                ranOn.add(FeedText.ranOn(feed.await(job, "done", Duration.ofMinutes(2))));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(allowed, ranOn, tag + ": the jobs ran on the worker nodes whose workers are active, all of them");
        return THROUGHPUT_JOBS / seconds;
    }

    /**
     * Issue 14's two meanings of order with several worker nodes, measured: on the default (shared) queue each node's
     * consumer takes the next message when it has a free worker, so both nodes run jobs and each node starts its share
     * in submission order; on an exclusive queue (the broker's {@code exclusive="true"}) one consumer of all the nodes'
     * is active, so every job runs on one node, all in one start order. Figures appended to
     * {@code target/scale-out-throughput.txt}.
     */
    @Test
    @Order(6)
    void theSharedQueueSpreadsJobsKeepingEachNodesStartOrderAnExclusiveOneKeepsOneOrderOnOneNode() throws Exception {
        TestClient page = TestClient.open(webA.url(), "scale-out");
        double shared = startOrder(page, "steps", "shared-", false);
        double exclusive = startOrder(page, "ordered", "exclusive-", true);
        String figures = String.format(java.util.Locale.ROOT, "%d jobs of 20 ms on 2 worker nodes: shared queue %.1f"
                + " jobs/s (each node's start order kept), exclusive queue %.1f jobs/s (one start order, one node)%n",
                ORDER_JOBS, shared, exclusive);
        System.out.print(figures);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "scale-out-throughput.txt"), figures,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static final int ORDER_JOBS = 60;

    /** Submits {@link #ORDER_JOBS} jobs of {@code callback}, checks the start order they ran in, returns jobs/s. */
    private static double startOrder(TestClient page, String callback, String tag, boolean oneNode) throws Exception {
        long start = System.nanoTime();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < ORDER_JOBS; i++) {
            jobs.add(page.submit(callback + "-out.children", new Object[][] {{callback, "value", tag + i}},
                    new Object[][] {{callback + "-n", "value", 1}, {callback + "-pause", "value", 20}}));
        }
        Map<String, List<Long>> startsByNode = new java.util.TreeMap<>();
        try (JobFeed feed = page.feed()) {
            for (String job : jobs) {
                TestSocket.Received done = feed.await(job, "done", Duration.ofMinutes(2));
                startsByNode.computeIfAbsent(FeedText.ranOn(done, callback + "-out"), node -> new ArrayList<>())
                        .add(FeedText.startNumber(done, callback + "-out"));
            }
        }
        double jobsPerSecond = ORDER_JOBS / ((System.nanoTime() - start) / 1e9);
        startsByNode.forEach((node, starts) -> assertEquals(starts.stream().sorted().toList(), starts,
                tag + ": node " + node + " started its jobs in the order they were submitted"));
        if (oneNode) {
            assertEquals(1, startsByNode.size(), tag + ": one consumer of the exclusive queue ran them all " + startsByNode);
        } else {
            assertEquals(Set.of(workerB.nodeName(), workerD.nodeName()), startsByNode.keySet(), tag + ": both nodes");
        }
        return jobsPerSecond;
    }

    @Test
    @Order(7)
    void anOperatorOnAnotherWebNodeRemovesAWaitingJobAndCancelsARunningOne() throws Exception {
        TestClient alice = TestClient.open(webA.url(), "scale-out");
        TestClient operator = TestClient.openAs(webC.url(), AdminViewClient.VIEW, OPERATOR, PASSWORD);
        try (JobFeed feed = alice.feed()) {
            String running = steps(alice, "operator-running", 600, 100);
            String other = steps(alice, "operator-other", 600, 100);
            feed.await(running, "progress", END);
            feed.await(other, "progress", END);
            // both workers busy: the next two are held by the two nodes' consumers, the third stays on the queue
            List<String> held = List.of(steps(alice, "operator-held-1", 1, 0), steps(alice, "operator-held-2", 1, 0));
            String waiting = steps(alice, "operator-waiting", 1, 0);

            String removed = AdminViewClient.act(operator, "jdash-admin-remove", waiting);
            assertTrue(removed.contains("removed"), removed);
            TestSocket.Received end = feed.awaitEnd(waiting, Duration.ofSeconds(10));
            assertEquals("error", end.type(), "alice's page on A hears the removal on C: " + end.json());
            assertEquals("removed from its queue by an operator: the job did not run", end.json().getString("message"));

            String cancelled = AdminViewClient.act(operator, "jdash-admin-cancel", running);
            assertTrue(cancelled.contains("cancel asked"), cancelled);
            assertEquals("cancelled", feed.awaitEnd(running, Duration.ofSeconds(10)).type(),
                    "the job on its worker node stops, and alice's page on A hears it");
            assertEquals(204, alice.deleteJob(other).statusCode());
            for (String job : held) {
                assertEquals("done", feed.awaitEnd(job, END).type(), job);
            }
            assertTrue(feed.of(waiting).stream().noneMatch(event -> event.type().equals("running")),
                    "the removed job never ran: " + feed.of(waiting));
        }
    }

    @Test
    @Order(8)
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

        /** The node a "done" job of {@code steps} ran on: its answer is "<tag> on <node> #<k>". */
        static String ranOn(TestSocket.Received done) {
            return ranOn(done, "steps-out");
        }

        static String ranOn(TestSocket.Received done, String output) {
            String result = children(done, output);
            return result.substring(result.indexOf(" on ") + " on ".length(), result.lastIndexOf(" #"));
        }

        /** Which job its node's JVM started it as (1, 2, …): the "k" of "<tag> on <node> #<k>". */
        static long startNumber(TestSocket.Received done, String output) {
            String result = children(done, output);
            return Long.parseLong(result.substring(result.lastIndexOf(" #") + 2));
        }

        static String text(TestSocket.Received progress) {
            return progress.json().getJsonArray("progress").getString(0);
        }
    }
}
