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
}
