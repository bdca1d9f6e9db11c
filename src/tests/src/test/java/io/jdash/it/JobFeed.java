package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A session's jobs as the job API ({@code GET _jdash-jobs/<job>?after=<seq>}) tells them: every event of each job the
 * test asks about, in seq order, each kept with the time it was first seen. A wait polls every few milliseconds, so
 * an event's arrival time is within that of when the server recorded it. What a page sees of a job is the concern of
 * {@link RendererSocket} (Dash's socket) and of Dash's HTTP polling; this is the manager's view, for the tests of
 * what the managers must do.
 */
final class JobFeed implements AutoCloseable {

    private static final long POLL_MILLIS = 3;

    private final TestClient page;
    private final Map<String, List<TestSocket.Received>> events = new HashMap<>();

    JobFeed(TestClient page) {
        this.page = page;
    }

    /** Reads the job's events after the last one seen; returns them. */
    synchronized List<TestSocket.Received> poll(String job) throws Exception {
        List<TestSocket.Received> seen = events.computeIfAbsent(job, id -> new ArrayList<>());
        long after = seen.isEmpty() ? -1 : seen.get(seen.size() - 1).json().getJsonNumber("seq").longValue();
        HttpResponse<String> answer = page.pollJob(job, after);
        assertEquals(200, answer.statusCode(), "job " + job + ": " + answer.body());
        long now = System.nanoTime();
        long wallClock = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        var fresh = new ArrayList<TestSocket.Received>();
        for (JsonValue event : TestClient.object(answer).getJsonArray("events")) {
            fresh.add(new TestSocket.Received(now, wallClock, event.asJsonObject()));
        }
        seen.addAll(fresh);
        return fresh;
    }

    /** The job's state as the job API says it now ("QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED", …). */
    String state(String job) throws Exception {
        return TestClient.object(page.pollJob(job, Long.MAX_VALUE - 1)).getString("state");
    }

    /** The job's events seen so far, after reading any new ones. */
    List<TestSocket.Received> of(String job) throws Exception {
        poll(job);
        synchronized (this) {
            return List.copyOf(events.get(job));
        }
    }

    /** Waits for the first event of the job that matches {@code test}. */
    TestSocket.Received await(String job, Predicate<TestSocket.Received> test, Duration timeout, String what)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            poll(job);
            synchronized (this) {
                for (TestSocket.Received event : events.get(job)) {
                    if (test.test(event)) {
                        return event;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no " + what + " of job " + job + " within " + timeout + "; its events: "
                        + of(job).stream().map(e -> e.json().toString()).limit(50).toList());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Waits for the job's event of this type. */
    TestSocket.Received await(String job, String type, Duration timeout) throws Exception {
        return await(job, event -> event.type().equals(type), timeout, "'" + type + "'");
    }

    /** Waits for the job's end, whichever it is. */
    TestSocket.Received awaitEnd(String job, Duration timeout) throws Exception {
        return await(job, event -> List.of("done", "error", "cancelled", "expired").contains(event.type()), timeout, "end");
    }

    /** The {@code response} of a "done" event: {@code {id: {prop: value}}}. */
    static JsonObject response(TestSocket.Received done) {
        return done.json().getJsonObject("response");
    }

    @Override
    public void close() {
        // nothing held: each wait reads the job API afresh
    }
}
