package io.jdash.background.event;

/**
 * The kinds of {@link JobEvent}, spelled as they travel on the wire (hence lower case). A job starts
 * {@code accepted}, may go {@code running} and send {@code progress} and {@code set_props}, and ends with
 * exactly one of {@code done}, {@code error}, {@code cancelled} or {@code expired} (it waited on its queue past its
 * expiry and never ran).
 */
public enum JobEventType {
    accepted, running, progress, set_props, done, error, cancelled, expired;

    public boolean ends() {
        return this == done || this == error || this == cancelled || this == expired;
    }

    /** Whether the job ended without its outputs and with a message for the page: an error, or its expiry. */
    public boolean endsWithMessage() {
        return this == error || this == expired;
    }

    public JobState resultingState() {
        return switch (this) {
            case accepted -> JobState.QUEUED;
            case running, progress, set_props -> JobState.RUNNING;
            case done -> JobState.DONE;
            case error -> JobState.FAILED;
            case cancelled -> JobState.CANCELLED;
            case expired -> JobState.EXPIRED;
        };
    }
}
