package io.jdash.background.jms;

import io.jdash.background.BackgroundManager;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.background.event.JobState;
import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.store.JobStore;
import io.jdash.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The production manager (Celery's role in Dash): {@link #submit} puts the job on its worker queue as a
 * persistent JMS message; {@link WorkerMdb} runs it as a batch job; its events go out on the JobEvents topic.
 * {@link #cancel} is broadcast on the topic too, so it reaches whichever node holds or runs the job.
 */
@ApplicationScoped
@Typed(JmsBatchManager.class) // injected by its class; @Inject BackgroundManager gets the default (Managers)
public class JmsBatchManager implements BackgroundManager {

    /** This manager's name in job records and in the registry. */
    public static final String NAME = "jms";

    @Inject
    JmsChannels channels;

    @Inject
    JobRegistry registry;

    @Inject
    JobStore store;

    @Inject
    JobEventsTopic topic;

    @Override
    public String name() {
        return NAME;
    }

    /** Whether this server has the default worker queue and the events topic (server-config ran). */
    public boolean isConfigured() {
        return channels.hasQueue(JobSpec.DEFAULT_QUEUE);
    }

    @Override
    public Optional<String> cannotRun(String queue) {
        return channels.hasQueue(queue) ? Optional.empty() : Optional.of("this server has no worker queue " + queue
                + " (java:/jms/queue/" + queue + ") or no JobEvents topic; server-config/configure-jdash-messaging.cli"
                + " declares " + WorkerQueues.FIRST + " to " + WorkerQueues.FIRST + "4");
    }

    @Override
    public void submit(JobSpec job) {
        channels.sendToQueue(job.queue(), job, JsonCodec.toJson(job));
    }

    @Override
    public void cancel(String jobId) {
        registry.specOf(jobId).ifPresent(job -> {
            channels.publishEvent(JsonCodec.toJson(JobMessage.cancel(job)));
            if (registry.stateOf(jobId).orElse(null) == JobState.QUEUED) {
                // it will never start (its worker skips it); the page hears it now, not when its turn comes
                endBeforeStart(job, JobEvent.of(jobId, job.callback(), JobEventType.cancelled));
            }
        });
    }

    @Override
    public boolean removeBeforeStart(String jobId, String message) {
        return registry.specOf(jobId).map(job -> endBeforeStart(job, JobEvent.error(jobId, job.callback(), message)))
                .orElse(false);
    }

    private boolean endBeforeStart(JobSpec job, JobEvent end) {
        if (!store.cancelQueued(job.id(), end)) {
            return false;
        }
        topic.sink().publish(job, end); // on the topic: the page hears it on whichever node it is
        return true;
    }
}
