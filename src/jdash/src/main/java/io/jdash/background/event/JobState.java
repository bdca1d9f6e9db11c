package io.jdash.background.event;

/** Where a job is: waiting on its queue, running, or ended one of four ways (expired: it waited too long to start). */
public enum JobState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED, EXPIRED;

    public boolean isEnded() {
        return this == DONE || this == FAILED || this == CANCELLED || this == EXPIRED;
    }
}
