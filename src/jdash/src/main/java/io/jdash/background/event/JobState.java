package io.jdash.background.event;

/** Where a job is: waiting on its queue, running, or ended one of three ways. */
public enum JobState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    public boolean isEnded() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
