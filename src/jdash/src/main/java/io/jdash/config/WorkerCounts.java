package io.jdash.config;

import java.util.Map;

/**
 * How many jobs of each worker queue may run at once on this node: {@code jdash.queue.<queue>.workers} for one
 * queue, {@code jdash.workers} for every other (4). One is strict one-at-a-time; either way jobs start in arrival
 * order.
 *
 * @param byDefault the count of a queue that has no key of its own (at least 1)
 * @param byQueue   the queues that have one (each at least 1)
 */
public record WorkerCounts(int byDefault, Map<String, Integer> byQueue) {

    /** The count of {@code jdash.workers} when unset. */
    public static final int DEFAULT = 4;

    public WorkerCounts {
        byDefault = Math.max(1, byDefault);
        byQueue = Map.copyOf(byQueue);
    }

    /** How many jobs of {@code queue} may run at once. */
    public int of(String queue) {
        return Math.max(1, byQueue.getOrDefault(queue, byDefault));
    }
}
