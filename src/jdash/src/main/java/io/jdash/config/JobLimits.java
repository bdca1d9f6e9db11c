package io.jdash.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The server's defaults for how long a background job may wait and run (a callback may set its own):
 * Celery's {@code expires} and {@code time_limit}.
 *
 * @param expiry    {@code jdash.job-expiry-seconds}: a job still queued this long after it was accepted ends as
 *                  expired instead of running (3,600 s; 0: never)
 * @param timeLimit {@code jdash.job-time-limit-seconds}: a job running this long is stopped and ends as an error
 *                  (3,600 s; 0: no limit)
 * @param stopGrace {@code jdash.job-stop-grace-seconds}: how long a stopped job's code may take to notice before its
 *                  worker is given up and replaced (10 s, at least 1)
 * @param absentOwnerGrace {@code jdash.absent-owner-grace-seconds}: a job still waiting to start whose owner has had no
 *                  page open (no socket, no request) this long is cancelled (60 s; 0: never)
 */
public record JobLimits(Duration expiry, Duration timeLimit, Duration stopGrace, Duration absentOwnerGrace) {

    /** {@code jdash.job-expiry-seconds} and {@code jdash.job-time-limit-seconds} when unset. */
    public static final Duration DEFAULT = Duration.ofHours(1);

    public JobLimits {
        expiry = nonNegative(expiry);
        timeLimit = nonNegative(timeLimit);
        stopGrace = stopGrace.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : stopGrace;
        absentOwnerGrace = nonNegative(absentOwnerGrace);
    }

    /** The expiry of a callback that declares {@code own} (null: none of its own), or empty when it never expires. */
    public Optional<Duration> expiryOf(Duration own) {
        return positive(own != null ? own : expiry);
    }

    /** The time limit of a callback that declares {@code own} (null: none of its own), or empty for none. */
    public Optional<Duration> timeLimitOf(Duration own) {
        return positive(own != null ? own : timeLimit);
    }

    private static Optional<Duration> positive(Duration duration) {
        return duration.isZero() || duration.isNegative() ? Optional.empty() : Optional.of(duration);
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
