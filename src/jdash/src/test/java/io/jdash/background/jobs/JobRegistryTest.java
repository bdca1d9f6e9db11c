package io.jdash.background.jobs;

import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.background.store.MemoryJobStore;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdash.background.JobSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRegistryTest {

    private final JobRegistry registry = new JobRegistry();

    JobRegistryTest() {
        registry.store = new MemoryJobStore("boot");
    }

    private static JobSpec spec(String id, String owner, String app) {
        return new JobSpec(id, app, "out.children", owner, "q", List.of(), List.of());
    }

    @Test
    void countsEachOwnersUnfinishedJobsAsTheyStartAndEnd() {
        registry.accept(spec("a1", "alice", "app"), "local");
        registry.accept(spec("a2", "alice", "app"), "local");
        registry.accept(spec("b1", "bob", "app"), "local");
        assertEquals(2, registry.unfinished("alice"));
        registry.record(spec("a1", "alice", "app"), JobEvent.of("a1", "out.children", JobEventType.running), "local");
        assertEquals(2, registry.unfinished("alice"), "running is still unfinished");
        registry.record(spec("a1", "alice", "app"), JobEvent.done("a1", "out.children", Map.of()), "local");
        registry.record(spec("a1", "alice", "app"), JobEvent.error("a1", "out.children", "late"), "local");
        assertEquals(1, registry.unfinished("alice"), "one end counts once, a late second end not at all");
        assertEquals(1, registry.unfinished("bob"));
        assertEquals(0, registry.unfinished("carol"));
    }

    @Test
    void anOwnerWhoseJobsAreAllForgottenCostsNothing() {
        for (int i = 0; i < 1000; i++) { // fabricated owners, one job each, as a flood of fresh cookies makes them
            String owner = "owner-" + i;
            registry.accept(spec("j" + i, owner, "app"), "local");
            registry.record(spec("j" + i, owner, "app"), JobEvent.done("j" + i, "out.children", Map.of()), "local");
        }
        registry.accept(spec("still", "alice", "app"), "local");
        assertEquals(1001, registry.ownersHeld());
        registry.forgetJobsEndedBefore(Long.MAX_VALUE);
        assertEquals(1, registry.ownersHeld(), "only the owner with a job still going is held");
        assertEquals(1, registry.unfinished("alice"));
        assertEquals(0, registry.unfinished("owner-1"));
        registry.record(spec("still", "alice", "app"), JobEvent.done("still", "out.children", Map.of()), "local");
        registry.forgetJobsEndedBefore(Long.MAX_VALUE);
        assertEquals(0, registry.ownersHeld());
    }

    @Test
    void countsTheJobsWaitingToStartPerOwnerAndInAllUntilTheyStartOrEnd() {
        registry.accept(spec("a1", "alice", "app"), "local");
        registry.accept(spec("a2", "alice", "app"), "local");
        registry.accept(spec("b1", "bob", "app"), "local");
        assertEquals(2, registry.queued("alice"));
        assertEquals(3, registry.queued());
        registry.record(spec("a1", "alice", "app"), JobEvent.of("a1", "out.children", JobEventType.running), "local");
        registry.record(spec("a1", "alice", "app"), JobEvent.of("a1", "out.children", JobEventType.progress), "local");
        assertEquals(1, registry.queued("alice"), "a started job no longer waits");
        registry.record(spec("a2", "alice", "app"), JobEvent.expired("a2", "out.children"), "local");
        assertEquals(0, registry.queued("alice"), "a job that ended before it started no longer waits");
        registry.record(spec("a1", "alice", "app"), JobEvent.done("a1", "out.children", Map.of()), "local");
        assertEquals(1, registry.queued());
        // a job another node accepted is first heard running: it never counted as waiting here
        registry.record(spec("c1", "carol", "app"), JobEvent.of("c1", "out.children", JobEventType.running), "jms");
        assertEquals(0, registry.queued("carol"));
        assertEquals(1, registry.queued());
    }

    @Test
    void aPageHearsOnlyItsOwnersJobsOfItsApp() {
        registry.accept(spec("a1", "alice", "app"), "local");
        registry.accept(spec("a2", "alice", "other"), "local");
        registry.accept(spec("b1", "bob", "app"), "local");
        assertEquals(List.of("a1"), registry.needingAttention("alice", "app").stream().map(TrackedJob::id).toList());
        registry.record(spec("a1", "alice", "app"), JobEvent.done("a1", "out.children", Map.of()), "local");
        assertEquals(1, registry.needingAttention("alice", "app").size(), "an end no page heard is still told");
        registry.markEndDelivered("a1");
        assertEquals(List.of(), registry.needingAttention("alice", "app"));
    }

    @Test
    void aJobTakenBackFromTheStoreIsFoundEndedByAClientThatReadItsUpdatesBeforeTheRestart() {
        // before the restart the client read "accepted", "running" and three progress events (seq 0 to 4); the
        // restored history holds only "accepted" and the end
        var stored = new io.jdash.background.store.StoredJob("a1", "app", "out.children", "alice", "jms", "q", "node",
                "old-boot", io.jdash.background.event.JobState.FAILED, 1, 2, 3,
                JobEvent.error("a1", "out.children", JobEvent.SERVER_REDEPLOYED), null, null);
        registry.restore(stored);
        TrackedJob job = registry.find("alice", "a1").orElseThrow();
        assertEquals(List.of(JobEventType.accepted, JobEventType.error),
                job.eventsAfter(-1).stream().map(JobEvent::type).toList());
        List<JobEvent> afterWhatItRead = job.eventsAfter(4);
        assertEquals(List.of(JobEventType.accepted, JobEventType.error),
                afterWhatItRead.stream().map(JobEvent::type).toList(), "the history here comes after any seq the run gave");
        assertEquals(List.of(), job.eventsAfter(afterWhatItRead.get(afterWhatItRead.size() - 1).seq()),
                "and once read, it is not read again");
    }

    @Test
    void aJobFirstHeardOfByItsEndIsFoundEndedWhateverTheClientReadBefore() {
        // the deployment before this one ran it and published its end as it went; this one hears only the end
        registry.record(spec("a1", "alice", "app"), JobEvent.error("a1", "out.children", JobEvent.SERVER_REDEPLOYED), "jms");
        TrackedJob job = registry.find("alice", "a1").orElseThrow();
        assertEquals(List.of(JobEventType.error), job.eventsAfter(2).stream().map(JobEvent::type).toList());
        // one first heard of mid-way (a rerun on the new deployment) is read on past the client's old cursor
        registry.record(spec("c1", "carol", "app"), JobEvent.of("c1", "out.children", JobEventType.running), "jms");
        registry.record(spec("c1", "carol", "app"), JobEvent.done("c1", "out.children", Map.of()), "jms");
        assertEquals(List.of(JobEventType.running, JobEventType.done), registry.find("carol", "c1").orElseThrow()
                .eventsAfter(5).stream().map(JobEvent::type).toList());
        // a job heard from its start is numbered from 0 without gaps
        registry.accept(spec("b1", "bob", "app"), "jms");
        registry.record(spec("b1", "bob", "app"), JobEvent.done("b1", "out.children", Map.of()), "jms");
        assertEquals(List.of(0L, 1L), registry.find("bob", "b1").orElseThrow().eventsAfter(-1).stream()
                .map(JobEvent::seq).toList());
    }
}
