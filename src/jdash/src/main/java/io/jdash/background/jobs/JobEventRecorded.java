package io.jdash.background.jobs;

import io.jdash.background.event.JobEvent;

/** CDI event fired (synchronously, in order) each time this node records a job event: the push layer listens. */
public record JobEventRecorded(String owner, String app, JobEvent event) {
}
