package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * No-op jobs through the persistent worker queues from many sessions at once (BenchApp's q1..q8 callbacks), and
 * the checks that nothing was lost, duplicated or reordered. Session s is a browser of its own (its HTTP session and
 * one {@code _dash-ws} socket) and submits its share of the jobs to queue {@code s % queues + 1}, one after another
 * on that socket, which the server reads in order: so on each queue each session's jobs must start in the order it
 * sent them.
 *
 * <p>In Dash, a page load's second request of the same background callback supersedes its first (its answer is
 * "no update"), so each job is the request of a page load that has no other job running: the session's socket
 * speaks for {@value #PAGE_LOADS} page loads (renderer ids, as a SharedWorker does for its tabs; the server allows
 * 64 per socket), and a request goes out on one whose last job has been answered. A session thus has at most that
 * many jobs unfinished, where its POSTs of old had as many as the server had accepted; what the run measures is
 * from each request's send to its answer (the job's end).
 *
 * <p>Checked after every run, none of it by timing: every request answered exactly once, "ok" with its own input's
 * result, on the socket of the page that sent it; the job API lists as many jobs for each session as it sent, none
 * twice; on each queue the worker's run numbers are consecutive; and each queue's start ledger (the order the jobs
 * themselves recorded as they started, taken back through BenchApp's "ledger" callback) holds each of the run's
 * jobs on that queue once, each session's in the order sent, in the same order as the run numbers.
 */
final class QueueLoad {

    /** What one run measured: {@code seconds} from the first request sent to the last answer heard. */
    record Result(int queues, int sessions, int jobs, double seconds, Histogram latency) {
        double jobsPerSecond() {
            return jobs / seconds;
        }
    }

    private static final AtomicInteger RUNS = new AtomicInteger();
    /** Page loads each session's socket speaks for, each with one job at a time (Renderers allows 64 a socket). */
    static final int PAGE_LOADS = 64;
    /** How long a session waits for one of its page loads to be free (its last job answered). */
    private static final long FREE_PAGE_LOAD_SECONDS = 600;

    private final URL base;

    QueueLoad(URL base) {
        this.base = base;
    }

    /** Runs {@code jobs} jobs from {@code sessions} sessions over {@code queues} queues; fails on any broken check. */
    Result run(int queues, int sessions, int jobs) throws Exception {
        String run = "r" + RUNS.incrementAndGet() + "-";
        var latency = new Histogram(TimeUnit.SECONDS.toMicros(600), 3);
        var answered = new CountDownLatch(jobs);
        List<Page> pages = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            pages.add(new Page(s, s % queues + 1, jobs / sessions + (s < jobs % sessions ? 1 : 0)));
        }
        for (Page page : pages) {
            page.open(latency, answered);
        }
        var start = new CyclicBarrier(sessions + 1);
        var failure = new AtomicReference<Throwable>();
        List<Thread> threads = new ArrayList<>();
        for (Page page : pages) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    page.submitAll(run);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.await();
        long t0 = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(null, failure.get(), "every request sent");
        assertTrue(answered.await(600, TimeUnit.SECONDS), "all requests answered; missing " + answered.getCount());
        double seconds = (System.nanoTime() - t0) / 1e9;
        pages.forEach(page -> page.client.close());
        checkEachRequestAnsweredOnce(pages, jobs);
        checkRunOrder(pages);
        checkLedgers(pages, run, queues);
        return new Result(queues, sessions, jobs, seconds, latency);
    }

    private static void checkEachRequestAnsweredOnce(List<Page> pages, int jobs) throws Exception {
        Set<String> all = new HashSet<>();
        for (Page page : pages) {
            assertEquals(List.of(), page.wrongAnswers, "session " + page.index + ": every answer ok, with its own"
                    + " request's result");
            for (String request : page.tagOfRequest.keySet()) {
                AtomicInteger times = page.answers.get(request);
                assertEquals(1, times == null ? 0 : times.get(), "session " + page.index + ": request " + request
                        + " answered on its page's socket exactly once");
            }
            assertEquals(page.tagOfRequest.size(), page.answers.size(), "session " + page.index
                    + " heard answers only to its own requests");
            List<JsonObject> listed = page.client.jobs();
            assertEquals(page.share, listed.size(), "session " + page.index + ": one job per request");
            for (JsonObject job : listed) {
                assertTrue(all.add(job.getString("job")), "job id " + job.getString("job") + " given twice");
                assertEquals("DONE", job.getString("state"), job.toString());
            }
        }
        assertEquals(jobs, all.size(), "every job accepted");
    }

    /** Per queue: run numbers consecutive; each session's jobs ran in the order sent. */
    private static void checkRunOrder(List<Page> pages) {
        Map<Integer, List<long[]>> byQueue = new LinkedHashMap<>(); // queue -> {run number, session, i}
        for (Page page : pages) {
            synchronized (page.runs) {
                byQueue.computeIfAbsent(page.queue, q -> new ArrayList<>()).addAll(page.runs);
            }
        }
        for (var entry : byQueue.entrySet()) {
            List<long[]> list = entry.getValue();
            list.sort(Comparator.comparingLong(r -> r[0]));
            Map<Long, Long> lastOf = new LinkedHashMap<>();
            for (int k = 0; k < list.size(); k++) {
                long[] run = list.get(k);
                assertEquals(list.get(0)[0] + k, run[0], "queue " + entry.getKey() + ": one job per run number");
                long previous = lastOf.getOrDefault(run[1], -1L);
                assertEquals(previous + 1, run[2], "queue " + entry.getKey() + ", session " + run[1]
                        + ": jobs run in the order they were sent");
                lastOf.put(run[1], run[2]);
            }
        }
    }

    /** Each queue's start ledger: exactly the run's jobs on it, each session's in the order sent. */
    private void checkLedgers(List<Page> pages, String run, int queues) throws Exception {
        try (var reader = new BenchmarkIT.Client(base, BenchApp.SLUG)) {
            for (int q = 1; q <= queues; q++) {
                int queue = q;
                var answer = reader.post("_dash-update-component", "{\"output\":\"ledger-out.children\","
                        + "\"inputs\":[{\"id\":\"ledger\",\"property\":\"children\",\"value\":\"" + q + ":" + run + "\"}],"
                        + "\"changedPropIds\":[\"ledger.children\"]}");
                assertEquals(200, answer.statusCode(), answer.body());
                List<String> ledger = BenchmarkIT.parse(answer.body()).getJsonObject("response")
                        .getJsonObject("ledger-out").getJsonArray("children").getValuesAs(JsonString::getString);
                long expected = pages.stream().filter(p -> p.queue == queue).mapToLong(p -> p.tagOfRequest.size()).sum();
                assertEquals(expected, ledger.size(), "queue " + q + ": each job started once");
                assertEquals(expected, new HashSet<>(ledger).size(), "queue " + q + ": no job started twice");
                Map<String, Long> lastOf = new LinkedHashMap<>();
                for (String tag : ledger) {
                    String[] parts = tag.substring(run.length()).split("-");
                    long previous = lastOf.getOrDefault(parts[0], -1L);
                    assertEquals(previous + 1, Long.parseLong(parts[1]), "queue " + q + ", session " + parts[0]
                            + ": jobs started in the order they were sent");
                    lastOf.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        }
    }

    /**
     * One submitting session: its page, its socket's page loads (each free while it has no job running), the
     * requests it sent (request id -> tag) and what its socket heard.
     */
    private final class Page {
        final int index;
        final int queue;
        final int share;
        final BenchmarkIT.Client client;
        final String output;
        final BlockingQueue<String> freePageLoads = new LinkedBlockingQueue<>();
        final Map<String, String> tagOfRequest = new ConcurrentHashMap<>();
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final List<String> wrongAnswers = new CopyOnWriteArrayList<>();
        final List<long[]> runs = new ArrayList<>();

        Page(int index, int queue, int share) throws Exception {
            this.index = index;
            this.queue = queue;
            this.share = share;
            this.client = new BenchmarkIT.Client(base, BenchApp.SLUG);
            this.output = "q" + queue + "-out";
        }

        /** Opens the session's socket; each of its page loads says hello. */
        void open(Histogram latency, CountDownLatch answered) throws Exception {
            client.connect((at, message) -> heard(message, at, latency, answered));
            String browser = UUID.randomUUID().toString().substring(0, 8);
            for (int p = 0; p < Math.min(PAGE_LOADS, share); p++) {
                String pageLoad = "q" + browser + "-" + p;
                client.hello(pageLoad);
                freePageLoads.add(pageLoad);
            }
        }

        void submitAll(String run) throws Exception {
            for (int i = 0; i < share; i++) {
                String pageLoad = freePageLoads.poll(FREE_PAGE_LOAD_SECONDS, TimeUnit.SECONDS);
                if (pageLoad == null) {
                    throw new IllegalStateException("session " + index + ": no page load's job answered within "
                            + FREE_PAGE_LOAD_SECONDS + " s");
                }
                String tag = run + index + "-" + i;
                String request = pageLoad + "-" + i;
                tagOfRequest.put(request, tag);
                sentAt.put(request, System.nanoTime());
                client.request(pageLoad, request, output + ".children", "q" + queue, "n_clicks", tag);
            }
        }

        void heard(JsonObject message, long atNanos, Histogram latency, CountDownLatch answered) {
            if (!"callback_response".equals(message.getString("type", ""))) {
                return;
            }
            String request = message.getString("requestId");
            String tag = tagOfRequest.get(request);
            JsonValue value = "ok".equals(message.getJsonObject("payload").getString("status"))
                    ? BenchmarkIT.valueIn(message, output, "children") : null;
            String answer = value instanceof JsonString text ? text.getString() : "";
            if (tag == null || !answer.startsWith(tag + "@")) {
                wrongAnswers.add(message.toString());
            } else {
                synchronized (latency) {
                    latency.recordValue((atNanos - sentAt.get(request)) / 1000);
                }
                String[] parts = tag.substring(tag.indexOf('-') + 1).split("-");
                synchronized (runs) {
                    runs.add(new long[] {Long.parseLong(answer.substring(answer.indexOf('@') + 1)),
                            Long.parseLong(parts[0]), Long.parseLong(parts[1])});
                }
            }
            answers.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet();
            freePageLoads.add(message.getString("rendererId"));
            answered.countDown();
        }
    }
}
