package io.jdash.background.store;

import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdash.background.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredEndSinkTest {

    private final JobSpec spec = new JobSpec("j", "app", "out.children", "owner", "q", List.of(), List.of());
    private final MemoryJobStore store = new MemoryJobStore("boot");
    private final List<JobEvent> passed = new ArrayList<>();
    private final StoredEndSink sink = new StoredEndSink(store, (job, event) -> passed.add(event));

    @Test
    void passesEveryEventAndKeepsTheEndInTheStore() {
        store.accepted(spec, "jms", "node");
        store.claim("j", "node", false);
        sink.publish(spec, JobEvent.progress("j", "out.children", List.of(1)));
        sink.publish(spec, JobEvent.done("j", "out.children", Map.of()));
        assertEquals(List.of(JobEventType.progress, JobEventType.done), passed.stream().map(JobEvent::type).toList());
        assertEquals(JobStore.Claim.SKIP, store.claim("j", "node", true), "the store knows the job ended");
    }

    @Test
    void dropsAnEndAfterTheJobHadEnded() {
        store.accepted(spec, "jms", "node");
        store.cancelQueued("j", JobEvent.of("j", "out.children", JobEventType.cancelled));
        sink.publish(spec, JobEvent.done("j", "out.children", Map.of()));
        assertEquals(List.of(), passed, "a cancelled job's late end must not reach the page");
    }
}
