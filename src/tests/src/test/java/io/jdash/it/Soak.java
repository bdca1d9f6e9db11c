package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Mixed load for a while (issue 7's soak), paced so that it is a steady load rather than a saturating one: no-op
 * production jobs from two pages, paced progress jobs, ordinary hello callbacks, and pages whose socket drops
 * while their job runs and reconnects. Every job is a background request of a page load on its app's
 * {@code _dash-ws} socket, answered at the job's end; a page whose socket dropped says hello again with the same
 * renderer id on a new socket and takes its job up (its state so far as {@code set_props} in one batch, its end as
 * {@code set_props}: the old request died with the old socket). Every {@code sampleEvery} the server's live heap
 * (after a full GC) and RSS are sampled. Any failed request or job fails the run.
 *
 * <p>The reconnecting pages use BenchApp's progress job (50 ms) rather than a no-op, so that the job usually
 * still runs when the socket drops. The no-op pages use NoOpApp, whose jobs keep nothing; BenchApp's queue
 * callbacks are not used here, since their start ledger would grow.
 */
final class Soak {

    /** One sample: seconds since the soak started, live heap after a full GC, RSS. */
    record Sample(double seconds, long liveHeapBytes, long rssKib) {
    }

    /** What the soak did and saw. */
    record Result(List<Sample> samples, long jobs, long progressJobs, long callbacks, long reconnects, long endsByPoll,
                  List<String> socketDrops) {
    }

    private static final long JOB_PAUSE_MILLIS = 50;
    private static final int PROGRESS_UPDATES = 20;
    private static final int RECONNECT_UPDATES = 10;

    private final URL base;
    private final ServerJvm server;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong progressJobs = new AtomicLong();
    private final AtomicLong callbacks = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong endsByPoll = new AtomicLong();
    private final List<String> socketDrops = new ArrayList<>();

    Soak(URL base, ServerJvm server) {
        this.base = base;
        this.server = server;
    }

    Result run(Duration length, Duration sampleEvery) throws Exception {
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            load.add(loop(this::jobLoop));
            load.add(loop(this::callbackLoop));
        }
        load.add(loop(this::progressLoop));
        load.add(loop(this::reconnectLoop));
        List<Sample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (long next = sampleEvery.toNanos(); next <= length.toNanos(); next += sampleEvery.toNanos()) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, t0 + next - System.nanoTime()));
                assertEquals(null, failure.get(), "the soak's load runs without a failure");
                samples.add(new Sample((System.nanoTime() - t0) / 1e9, server.liveHeapBytes(), server.rssKib()));
            }
        } finally {
            running.set(false);
            for (Thread thread : load) {
                thread.join(60_000);
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("the soak's load failed", failure.get());
        }
        assertTrue(jobs.get() > 0 && progressJobs.get() > 0 && callbacks.get() > 0 && reconnects.get() > 0,
                "every kind of load ran: " + jobs + " jobs, " + progressJobs + " progress jobs, " + callbacks
                        + " callbacks, " + reconnects + " reconnects");
        return new Result(samples, jobs.get(), progressJobs.get(), callbacks.get(), reconnects.get(),
                endsByPoll.get(), List.copyOf(socketDrops));
    }

    private interface Body {
        void run() throws Exception;
    }

    private Thread loop(Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        thread.start();
        return thread;
    }

    /** A page submitting no-op production jobs one after another, each awaited on its socket. */
    private void jobLoop() throws Exception {
        String pageLoad = pageLoad();
        BlockingQueue<JsonObject> heard = new LinkedBlockingQueue<>();
        try (var page = new BenchmarkIT.Client(base, "noop").connect((at, message) -> heard.add(message))) {
            page.hello(pageLoad);
            for (int i = 1; running.get(); i++) {
                page.request(pageLoad, pageLoad + "-" + i, "jms-out.children", "jms", "n_clicks", i);
                awaitEndReconnecting(page, pageLoad, heard, "jms-out", Json.createValue(i));
                jobs.incrementAndGet();
                Thread.sleep(JOB_PAUSE_MILLIS);
            }
        }
    }

    /** A page running paced progress jobs (BenchApp's, production manager), each heard to its end. */
    private void progressLoop() throws Exception {
        String pageLoad = pageLoad();
        BlockingQueue<JsonObject> heard = new LinkedBlockingQueue<>();
        try (var page = new BenchmarkIT.Client(base, BenchApp.SLUG).connect((at, message) -> heard.add(message))) {
            page.hello(pageLoad);
            for (int i = 1; running.get(); i++) {
                page.request(pageLoad, pageLoad + "-" + i, "prog-jms-out.children", "prog-jms", "n_clicks",
                        PROGRESS_UPDATES);
                awaitEndReconnecting(page, pageLoad, heard, "prog-jms-out", Json.createValue("done " + PROGRESS_UPDATES));
                progressJobs.incrementAndGet();
                Thread.sleep(200);
            }
        }
    }

    /** Ordinary callbacks on hello, a few hundred a second. */
    private void callbackLoop() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager()).build();
        URI page = URI.create(base.toString()).resolve("/apps/hello/");
        // the page first: its owner cookie and CSRF token, as a browser would have them
        String csrf = CsrfMeta.of(client.send(HttpRequest.newBuilder(page).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
        URI endpoint = page.resolve("_dash-update-component");
        for (long n = 0; running.get(); n++) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json").header(CsrfMeta.HEADER, csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"output\":\"my-output.children\",\"inputs\":[{\"id\":"
                            + "\"my-input\",\"property\":\"value\",\"value\":\"s" + n + "\"}],"
                            + "\"changedPropIds\":[\"my-input.value\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("Output: s" + n), answer.body());
            callbacks.incrementAndGet();
            Thread.sleep(5);
        }
    }

    /**
     * Four pages (four sessions and page loads, kept for the whole soak) take turns: start a short progress job, drop
     * the socket once its first progress is heard, open a new one with the same cookie, say hello with the same
     * renderer id and hear the job's end there (as {@code set_props}, replayed if it ended meanwhile). An end the
     * dropped socket took with it is what a browser would then poll for: after 10 s of silence, poll the job.
     */
    private void reconnectLoop() throws Exception {
        List<BenchmarkIT.Client> pages = new ArrayList<>();
        List<String> pageLoads = new ArrayList<>();
        try {
            for (int p = 0; p < 4; p++) {
                pages.add(new BenchmarkIT.Client(base, BenchApp.SLUG));
                pageLoads.add(pageLoad());
            }
            for (int i = 1; running.get(); i++) {
                var page = pages.get(i % pages.size());
                String pageLoad = pageLoads.get(i % pages.size());
                BlockingQueue<JsonObject> before = new LinkedBlockingQueue<>();
                page.connect((at, message) -> before.add(message));
                page.hello(pageLoad);
                page.request(pageLoad, pageLoad + "-" + i, "prog-jms-out.children", "prog-jms", "n_clicks",
                        RECONNECT_UPDATES);
                assertTrue(heard(before, "prog-count", null, 30), "the job's first progress within 30 s");
                List<JsonObject> listed = page.jobs(); // the socket names no job: the session's newest is this one
                String job = listed.get(listed.size() - 1).getString("job");
                page.close();
                BlockingQueue<JsonObject> after = new LinkedBlockingQueue<>();
                page.connect((at, message) -> after.add(message));
                page.hello(pageLoad);
                if (!heard(after, "prog-jms-out", Json.createValue("done " + RECONNECT_UPDATES), 10)) {
                    awaitPolledDone(page, job);
                    endsByPoll.incrementAndGet();
                }
                page.close();
                reconnects.incrementAndGet();
                Thread.sleep(200);
            }
        } finally {
            pages.forEach(BenchmarkIT.Client::close);
        }
    }

    /** A new page load's renderer id. */
    private static String pageLoad() {
        return "soak-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static void awaitPolledDone(BenchmarkIT.Client page, String job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            var polled = page.get("_jdash-jobs/" + job + "?after=-1");
            assertEquals(200, polled.statusCode(), polled.body());
            String state = BenchmarkIT.parse(polled.body()).getString("state");
            if (state.equals("DONE")) {
                return;
            }
            assertTrue(List.of("QUEUED", "RUNNING").contains(state) && System.nanoTime() < deadline,
                    "job " + job + " done within 30 s; polled " + polled.body());
            Thread.sleep(100);
        }
    }

    /**
     * Waits (30 s at most) for the page load's job to end with {@code expected} as {@code id}'s children on the page's
     * long-lived socket: its request's answer, or the {@code set_props} of its end once the page took it up again. If
     * the socket ends meanwhile, reconnects and says hello again as Dash's renderer does (the job is then taken up),
     * and notes how long the socket had lived.
     */
    private void awaitEndReconnecting(BenchmarkIT.Client page, String pageLoad, BlockingQueue<JsonObject> heard,
                                      String id, JsonValue expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!heard(heard, id, expected, 1)) {
            if (page.closed != null) {
                synchronized (socketDrops) {
                    socketDrops.add(page.closed + " after " + (System.nanoTime() - page.openedAt) / 1_000_000_000 + " s");
                }
                page.reconnect();
                page.hello(pageLoad);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no end with " + id + " = " + expected + " within 30 s on the page's socket;"
                        + " socket " + (page.closed == null ? "open" : page.closed) + "; the server has: "
                        + page.get("_jdash-jobs/").body());
            }
        }
    }

    /**
     * Whether a message giving {@code id}'s children {@code expected} (any value, if null) arrives within
     * {@code seconds}; an "error" answer fails.
     */
    private static boolean heard(BlockingQueue<JsonObject> heard, String id, JsonValue expected, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            JsonObject message = heard.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                return false;
            }
            JsonValue value = BenchmarkIT.valueIn(message, id, "children");
            if (value != null && (expected == null || value.toString().equals(expected.toString()))) {
                return true;
            }
        }
    }
}
