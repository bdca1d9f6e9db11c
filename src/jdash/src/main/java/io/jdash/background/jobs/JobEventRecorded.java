package io.jdash.background.jobs;

/** CDI event fired (synchronously, in order) each time this node records a job event: the push layer listens. */
public record JobEventRecorded(String owner, String app, JobEvent event) {
}
