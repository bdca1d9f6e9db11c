package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * No-op jobs through the persistent worker queues from many sessions at once (BenchApp's q1..q8 callbacks), and
 * the checks that nothing was lost, duplicated or reordered. Session s is a page of its own (its HTTP session and
 * its socket) and submits its share of the jobs to queue {@code s % queues + 1}, one after another (the next once
 * the 202 is back), so on each queue each session's jobs must start in the order it sent them.
 *
 * <p>Checked after every run, none of it by timing: every POST answered 202 with a job id, no id twice; every
 * job's "done" heard exactly once, on the socket of the page that submitted it; on each queue the worker's run
 * numbers are consecutive; and each queue's start ledger (the order the jobs themselves recorded as they started,
 * taken back through BenchApp's "ledger" callback) holds each of the run's jobs on that queue once, each session's
 * in the order sent, in the same order as the run numbers.
 */
final class QueueLoad {

    /** What one run measured: {@code seconds} from the first POST to the last "done" heard. */
    record Result(int queues, int sessions, int jobs, double seconds, Histogram latency) {
        double jobsPerSecond() {
            return jobs / seconds;
        }
    }

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final URL base;

    QueueLoad(URL base) {
        this.base = base;
    }

    /** Runs {@code jobs} jobs from {@code sessions} sessions over {@code queues} queues; fails on any broken check. */
    Result run(int queues, int sessions, int jobs) throws Exception {
        String run = "r" + RUNS.incrementAndGet() + "-";
        var latency = new Histogram(TimeUnit.SECONDS.toMicros(600), 3);
        var heardDone = new CountDownLatch(jobs);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Page> pages = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            pages.add(new Page(s, s % queues + 1, jobs / sessions + (s < jobs % sessions ? 1 : 0)));
        }
        for (Page page : pages) {
            page.client.connect((at, text) -> page.heard(BenchmarkIT.parse(text), sentAt, latency, heardDone));
        }
        var start = new CyclicBarrier(sessions + 1);
        var failure = new AtomicReference<Throwable>();
        List<Thread> threads = new ArrayList<>();
        for (Page page : pages) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    page.submitAll(run, sentAt);
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
        assertEquals(null, failure.get(), "every submission answered 202 with a job id");
        assertTrue(heardDone.await(600, TimeUnit.SECONDS), "all jobs done; missing " + heardDone.getCount());
        double seconds = (System.nanoTime() - t0) / 1e9;
        pages.forEach(page -> page.client.close());
        checkEachJobHeardOnce(pages, jobs);
        checkRunOrder(pages);
        checkLedgers(pages, run, queues);
        return new Result(queues, sessions, jobs, seconds, latency);
    }

    private static void checkEachJobHeardOnce(List<Page> pages, int jobs) {
        Set<String> all = new HashSet<>();
        for (Page page : pages) {
            for (String job : page.sent.values()) {
                assertTrue(all.add(job), "job id " + job + " given twice");
                AtomicInteger times = page.doneHeard.get(job);
                assertEquals(1, times == null ? 0 : times.get(), "session " + page.index + ": job " + job
                        + " heard done on its page's socket exactly once");
            }
            assertEquals(page.sent.size(), page.doneHeard.size(), "session " + page.index
                    + " heard done only for its own jobs");
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
                long expected = pages.stream().filter(p -> p.queue == queue).mapToLong(p -> p.sent.size()).sum();
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

    /** One submitting session: its page, the jobs it sent (i -> job id), what its socket heard. */
    private final class Page {
        final int index;
        final int queue;
        final int share;
        final BenchmarkIT.Client client;
        final Map<Integer, String> sent = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> doneHeard = new ConcurrentHashMap<>();
        final List<long[]> runs = new ArrayList<>();

        Page(int index, int queue, int share) throws Exception {
            this.index = index;
            this.queue = queue;
            this.share = share;
            this.client = new BenchmarkIT.Client(base, BenchApp.SLUG);
        }

        void submitAll(String run, Map<String, Long> sentAt) throws Exception {
            for (int i = 0; i < share; i++) {
                String tag = run + index + "-" + i;
                sentAt.put(tag, System.nanoTime());
                var answer = client.post("_dash-update-component", "{\"output\":\"q" + queue + "-out.children\","
                        + "\"inputs\":[{\"id\":\"q" + queue + "\",\"property\":\"n_clicks\",\"value\":\"" + tag + "\"}],"
                        + "\"changedPropIds\":[\"q" + queue + ".n_clicks\"]}");
                if (answer.statusCode() != 202) {
                    throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                }
                sent.put(i, BenchmarkIT.parse(answer.body()).getString("job"));
            }
        }

        void heard(JsonObject event, Map<String, Long> sentAt, Histogram latency, CountDownLatch heardDone) {
            if (!"done".equals(event.getString("type", ""))) {
                return;
            }
            long now = System.nanoTime();
            String answer = event.getJsonObject("response").getJsonObject("q" + queue + "-out").getString("children");
            String tag = answer.substring(0, answer.indexOf('@'));
            synchronized (latency) {
                latency.recordValue((now - sentAt.get(tag)) / 1000);
            }
            String[] parts = tag.substring(tag.indexOf('-') + 1).split("-");
            synchronized (runs) {
                runs.add(new long[] {Long.parseLong(answer.substring(answer.indexOf('@') + 1)),
                        Long.parseLong(parts[0]), Long.parseLong(parts[1])});
            }
            doneHeard.computeIfAbsent(event.getString("job"), j -> new AtomicInteger()).incrementAndGet();
            heardDone.countDown();
        }
    }
}
