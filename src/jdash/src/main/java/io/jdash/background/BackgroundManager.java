package io.jdash.background;

import java.util.Optional;

/**
 * Runs background jobs: Dash's manager seam. Two implementations, swapped without changing anything else:
 * {@code JmsBatchManager} (production: JMS queue, single-consumer MDB, Jakarta Batch job) and
 * {@code LocalManager} (development: in-process, no broker). Either one runs the jobs of a queue one at a
 * time, in arrival order.
 */
public interface BackgroundManager {

    /** A short name for logs and docs: "jms" or "local". */
    String name();

    /** Queues the job; it runs when the jobs queued before it on {@link JobSpec#queue()} have ended. */
    void submit(JobSpec job);

    /**
     * Stops the job: a queued one never starts, a running one is interrupted at its next {@code sleep},
     * {@code setProgress} or {@code setProps}. Returns at once; the job's "cancelled" event follows.
     */
    void cancel(String jobId);

    /**
     * Ends a job that has not started as the error {@code message} (an operator removed it): it never runs, and every
     * page that may show it hears the error. False when the job has started or ended, or this manager does not know
     * it here (the default: a manager that cannot).
     */
    default boolean removeBeforeStart(String jobId, String message) {
        return false;
    }

    /**
     * Why this manager cannot run the jobs of worker queue {@code queue} on this server, if it cannot (checked when
     * an app is mounted, so a callback that could never run is reported at deployment); empty when it can.
     */
    default Optional<String> cannotRun(String queue) {
        return Optional.empty();
    }
}
