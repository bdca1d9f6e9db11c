package io.jdash.background.jms;

import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.store.BootId;

/**
 * What travels on the JobEvents topic, as JSON: an event of a job ({@code event} set) or a request to cancel
 * one ({@code cancel} set). {@code job} carries who owns it, so every node can track it. {@code origin} is the
 * {@link io.jdash.background.store.BootId} of the JVM that published an event: that JVM recorded it already.
 */
public record JobMessage(JobSpec job, JobEvent event, boolean cancel, String origin) {

    static JobMessage event(JobSpec job, JobEvent event) {
        return new JobMessage(slim(job), event, false, BootId.current());
    }

    static JobMessage cancel(JobSpec job) {
        return new JobMessage(slim(job), null, true, BootId.current());
    }

    /** The spec without its arguments: other nodes need to know whose job it is, not what it computes. */
    private static JobSpec slim(JobSpec job) {
        return new JobSpec(job.id(), job.app(), job.callback(), job.owner(), job.queue(), null, null);
    }
}
