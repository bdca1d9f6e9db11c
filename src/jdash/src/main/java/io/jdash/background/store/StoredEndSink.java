package io.jdash.background.store;

import io.jdash.background.JobHop;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventSink;
import java.util.logging.Logger;

/**
 * A sink that writes a job's end to the {@link JobStore} before passing it on, so the end outlives the server,
 * and that drops an end for a job whose record had already ended (a cancel that won the race, a stale run).
 */
public record StoredEndSink(JobStore store, JobEventSink next) implements JobEventSink {

    private static final Logger LOG = Logger.getLogger(StoredEndSink.class.getName());

    @Override
    public void publish(JobSpec job, JobEvent event) {
        if (event.type().ends() && !store.finish(job.id(), event)) {
            LOG.fine(() -> "job " + job.id() + " had already ended; its late " + event.type() + " is dropped");
            return;
        }
        if (event.type().ends()) {
            JobHop.mark(job.id(), JobHop.END_STORED);
        }
        next.publish(job, event);
    }
}
