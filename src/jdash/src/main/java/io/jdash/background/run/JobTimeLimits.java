package io.jdash.background.run;

import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventSink;
import io.jdash.background.event.JobEventType;
import io.jdash.config.JDashConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps running jobs within their time: stops a run that passes its time limit (Celery's {@code time_limit}), and
 * gives up a run whose code ignores a stop — its time limit's or a cancel's — for longer than
 * {@code jdash.job-stop-grace-seconds}: the job ends in its place (an error for the time limit, cancelled for a
 * cancel), the page hears it, and the job's manager frees the worker for the queue's next job. The thread stays with
 * the code until it returns (Java cannot stop it); its stack goes to the log.
 */
@ApplicationScoped
public class JobTimeLimits {

    private static final Logger LOG = Logger.getLogger(JobTimeLimits.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /**
     * Watches a run that starts now: stopped at {@code limit} (none when null), given up {@code grace} after any
     * stop its code ignores. Cancel the returned future when the run ends.
     */
    ScheduledFuture<?> watch(JobSpec spec, RunningJob execution, Duration limit, JobEventSink sink) {
        Duration grace = JDashConfig.current().jobLimits().stopGrace();
        execution.onStop(() -> scheduler.schedule(() -> giveUpIfRunning(spec, execution, sink, grace),
                grace.toMillis(), TimeUnit.MILLISECONDS));
        if (limit == null) {
            return null;
        }
        return scheduler.schedule(() -> {
            if (!execution.hasEnded()) {
                LOG.warning(() -> "job " + spec.id() + " of " + spec.callback() + " in app " + spec.app()
                        + " ran past its time limit of " + words(limit) + "; stopping it");
                execution.stopForTimeLimit("the job ran past its time limit of " + words(limit) + " and was stopped");
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUpIfRunning(JobSpec spec, RunningJob execution, JobEventSink sink, Duration grace) {
        StackTraceElement[] stack = execution.whereItRuns();
        String thread = execution.threadName();
        if (!execution.takeEnd()) {
            return; // it noticed the stop and ended
        }
        String limitMessage = execution.timeLimitMessage();
        LOG.severe(() -> "job " + spec.id() + " of " + spec.callback() + " in app " + spec.app() + " ignored its "
                + (limitMessage != null ? "time limit" : "cancel") + " for " + words(grace)
                + ": its worker is given up and replaced; thread " + thread + " still runs its code at\n\t"
                + Arrays.stream(stack).limit(40).map(String::valueOf).collect(Collectors.joining("\n\t")));
        JobEvent end = execution.redeploy() != null
                ? JobEvent.error(spec.id(), spec.callback(), JobEvent.SERVER_REDEPLOYED)
                : limitMessage != null
                ? JobEvent.error(spec.id(), spec.callback(), limitMessage + "; its code did not stop within "
                        + words(grace) + ", so its worker was given up")
                : JobEvent.of(spec.id(), spec.callback(), JobEventType.cancelled);
        sink.publish(spec, end);
        execution.giveUp();
    }

    /** A duration as a person reads it: "90 s", "2 min", "1 h". */
    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + " ms";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0 && seconds >= 60) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
