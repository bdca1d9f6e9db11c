package io.jdash.background.store;

import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.background.JobSpec;
import io.jdash.background.store.JobStore.Claim;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules every {@link JobStore} keeps; run against each store by its subclass. */
abstract class JobStoreContract {

    static final String NODE = "node-a";

    /** A store as a JVM run with boot id {@code boot} sees it (the same database for every boot, if any). */
    abstract JobStore store(String boot);

    static JobSpec spec(String id) {
        return new JobSpec(id, "app", "out.children", "owner-1", "BackgroundCallbacks", List.of(1), List.of());
    }

    static JobEvent done(String id) {
        return JobEvent.done(id, "out.children", Map.of("out", Map.of("children", "x")));
    }

    @Test
    void aQueuedJobIsClaimedOnceAndEndsOnce() {
        JobStore store = store("boot-1");
        store.accepted(spec("j1"), "jms", NODE);
        assertEquals(Claim.RUN, store.claim("j1", NODE, false));
        assertEquals(Claim.SKIP, store.claim("j1", NODE, false), "a second delivery in the same run must not run it");
        assertTrue(store.finish("j1", done("j1")));
        assertFalse(store.finish("j1", JobEvent.error("j1", "out.children", "late")), "an end after the end is stale");
        assertEquals(Claim.SKIP, store.claim("j1", NODE, true), "an ended job never runs again");
    }

    @Test
    void aCancelOnlyWinsWhileTheJobIsQueued() {
        JobStore store = store("boot-1");
        store.accepted(spec("q"), "jms", NODE);
        store.accepted(spec("r"), "jms", NODE);
        assertTrue(store.cancelQueued("q", JobEvent.of("q", "out.children", JobEventType.cancelled)));
        assertEquals(Claim.SKIP, store.claim("q", NODE, false), "a job cancelled while queued is skipped");
        assertEquals(Claim.RUN, store.claim("r", NODE, false));
        assertFalse(store.cancelQueued("r", JobEvent.of("r", "out.children", JobEventType.cancelled)),
                "a running job is stopped, not ended as never started");
    }

    @Test
    void theWaitingJobsOfAManagerAcceptedBeforeATimeAreListedOldestFirst() throws Exception {
        JobStore store = store("boot-1");
        store.accepted(spec("old"), "jms", NODE);
        store.accepted(spec("local"), "local", NODE);
        store.accepted(spec("started"), "jms", NODE);
        assertEquals(Claim.RUN, store.claim("started", NODE, false));
        Thread.sleep(5);
        long cut = System.currentTimeMillis();
        Thread.sleep(5);
        store.accepted(spec("new"), "jms", NODE);
        assertEquals(java.util.List.of("old"), store.queuedOf("jms", cut).stream().map(StoredJob::id).toList());
        assertEquals(java.util.List.of("old", "new"),
                store.queuedOf("jms", Long.MAX_VALUE).stream().map(StoredJob::id).toList());
    }

    @Test
    void anUnknownJobRunsAndEnds() {
        JobStore store = store("boot-1");
        assertEquals(Claim.RUN, store.claim("nobody-saw-it", NODE, false));
        assertTrue(store.finish("nobody-saw-it", done("nobody-saw-it")));
    }

    @Test
    void theAdminListHasTheUnfinishedJobsAndTheRecentlyEndedNewestFirstWithTheirTimes() throws Exception {
        JobStore store = store("boot-1");
        store.accepted(spec("ended-long-ago"), "jms", NODE);
        assertTrue(store.finish("ended-long-ago", done("ended-long-ago")));
        Thread.sleep(5);
        long cut = System.currentTimeMillis();
        Thread.sleep(5);
        store.accepted(spec("queued"), "jms", NODE);
        Thread.sleep(2);
        store.accepted(spec("running"), "jms", NODE);
        Thread.sleep(2);
        store.accepted(spec("ended"), "jms", NODE);
        assertEquals(Claim.RUN, store.claim("running", NODE, false));
        assertEquals(Claim.RUN, store.claim("ended", NODE, false));
        assertTrue(store.finish("ended", JobEvent.error("ended", "out.children", "it broke")));

        List<StoredJob> recent = store.recent(cut, 10);
        assertEquals(List.of("ended", "running", "queued"), recent.stream().map(StoredJob::id).toList(),
                "unfinished and recently ended, the most recently accepted first; the old end left out");
        StoredJob queued = recent.get(2);
        StoredJob running = recent.get(1);
        StoredJob ended = recent.get(0);
        assertEquals(0, queued.startedAtMillis(), "a queued job has not started");
        assertTrue(running.startedAtMillis() >= running.acceptedAtMillis() && running.endedAtMillis() == 0);
        assertTrue(ended.endedAtMillis() >= ended.startedAtMillis() && ended.startedAtMillis() > 0);
        assertEquals("it broke", ended.end().message());
        assertEquals(2, store.recent(cut, 2).size(), "the limit holds");
    }
}
