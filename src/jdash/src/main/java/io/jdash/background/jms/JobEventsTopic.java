package io.jdash.background.jms;

import io.jdash.background.event.JobEventSink;
import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.store.JobStore;
import io.jdash.background.store.StoredEndSink;
import io.jdash.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where the production manager's job events go: into this node's registry, whose pages hear them at once, and
 * onto the JobEvents topic for the other nodes' {@link JobEventsMdb} (which on this node skips them, having seen
 * them already).
 */
@ApplicationScoped
class JobEventsTopic {

    @Inject
    JmsChannels channels;

    @Inject
    JobRegistry registry;

    @Inject
    JobStore store;

    /** Records each event on this node, then publishes it. */
    JobEventSink sink() {
        return (job, event) -> {
            registry.record(job, event, JmsBatchManager.NAME);
            channels.publishEvent(JsonCodec.toJson(JobMessage.event(job, event)));
        };
    }

    /** A worker's events: the job's end into the job store first (so it outlives this server), then {@link #sink()}. */
    JobEventSink workerSink() {
        return new StoredEndSink(store, sink());
    }
}
