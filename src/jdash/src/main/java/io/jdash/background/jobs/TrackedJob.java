package io.jdash.background.jobs;

import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobState;
import java.util.ArrayList;
import java.util.List;

/** A job as this node knows it: who owns it, which manager runs it, where it is and what happened so far. */
public final class TrackedJob {

    private final String id;
    private final String app;
    private final String callback;
    private final String owner;
    private final String manager;
    private final List<JobEvent> events = new ArrayList<>();
    private JobState state = JobState.QUEUED;
    private boolean endDelivered;
    private long polledUpTo = -1;
    private boolean endResetPolled;
    private final long order = ORDER.incrementAndGet();

    private static final java.util.concurrent.atomic.AtomicLong ORDER = new java.util.concurrent.atomic.AtomicLong();

    private final long firstSeq;

    /**
     * A job whose history here starts at {@code firstSeq}: 0 for one accepted on this node, {@link #takenUpSeq()} for
     * one taken up from elsewhere.
     */
    TrackedJob(String id, String app, String callback, String owner, String manager, long firstSeq) {
        this.firstSeq = firstSeq;
        this.id = id;
        this.app = app;
        this.callback = callback;
        this.owner = owner;
        this.manager = manager;
    }

    public String id() {
        return id;
    }

    public String app() {
        return app;
    }

    public String callback() {
        return callback;
    }

    String owner() {
        return owner;
    }

    String manager() {
        return manager;
    }

    public synchronized JobState state() {
        return state;
    }

    /**
     * The first seq of a job's history taken up from elsewhere: a job restored from the job store after a restart or
     * redeploy, or first heard of from another node. A client may have read its events by seq there (the job API's
     * {@code after} cursor), in a history numbered from 0 or from an earlier take-up; this one is numbered from the
     * clock in microseconds, past any of those (unless one gave a thousand events a millisecond), so the client reads
     * on here without missing the rest. Below 2^53: exact as a JavaScript number.
     */
    static long takenUpSeq() {
        return System.currentTimeMillis() * 1000;
    }

    /** The events after {@code cursor} (a seq; -1 for all). */
    public synchronized List<JobEvent> eventsAfter(long cursor) {
        int from = events.size();
        while (from > 0 && events.get(from - 1).seq() > cursor) {
            from--;
        }
        return List.copyOf(events.subList(from, events.size()));
    }

    /** Appends the event with the next seq; returns it, or null when the job has already ended. */
    synchronized JobEvent append(JobEvent event) {
        if (state.isEnded()) {
            return null;
        }
        JobEvent numbered = event.withSeq(events.isEmpty() ? firstSeq : events.get(events.size() - 1).seq() + 1);
        events.add(numbered);
        state = event.type().resultingState();
        return numbered;
    }

    /** Notes that a page heard the end; true the first time. */
    synchronized boolean markEndDelivered() {
        if (state.isEnded() && !endDelivered) {
            endDelivered = true;
            return true;
        }
        return false;
    }

    /** The seq of the last event a page polling by Dash's HTTP protocol was sent (-1: none yet). */
    public synchronized long polledUpTo() {
        return polledUpTo;
    }

    public synchronized void polledUpTo(long seq) {
        polledUpTo = Math.max(polledUpTo, seq);
    }

    /**
     * Marks that a polling page was sent the props the job's end resets (before an error, which carries none);
     * true the first time.
     */
    public synchronized boolean markEndResetPolled() {
        if (endResetPolled) {
            return false;
        }
        endResetPolled = true;
        return true;
    }

    /** The order in which this node began tracking its jobs. */
    long order() {
        return order;
    }

    /** A job a reconnecting page should hear of: still going, or ended without any page having heard it. */
    public synchronized boolean needsAttention() {
        return !state.isEnded() || !endDelivered;
    }
}
