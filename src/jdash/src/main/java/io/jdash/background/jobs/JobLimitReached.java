package io.jdash.background.jobs;

/**
 * A new job would pass one of the fairness bounds ({@link JobAdmission}); the web layer answers 429 (or, on Dash's
 * socket, an error answer) with this message, and the page shows it. Every message starts with {@link #PREFIX}.
 */
public class JobLimitReached extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** How every message begins, so the page can tell a refusal from a failed callback. */
    public static final String PREFIX = "too many jobs: ";

    JobLimitReached(String why) {
        super(PREFIX + why, null, false, false);
    }
}
