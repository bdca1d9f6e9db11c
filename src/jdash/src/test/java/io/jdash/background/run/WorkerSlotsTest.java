package io.jdash.background.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class WorkerSlotsTest {

    @Test
    void aConsumerWaitsWhileEverySlotIsTakenAndGoesOnWhenOneIsGivenBack() throws Exception {
        WorkerSlots slots = new WorkerSlots(2);
        WorkerSlots.Slot first = slots.take().orElseThrow();
        assertTrue(slots.take().isPresent());
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> take(slots));
        assertThrows(TimeoutException.class, () -> third.get(200, TimeUnit.MILLISECONDS), "a third job must wait");

        first.giveBack();
        assertTrue(third.get(5, TimeUnit.SECONDS), "the freed slot goes to the waiting consumer");
        assertEquals(2, slots.taken());
    }

    @Test
    void theSlotsAreFullOnlyWhileEveryOneIsTakenAndTheyAreOpen() throws Exception {
        WorkerSlots slots = new WorkerSlots(1);
        assertFalse(slots.full());
        WorkerSlots.Slot only = slots.take().orElseThrow();
        assertTrue(slots.full(), "a consumer would wait now: the moment to mark its message held");
        only.giveBack();
        assertFalse(slots.full());
        slots.take().orElseThrow();
        slots.close();
        assertFalse(slots.full(), "closed slots make no consumer wait");
    }

    @Test
    void closingWakesAWaitingConsumerWithNoSlot() throws Exception {
        WorkerSlots slots = new WorkerSlots(1);
        assertTrue(slots.take().isPresent());
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> take(slots));
        assertThrows(TimeoutException.class, () -> waiting.get(100, TimeUnit.MILLISECONDS));

        slots.close();
        assertFalse(waiting.get(5, TimeUnit.SECONDS));
        assertFalse(slots.take().isPresent(), "no slot after close, even a free one");
        assertEquals(1, slots.taken(), "nothing was taken by the woken consumer");
    }

    @Test
    void aQueueHasAtLeastOneWorkerAndASlotIsGivenBackOnlyOnce() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new WorkerSlots(0));
        WorkerSlots slots = new WorkerSlots(2);
        WorkerSlots.Slot slot = slots.take().orElseThrow();
        slots.take().orElseThrow();
        assertTrue(slot.giveBack());
        assertFalse(slot.giveBack(), "a second end of the same job frees nothing");
        assertEquals(1, slots.taken());
    }

    private static boolean take(WorkerSlots slots) {
        try {
            return slots.take().isPresent();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
