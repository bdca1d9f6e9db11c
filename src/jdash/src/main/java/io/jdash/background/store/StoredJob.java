package io.jdash.background.store;

import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobState;

/**
 * A job as {@link JobStore} keeps it.
 *
 * @param boot     the JVM run that ran (or, for the local manager, queued) the job; see {@link JobStore}
 * @param startedAtMillis when a worker last claimed the job (0: it has not started)
 * @param endedAtMillis   when the job ended (0: it has not)
 * @param end      the job's ending event, once it has ended
 * @param spec     the job itself, kept for a job that runs again when its server is lost (an idempotent callback's);
 *                 else null
 * @param heldBy   the JVM run whose queue consumer took the job's message off its queue and waits for a free worker
 *                 to start it (the message is then invisible to a browse of the queue); null when none said so
 */
public record StoredJob(String id, String app, String callback, String owner, String manager, String queue,
                        String node, String boot, JobState state, long acceptedAtMillis, long startedAtMillis, long endedAtMillis,
                        JobEvent end, JobSpec spec, String heldBy) {
}
