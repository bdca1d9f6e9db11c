package io.jdash.background.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workers of one queue on this node: at most {@link #size()} of its jobs run at once. The queue's single
 * consumer takes a slot before it starts the next job, waiting while all are taken, so jobs start in arrival order
 * and no job is taken off the queue before a worker is free for it; a job's end gives its {@link Slot} back. Closing
 * (on undeploy) wakes every waiting consumer, with no slot.
 */
public final class WorkerSlots {

    /** One taken slot: {@link #giveBack()} frees it once, however many ends (its own, a give-up) call it. */
    public final class Slot {
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Slot() {
        }

        /** Gives the slot back to its queue; true for the call that did, false once it was given back. */
        public boolean giveBack() {
            if (!held.compareAndSet(true, false)) {
                return false;
            }
            release();
            return true;
        }
    }

    private final int size;
    private int taken;
    private boolean closed;

    public WorkerSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a queue needs at least one worker, not " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** Takes a slot, waiting while none is free; empty when the slots were closed (nothing taken then). */
    public synchronized Optional<Slot> take() throws InterruptedException {
        while (!closed && taken >= size) {
            wait();
        }
        if (closed) {
            return Optional.empty();
        }
        taken++;
        return Optional.of(new Slot());
    }

    private synchronized void release() {
        taken--;
        notifyAll();
    }

    /** Whether a {@link #take()} now would wait: every slot is taken (and the slots are open). */
    public synchronized boolean full() {
        return !closed && taken >= size;
    }

    /** How many jobs hold a slot now. */
    public synchronized int taken() {
        return taken;
    }

    /** No slot is handed out any more; every consumer waiting for one gets none. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
