package io.jdash.background.jms;

import io.jdash.background.BackgroundManager;
import io.jdash.background.JobSpec;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.background.jobs.JobEvent;
import io.jdash.background.jobs.JobEventSink;
import io.jdash.background.jobs.JobEventType;
import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.jobs.JobState;
import io.jdash.background.jobs.JobStore;
import io.jdash.background.jobs.StoredEndSink;
import io.jdash.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/**
 * The production manager (Celery's role in Dash): {@link #submit} puts the job on its worker queue as a
 * persistent JMS message; {@link WorkerMdb} runs it as a batch job; its events go out on the JobEvents topic.
 * {@link #cancel} is broadcast on the topic too, so it reaches whichever node holds or runs the job.
 */
@ApplicationScoped
@Typed(JmsBatchManager.class) // injected by its class; @Inject BackgroundManager gets the default (Managers)
public class JmsBatchManager implements BackgroundManager {

    @Inject
    JmsChannels channels;

    @Inject
    JobRegistry registry;

    @Inject
    WorkerNode worker;

    @Inject
    JobStore store;

    /**
     * Records a job's event in this node's registry, whose pages hear it at once, and publishes it on the topic
     * for the other nodes' {@link JobEventsMdb} (which on this node skips it, having seen it already).
     */
    private JobEventSink topicSink() {
        return (job, event) -> {
            registry.record(job, event, name());
            channels.publishEvent(JsonCodec.toJson(JobMessage.event(job, event)));
        };
    }

    /** Where a worker's job events go: its end into the job store first, then every event on the topic. */
    JobEventSink workerSink() {
        return new StoredEndSink(store, topicSink());
    }

    @Override
    public String name() {
        return "jms";
    }

    /** Whether this server has the default worker queue and the events topic (server-config ran). */
    public boolean isConfigured() {
        return channels.hasQueue(BackgroundJobs.DEFAULT_QUEUE);
    }

    @Override
    public void submit(JobSpec job) {
        channels.sendToQueue(job.queue(), JsonCodec.toJson(job));
    }

    @Override
    public void cancel(String jobId) {
        registry.specOf(jobId).ifPresent(job -> {
            channels.publishEvent(JsonCodec.toJson(JobMessage.cancel(job)));
            JobEvent cancelled = JobEvent.of(jobId, job.callback(), JobEventType.cancelled);
            if (registry.stateOf(jobId).orElse(null) == JobState.QUEUED && store.cancelQueued(jobId, cancelled)) {
                // it will never start (its worker skips it); the page hears it now, not when its turn comes
                topicSink().publish(job, cancelled);
            }
        });
    }

    /** A cancel request heard on the topic (from any node, this one included). */
    void onCancelRequest(String jobId) {
        worker.cancel(jobId);
    }
}
