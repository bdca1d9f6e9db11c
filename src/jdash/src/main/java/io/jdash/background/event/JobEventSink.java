package io.jdash.background.event;

import io.jdash.background.JobSpec;

/**
 * Where a running job's events go. The local manager records them in this node's registry (background.jobs); the
 * JMS manager publishes them on the JobEvents topic, so every node records them.
 */
@FunctionalInterface
public interface JobEventSink {

    void publish(JobSpec job, JobEvent event);
}
