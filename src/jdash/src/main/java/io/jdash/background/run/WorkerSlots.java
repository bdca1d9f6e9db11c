package io.jdash.background.run;

/**
 * The workers of one queue on this node: at most {@link #size()} of its jobs run at once. The queue's single
 * consumer takes a slot before it starts the next job, waiting while all are taken, so jobs start in arrival order
 * and no job is taken off the queue before a worker is free for it; a job's end gives its slot back. Closing (on
 * undeploy) wakes every waiting consumer, with no slot.
 */
public final class WorkerSlots {

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

    /** Takes a slot, waiting while none is free; false when the slots were closed (nothing taken then). */
    public synchronized boolean take() throws InterruptedException {
        while (!closed && taken >= size) {
            wait();
        }
        if (closed) {
            return false;
        }
        taken++;
        return true;
    }

    /** Gives back a slot {@link #take()} returned. */
    public synchronized void giveBack() {
        if (taken == 0) {
            throw new IllegalStateException("no slot of this queue is taken");
        }
        taken--;
        notifyAll();
    }

    /** How many jobs hold a slot now. */
    public synchronized int taken() {
        return taken;
    }

    /** No slot is handed out any more; every consumer waiting for one returns false. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
