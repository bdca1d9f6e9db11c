package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;

/**
 * What every background manager must do, spoken to the deployed WAR as a client of Dash's HTTP background protocol
 * (a job's first answer names it; Dash's {@code cancelJob}) and of the session's job API, which tells each job's
 * recorded events ({@link JobFeed}: what the manager did, event by event; what a page sees of them is
 * {@link ProgressPushIT}'s and the browser tests' concern). Run once
 * per manager by {@link BackgroundJmsIT} (production: JMS + MDB + Jakarta Batch) and {@link BackgroundLocalIT}
 * (local), against the identical apps {@link BgJmsApp} and {@link BgLocalApp}.
 */
abstract class BackgroundContract {

    static final Duration END = Duration.ofSeconds(30);
    static final long CANCEL_BOUND_MILLIS = 200;

    @ArquillianResource
    URL base;

    /** The slug of the app on the manager under test. */
    abstract String slug();

    /** The slug of the app on the manager under test whose queue has a pool of workers ({@link BgJmsPoolApp}). */
    abstract String poolSlug();

    /** Fails unless a job ran on a thread of the manager under test (guards against both apps sharing one). */
    abstract void assertRanOnManagerThread(String threadName);

    TestClient session() throws Exception {
        return TestClient.open(base, slug());
    }

    /** A tag prefix no other test (or earlier run) uses. */
    static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    static List<String> types(List<TestSocket.Received> events) {
        return events.stream().map(TestSocket.Received::type).filter(type -> !type.equals("attach")).toList();
    }

    static List<Long> seqs(List<TestSocket.Received> events) {
        return events.stream().filter(e -> !e.type().equals("attach"))
                .map(e -> e.json().getJsonNumber("seq").longValue()).toList();
    }

    static String workResult(TestSocket.Received done) {
        return done.json().getJsonObject("response").getJsonObject("work-out").getString("children");
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    void log(String format, Object... args) {
        System.out.printf("[" + slug() + "] " + format + "%n", args);
    }

    /** Releases a "hold" job when the test ends, however it ends, so a failure does not block the queue. */
    static AutoCloseable releasing(TestClient page, String tag) {
        return () -> page.release(tag);
    }

    @Test
    void jobEndsDoneWithItsResultInTheJobApiAndInDashsPolling() throws Exception {
        TestClient page = session();
        String tag = prefix() + "done";
        try (JobFeed socket = page.feed()) {
            String job = page.work(tag, 0, "ok");
            TestSocket.Received done = socket.await(job, "done", END);
            assertEquals("done " + tag, workResult(done));
            assertEquals("work-out.children", done.json().getString("callback"));

            JsonObject polled = TestClient.object(page.pollJob(job, -1));
            assertEquals("DONE", polled.getString("state"));
            JsonArray events = polled.getJsonArray("events");
            JsonObject last = events.getJsonObject(events.size() - 1);
            assertEquals("done", last.getString("type"));
            assertEquals("done " + tag, last.getJsonObject("response").getJsonObject("work-out").getString("children"));
            JsonArray afterCursor = TestClient.object(page.pollJob(job, last.getInt("seq") - 1)).getJsonArray("events");
            assertEquals(1, afterCursor.size(), "the cursor skips the events already seen: " + afterCursor);

            // Dash's polling answers the same end: the outputs, in one answer
            HttpResponse<String> dashPoll = page.postJson("apps/" + slug() + "/_dash-update-component?cacheKey=" + job
                    + "&job=" + job, TestClient.updateBody("work-out.children", new Object[][] {{"work", "value", tag}},
                    new Object[0][]));
            assertEquals(200, dashPoll.statusCode(), dashPoll.body());
            assertEquals("done " + tag, TestClient.object(dashPoll).getJsonObject("response").getJsonObject("work-out")
                    .getString("children"), dashPoll.body());

            JsonArray ledger = page.ledger(tag);
            assertEquals(1, ledger.size());
            assertRanOnManagerThread(ledger.getJsonObject(0).getString("thread"));
        }
    }

    @Test
    void aCachedResultIsSharedAcrossPagesWithoutAJobUntilItsKeyChanges() throws Exception {
        String tag = prefix() + "cached";
        TestClient first = session();
        TestClient second = session(); // another page (another owner): Dash's cache is shared
        try (JobFeed one = first.feed()) {
            String job = first.submit("cached-out.children", new Object[][] {{"cached", "value", tag}},
                    new Object[][] {{"cached-note", "value", "first"}});
            assertEquals("computed " + tag + " (first)", workResultOf(one.await(job, "done", END), "cached-out"));

            // a cache hit: Dash's first answer has the outputs at once, no job to follow
            HttpResponse<String> hit = second.update("cached-out.children", new Object[][] {{"cached", "value", tag}},
                    new Object[][] {{"cached-note", "value", "second, ignored"}});
            assertEquals(200, hit.statusCode(), hit.body());
            assertEquals("computed " + tag + " (first)", TestClient.object(hit).getJsonObject("response")
                    .getJsonObject("cached-out").getString("children"), "the result kept, the note ignored: " + hit.body());
            assertEquals(1, first.ledger(tag).size(), "the cached call ran no job");

            assertEquals(200, first.update("epoch-out.children", new Object[][] {{"epoch", "value", tag}},
                    new Object[0][]).statusCode(), "a new cacheBy value on the server");
            String afterEpoch = first.submit("cached-out.children", new Object[][] {{"cached", "value", tag}},
                    new Object[][] {{"cached-note", "value", "third"}});
            assertEquals("computed " + tag + " (third)", workResultOf(one.await(afterEpoch, "done", END), "cached-out"));
            assertEquals(2, first.ledger(tag).size(), "a new cacheBy value is a new key: it ran");
        }
    }

    private static String workResultOf(TestSocket.Received done, String id) {
        return done.json().getJsonObject("response").getJsonObject(id).getString("children");
    }

    @Test
    void eventsGoAcceptedRunningThenDoneWithConsecutiveSeqs() throws Exception {
        TestClient page = session();
        String tag = prefix() + "order";
        try (JobFeed socket = page.feed()) {
            String job = page.work(tag, 20, "ok");
            socket.await(job, "done", END);
            List<TestSocket.Received> events = socket.of(job);
            assertEquals(List.of("accepted", "running", "set_props", "done"), types(events));
            assertEquals(List.of(0L, 1L, 2L, 3L), seqs(events));
            JsonObject setProps = events.get(2).json();
            assertEquals("work-out", setProps.getString("id"));
            assertEquals("started " + tag, setProps.getJsonObject("props").getString("title"));
        }
    }

    @Test
    void aResultWithNumbersJsonCannotHoldStillEndsAndThePageHearsHow() throws Exception {
        TestClient page = session();
        String p = prefix();
        try (JobFeed socket = page.feed()) {
            // NaN and Infinity in a list go as null, as Dash writes them
            TestSocket.Received done = socket.awaitEnd(page.work(p + "nan", 0, "nan"), END);
            assertEquals("done", done.type(), done.json().toString());
            assertEquals("[null,1.5,null]",
                    done.json().getJsonObject("response").getJsonObject("work-out").get("children").toString());
            // a NaN JSON-B cannot write at all: the job ends with an error that says so, instead of never ending
            String stuck = page.work(p + "nan-record", 0, "nan-record");
            TestSocket.Received error = socket.awaitEnd(stuck, END);
            assertEquals("error", error.type(), error.json().toString());
            assertTrue(error.json().getString("message").contains("cannot be sent to the page as JSON"),
                    error.json().toString());
            assertEquals("FAILED", TestClient.object(page.pollJob(stuck, -1)).getString("state"));
        }
    }

    @Test
    void aResultOrSetPropsOverTheSizeLimitEndsTheJobWithAnErrorAndNothingOfItIsKept() throws Exception {
        TestClient page = session();
        String p = prefix();
        try (JobFeed socket = page.feed()) {
            for (String mode : new String[] {"huge", "huge-props"}) {
                String job = page.work(p + mode, 0, mode);
                TestSocket.Received error = socket.awaitEnd(job, END);
                assertEquals("error", error.type(), mode);
                String message = error.json().getString("message");
                assertTrue(message.contains("over the limit of 2097152 bytes (jdash.max-result-bytes)")
                        && message.contains(mode.equals("huge") ? "the job's result of" : "a setProps of"), message);
                String stored = page.pollJob(job, -1).body();
                assertEquals("FAILED", TestClient.object(page.pollJob(job, -1)).getString("state"));
                assertTrue(stored.length() < 10_000, "the oversized value is nowhere in the job's record: "
                        + stored.length() + " characters");
            }
            String next = page.work(p + "after", 0, "ok");
            assertEquals("done", socket.awaitEnd(next, END).type(), "the next job runs as usual");
        }
    }

    @Test
    void exceptionReachesThePageAsErrorWithItsMessageAndTheServerKeepsWorking() throws Exception {
        TestClient page = session();
        String p = prefix();
        try (JobFeed socket = page.feed()) {
            String failing = page.work(p + "fail", 0, "fail");
            TestSocket.Received error = socket.awaitEnd(failing, END);
            assertEquals("error", error.type(), error.json().toString());
            assertTrue(error.json().getString("message").contains("job " + p + "fail failed on purpose"),
                    error.json().toString());
            assertEquals(List.of("accepted", "running", "set_props", "error"), types(socket.of(failing)));
            assertEquals("FAILED", TestClient.object(page.pollJob(failing, -1)).getString("state"));

            // the same queue, the same session and a new session all carry on
            String next = page.work(p + "after", 0, "ok");
            assertEquals("done " + p + "after", workResult(socket.await(next, "done", END)));
            TestClient other = session();
            try (JobFeed otherSocket = other.feed()) {
                String third = other.work(p + "other", 0, "ok");
                assertEquals("done " + p + "other", workResult(otherSocket.await(third, "done", END)));
            }
        }
    }

    @Test
    void jobCancelledWhileQueuedNeverStartsAndThePageHearsCancelled() throws Exception {
        TestClient page = session();
        String p = prefix();
        try (JobFeed socket = page.feed(); var release = releasing(page, p + "blocker")) {
            String blocker = page.work(p + "blocker", 0, "hold");
            socket.await(blocker, "set_props", END); // its code runs: the queue is busy
            String bySocket = page.work(p + "queued-cancel-input", 0, "ok");
            String byDelete = page.work(p + "queued-delete", 0, "ok");
            socket.await(byDelete, "accepted", END);

            page.cancelJob(BgTestApp.WORK_CANCEL, bySocket);
            socket.await(bySocket, "cancelled", END);
            assertEquals(204, page.deleteJob(byDelete).statusCode());
            socket.await(byDelete, "cancelled", END);
            assertEquals("CANCELLED", TestClient.object(page.pollJob(bySocket, -1)).getString("state"));

            page.release(p + "blocker");
            assertEquals("done " + p + "blocker", workResult(socket.await(blocker, "done", END)));
            // a job queued behind the cancelled ones: once it is done, their turns have come and gone
            String after = page.work(p + "after", 0, "ok");
            socket.await(after, "done", END);

            List<String> ran = page.ledger(p).stream().map(run -> run.asJsonObject().getString("tag")).toList();
            assertEquals(List.of(p + "blocker", p + "after"), ran, "a job cancelled while queued must never run");
            assertEquals(List.of("accepted", "cancelled"), types(socket.of(bySocket)));
            assertEquals(List.of("accepted", "cancelled"), types(socket.of(byDelete)));
        }
    }

    @Test
    void runningJobStopsWithin200msOfItsCancelInput() throws Exception {
        cancelRunning(true);
    }

    @Test
    void runningJobStopsWithin200msOfADelete() throws Exception {
        cancelRunning(false);
    }

    private void cancelRunning(boolean byCancelInput) throws Exception {
        TestClient page = session();
        String p = prefix();
        List<Long> latencies = new ArrayList<>();
        try (JobFeed socket = page.feed()) {
            for (int round = 0; round < 4; round++) { // round 0 warms the path up (first cancel of a fresh server)
                String tag = p + "long" + round;
                String job = page.work(tag, 60_000, "ok");
                socket.await(job, "set_props", END); // its code has begun: it is in, or about to enter, job.sleep(60 s)
                long sent;
                if (byCancelInput) {
                    sent = page.cancelJob(BgTestApp.WORK_CANCEL, job);
                } else {
                    sent = System.nanoTime();
                    assertEquals(204, page.deleteJob(job).statusCode());
                }
                TestSocket.Received cancelled = socket.awaitEnd(job, END);
                assertEquals("cancelled", cancelled.type(), cancelled.json().toString());
                if (round > 0) {
                    latencies.add(millis(cancelled.atNanos() - sent));
                }

                // it really stopped: the worker is free long before the 60 s sleep would end
                String next = page.work(p + "next" + round, 0, "ok");
                socket.await(next, "done", Duration.ofSeconds(10));
                JsonObject run = page.ledger(tag).getJsonObject(0);
                assertEquals(-1, run.getJsonNumber("end").longValue(), "the cancelled job's code went on: " + run);
                assertEquals(List.of("accepted", "running", "set_props", "cancelled"), types(socket.of(job)));
            }
        }
        log("cancel of a running job (%s) -> 'cancelled' in the job API: %s ms", byCancelInput ? "cancel input" : "DELETE",
                latencies);
        for (long latency : latencies) {
            assertTrue(latency < CANCEL_BOUND_MILLIS, "cancelled after " + latency + " ms; rounds: " + latencies);
        }
    }

    @Test
    void aJobPastItsTimeLimitIsStoppedAndEndsAsAnErrorThatSaysSo() throws Exception {
        TestClient page = session();
        String tag = prefix() + "limit";
        try (JobFeed feed = page.feed(); AutoCloseable release = releasing(page, tag)) {
            String job = page.limited(tag, "hold");
            TestSocket.Received end = feed.awaitEnd(job, END);
            assertEquals("error", end.type(), end.json().toString());
            assertEquals("the job ran past its time limit of 800 ms and was stopped", end.json().getString("message"));
            assertEquals("FAILED", feed.state(job));
            assertEquals(-1, codeEnd(page, tag), "its code stopped before its end");
        }
    }

    @Test
    void aJobWhoseCodeIgnoresItsTimeLimitIsGivenUpAndItsWorkerRunsTheNextJob() throws Exception {
        TestClient page = session();
        String p = prefix();
        String tag = p + "stubborn";
        try (JobFeed feed = page.feed(); AutoCloseable release = releasing(page, tag)) {
            String job = page.limited(tag, "ignore");
            String next = page.work(p + "after", 0, "ok"); // the queue's one worker is the stubborn job's
            TestSocket.Received end = feed.awaitEnd(job, END);
            assertEquals("error", end.type(), end.json().toString());
            assertEquals("the job ran past its time limit of 800 ms and was stopped; its code did not stop within 1 s,"
                    + " so its worker was given up", end.json().getString("message"));
            assertEquals("done", feed.awaitEnd(next, END).type(), "the next job ran on the freed worker");
            assertEquals(-1, codeEnd(page, tag), "the given-up code still runs while the next job ran");

            page.release(tag); // the stubborn code returns at last: what it returns is dropped
            awaitLedgerEnd(page, tag);
            Thread.sleep(200);
            assertEquals(List.of("accepted", "running", "error"), types(feed.of(job)), "one end, the given-up one");
            assertEquals("done", feed.awaitEnd(page.work(p + "later", 0, "ok"), END).type(), "the queue still runs");
        }
    }

    @Test
    void aCancelledJobWhoseCodeIgnoresTheCancelIsGivenUpAndItsWorkerFreed() throws Exception {
        TestClient page = session();
        String p = prefix();
        String tag = p + "deaf";
        try (JobFeed feed = page.feed(); AutoCloseable release = releasing(page, tag)) {
            String job = page.work(tag, 0, "ignore");
            feed.await(job, "set_props", END);
            String next = page.work(p + "after", 0, "ok");
            assertEquals(204, page.deleteJob(job).statusCode());
            assertEquals("cancelled", feed.awaitEnd(job, END).type());
            assertEquals("done", feed.awaitEnd(next, END).type(), "the next job ran on the freed worker");
            assertEquals(-1, codeEnd(page, tag), "the cancelled code went on");
        }
    }

    @Test
    void aJobStillQueuedPastItsExpiryEndsAsExpiredWithoutRunning() throws Exception {
        TestClient page = session();
        String p = prefix();
        String holder = p + "holder";
        try (JobFeed feed = page.feed(); AutoCloseable release = releasing(page, holder)) {
            String busy = page.work(holder, 0, "hold"); // the queue's one worker
            feed.await(busy, "set_props", END);
            String late = page.limited(p + "late", "quick");
            Thread.sleep(BgTestApp.EXPIRES.toMillis() + 300);
            page.release(holder);
            TestSocket.Received end = feed.awaitEnd(late, END);
            assertEquals("expired", end.type(), end.json().toString());
            assertTrue(end.json().getString("message").startsWith("expired: "), end.json().toString());
            assertEquals(List.of("accepted", "expired"), types(feed.of(late)), "it never ran");
            assertEquals("EXPIRED", feed.state(late));
            assertEquals(0, page.ledger(p + "late").size(), "its code never ran");
            assertEquals("done", feed.awaitEnd(page.limited(p + "fresh", "quick"), END).type(),
                    "a job that does not wait past its expiry runs");
        }
    }

    /** When the code of the job tagged {@code tag} reached its last statement (nanoTime), or -1 while it has not. */
    private static long codeEnd(TestClient page, String tag) throws Exception {
        return page.ledger(tag).getJsonObject(0).getJsonNumber("end").longValue();
    }

    private static void awaitLedgerEnd(TestClient page, String tag) throws Exception {
        long deadline = System.nanoTime() + END.toNanos();
        while (codeEnd(page, tag) == -1) {
            assertTrue(System.nanoTime() < deadline, "the code of " + tag + " never returned");
            Thread.sleep(20);
        }
    }

    @Test
    void upToTheQueuesWorkersRunAtOnceAndTheNextJobInArrivalOrderTakesAFreedWorker() throws Exception {
        TestClient first = TestClient.open(base, poolSlug());
        TestClient second = TestClient.open(base, poolSlug()); // another visitor: neither waits for the other
        String p = prefix();
        int workers = BgJmsPoolApp.WORKERS;
        List<String> tags = java.util.stream.IntStream.range(0, workers + 3).mapToObj(i -> p + "pool" + i).toList();
        List<TestClient> pageOf = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        try (JobFeed firstFeed = first.feed(); JobFeed secondFeed = second.feed();
             AutoCloseable releaseAll = () -> {
                 for (String tag : tags) {
                     first.release(tag);
                 }
             }) {
            for (int i = 0; i < tags.size(); i++) {
                TestClient page = i % 2 == 0 ? first : second;
                pageOf.add(page);
                jobs.add(page.work(tags.get(i), 0, "hold"));
            }
            java.util.function.IntFunction<JobFeed> feedOf = i -> pageOf.get(i) == first ? firstFeed : secondFeed;
            for (int i = 0; i < workers; i++) { // the first ones start together, one on each worker
                feedOf.apply(i).await(jobs.get(i), "set_props", END);
            }
            for (int next = workers; next < tags.size(); next++) {
                Thread.sleep(300); // time enough for a job to start that must not
                for (int waiting = next; waiting < tags.size(); waiting++) {
                    assertEquals(List.of("accepted"), types(feedOf.apply(waiting).of(jobs.get(waiting))),
                            tags.get(waiting) + " started while all " + workers + " workers were busy");
                }
                int freed = next - workers;
                first.release(tags.get(freed));
                assertEquals("done", feedOf.apply(freed).awaitEnd(jobs.get(freed), END).type());
                feedOf.apply(next).await(jobs.get(next), "set_props", END); // the next in arrival order, no other
            }
            for (int i = tags.size() - workers; i < tags.size(); i++) {
                first.release(tags.get(i));
                assertEquals("done", feedOf.apply(i).awaitEnd(jobs.get(i), END).type());
            }
            List<String> started = first.ledger(p).stream().map(run -> run.asJsonObject().getString("tag")).toList();
            assertEquals(java.util.Set.copyOf(tags.subList(0, workers)), java.util.Set.copyOf(started.subList(0, workers)),
                    "the first jobs started together: " + started);
            assertEquals(tags.subList(workers, tags.size()), started.subList(workers, started.size()),
                    "each later job started when a worker was freed, in arrival order");
        }
    }

    /** One submission as the client saw it. */
    record Submitted(String tag, int session, int index, String job, long sentAt, long answeredAt) {
    }

    @Test
    void twoHundredJobsFromFourSessionsRunOneAtATimeInArrivalOrder() throws Exception {
        int sessions = 4;
        int perSession = 50;
        String p = prefix();
        List<TestClient> pages = new ArrayList<>();
        List<JobFeed> sockets = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(sessions);
        try {
            for (int s = 0; s < sessions; s++) {
                pages.add(session());
                sockets.add(pages.get(s).feed());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Submitted>>> work = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                work.add(threads.submit(() -> {
                    go.await();
                    List<Submitted> mine = new ArrayList<>();
                    for (int k = 0; k < perSession; k++) {
                        String tag = p + session + "-" + k;
                        long sentAt = System.nanoTime();
                        String job = pages.get(session).work(tag, 5, "ok");
                        mine.add(new Submitted(tag, session, k, job, sentAt, System.nanoTime()));
                    }
                    return mine;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            List<Submitted> all = new ArrayList<>();
            for (Future<List<Submitted>> each : work) {
                all.addAll(each.get(2, TimeUnit.MINUTES));
            }
            long submitted = System.nanoTime();
            long lastDone = 0;
            for (Submitted job : all) {
                TestSocket.Received end = sockets.get(job.session()).awaitEnd(job.job(), Duration.ofMinutes(2));
                assertEquals("done", end.type(), end.json().toString());
                assertEquals("done " + job.tag(), workResult(end));
                lastDone = Math.max(lastDone, end.atNanos());
            }
            log("%d jobs from %d sessions: submitted in %d ms, all done after %d ms", all.size(), sessions,
                    millis(submitted - start), millis(lastDone - start));

            JsonArray ledger = pages.get(0).ledger(p);
            assertEquals(sessions * perSession, ledger.size(), "every job ran exactly once");
            Map<String, Integer> runIndex = new HashMap<>();
            for (int i = 0; i < ledger.size(); i++) {
                JsonObject run = ledger.getJsonObject(i);
                assertTrue(runIndex.put(run.getString("tag"), i) == null, "ran twice: " + run);
                assertRanOnManagerThread(run.getString("thread"));
                long end = run.getJsonNumber("end").longValue();
                assertTrue(end >= run.getJsonNumber("start").longValue(), "never ended: " + run);
                if (i > 0) {
                    JsonObject previous = ledger.getJsonObject(i - 1);
                    assertTrue(previous.getJsonNumber("end").longValue() <= run.getJsonNumber("start").longValue(),
                            "jobs overlapped: " + previous + " and " + run);
                }
            }
            // one session's jobs run in the order their first answers came
            for (int s = 0; s < sessions; s++) {
                int session = s;
                List<Integer> order = all.stream().filter(job -> job.session() == session)
                        .map(job -> runIndex.get(job.tag())).toList();
                for (int k = 1; k < order.size(); k++) {
                    assertTrue(order.get(k - 1) < order.get(k), "session " + s + " ran out of order: " + order);
                }
            }
            // across sessions: a job answered before another was even sent runs before it
            int pairs = 0;
            for (Submitted first : all) {
                for (Submitted later : all) {
                    if (first.answeredAt() < later.sentAt()) {
                        pairs++;
                        assertTrue(runIndex.get(first.tag()) < runIndex.get(later.tag()),
                                first.tag() + " was accepted before " + later.tag() + " was sent, but ran after it");
                    }
                }
            }
            assertTrue(pairs > all.size(), "the arrival-order check compared too few pairs: " + pairs);
        } finally {
            threads.shutdownNow();
            sockets.forEach(JobFeed::close);
        }
    }

    @Test
    void aThousandEventsOfOneJobArriveInOrderNoneMissing() throws Exception {
        int n = 1000;
        TestClient page = session();
        try (JobFeed socket = page.feed()) {
            long start = System.nanoTime();
            String job = page.stream(n);
            TestSocket.Received done = socket.await(job, "done", Duration.ofSeconds(60));
            log("%d events of one job were recorded in %d ms", n, millis(done.atNanos() - start));
            assertEquals(n, done.json().getJsonObject("response").getJsonObject("stream-out").getInt("children"));

            List<TestSocket.Received> events = socket.of(job).stream().filter(e -> !e.type().equals("attach")).toList();
            assertEquals(n + 3, events.size(), "accepted, running, " + n + " events, done");
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i, events.get(i).json().getJsonNumber("seq").longValue(), "seq at position " + i);
            }
            assertEquals("accepted", events.get(0).type());
            assertEquals("running", events.get(1).type());
            for (int i = 0; i < n; i++) {
                JsonObject event = events.get(i + 2).json();
                if (i % 2 == 0) {
                    assertEquals("set_props", event.getString("type"), event.toString());
                    assertEquals("stream-target", event.getString("id"));
                    assertEquals(i, event.getJsonObject("props").getInt("children"), event.toString());
                } else {
                    assertEquals("progress", event.getString("type"), event.toString());
                    assertEquals(i, event.getJsonArray("progress").getInt(0), event.toString());
                }
            }
            assertEquals("done", events.get(n + 2).type());

            // Dash's polling carries every one of them too, in order (where Dash's own keeps only the latest)
            List<Integer> targets = new ArrayList<>();
            List<Integer> progress = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String body = TestClient.updateBody("stream-out.children", new Object[][] {{"stream", "value", n}},
                    new Object[0][]);
            while (true) {
                assertTrue(System.nanoTime() < deadline, "Dash's polling never answered the end");
                HttpResponse<String> poll = page.postJson("apps/" + slug() + "/_dash-update-component?cacheKey=" + job
                        + "&job=" + job, body);
                assertEquals(200, poll.statusCode(), poll.body());
                JsonObject answer = TestClient.object(poll);
                if (answer.containsKey("sideUpdate")) {
                    targets.add(answer.getJsonObject("sideUpdate").getJsonObject("stream-target").getInt("children"));
                }
                if (answer.containsKey("progress")) {
                    progress.add(answer.getJsonObject("progress").getInt("stream-progress.children"));
                }
                if (answer.containsKey("response")) {
                    assertEquals(n, answer.getJsonObject("response").getJsonObject("stream-out").getInt("children"));
                    break;
                }
            }
            assertEquals(java.util.stream.IntStream.range(0, n).filter(i -> i % 2 == 0).boxed().toList(), targets,
                    "every set_props, in order");
            assertEquals(java.util.stream.IntStream.range(0, n).filter(i -> i % 2 == 1).boxed().toList(), progress,
                    "every progress, in order");
        }
    }

    @Test
    void anotherSessionCanNeitherSeeNorCancelAJob() throws Exception {
        TestClient owner = session();
        TestClient stranger = session();
        String p = prefix();
        try (JobFeed ownerFeed = owner.feed(); JobFeed strangerFeed = stranger.feed();
             RendererSocket strangerPage = RendererSocket.open(stranger);
             var release = releasing(owner, p + "owned"); var releaseOwn = releasing(stranger, p + "stranger")) {
            String job = owner.work(p + "owned", 0, "hold");
            ownerFeed.await(job, "set_props", END);
            assertEquals(200, owner.pollJob(job, -1).statusCode(), "the owner sees it");

            String unknown = UUID.randomUUID().toString();
            HttpResponse<String> unknownGet = stranger.pollJob(unknown, -1);
            assertEquals(404, unknownGet.statusCode());
            for (HttpResponse<String> refused : List.of(stranger.pollJob(job, -1), stranger.deleteJob(job),
                    TestClient.withoutCookies(base, slug()).pollJob(job, -1))) {
                assertEquals(404, refused.statusCode(), refused.body());
                assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                String error = TestClient.object(refused).getString("error");
                assertFalse(error.isBlank());
                assertEquals(TestClient.object(unknownGet).getString("error").replace(unknown, job), error,
                        "a foreign job answers exactly as an unknown id");
            }
            HttpResponse<String> noToken = TestClient.withoutCookies(base, slug()).deleteJob(job);
            assertEquals(403, noToken.statusCode(), "a cancel without owner cookie and CSRF token: " + noToken.body());
            HttpResponse<String> foreignPoll = stranger.postJson("apps/" + slug() + "/_dash-update-component?cacheKey="
                    + job + "&job=" + job, TestClient.updateBody("work-out.children",
                    new Object[][] {{"work", "value", p + "owned"}}, new Object[0][]));
            assertEquals(404, foreignPoll.statusCode(), "Dash's poll of another session's job: " + foreignPoll.body());

            // Dash's cancel of the owner's job from the stranger's session, then of the stranger's own job (held, so it
            // is still going): the first must have no effect, the second cancels
            String own = stranger.work(p + "stranger", 0, "hold");
            stranger.cancelJob(BgTestApp.WORK_CANCEL, job);
            stranger.cancelJob(BgTestApp.WORK_CANCEL, own);
            strangerFeed.await(own, "cancelled", END);

            owner.release(p + "owned");
            TestSocket.Received end = ownerFeed.awaitEnd(job, END);
            assertEquals("done", end.type(), "the stranger's cancel must have no effect: " + end.json());
            assertTrue(owner.ledger(p + "owned").getJsonObject(0).getJsonNumber("end").longValue() > 0);

            // the stranger's page, open all along on Dash's socket, heard nothing of the owner's job: once a
            // heartbeat it sent after the job's end is answered, it has heard all it ever will
            strangerPage.socket().send("{\"type\":\"heartbeat\"}");
            strangerPage.socket().await(m -> m.type().equals("heartbeat_ack"), END, "heartbeat_ack");
            assertEquals(List.of(), strangerPage.setProps(), "the stranger's page heard the owner's job");
        }
    }

    @Test
    void socketWithoutASessionIsClosed() throws Exception {
        var uri = java.net.URI.create(base.toString()).resolve("apps/" + slug() + "/_dash-ws");
        try (TestSocket socket = TestSocket.connect(uri, "")) {
            String closed = socket.awaitClosed(Duration.ofSeconds(10));
            assertTrue(closed.startsWith("1008"), closed);
        }
    }
}
