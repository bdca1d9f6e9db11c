package io.jdash.callback;

import io.jdash.background.BackgroundManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * What makes a callback a background one (Dash's {@code background=True} and its companions).
 *
 * @param manager          the manager given to the callback, or {@code null} for the app's
 * @param queue            the worker queue, or {@code null} for the app's (by default "BackgroundCallbacks")
 * @param running          props set while the job runs and reset when it ends
 * @param cancel           inputs whose change cancels the job
 * @param progress         outputs that {@code setProgress} writes
 * @param progressDefault  their values whenever no job runs, or {@code null} to leave them as they are
 * @param cancelPrevious   whether firing the callback again from the same page cancels its running job (Dash does)
 * @param idempotent       whether running the job twice is harmless: a job lost with its server then runs again
 *                         instead of ending as the error "server lost"
 * @param onError          turns the job's exception into output values, or {@code null} to report the error
 * @param cache            how results are cached ({@code cacheBy}), or {@code null}: every call runs a job
 * @param expires          how long a job may wait on its queue before it ends as expired instead of running (Celery's
 *                         {@code expires}), or {@code null} for the server's {@code jdash.job-expiry-seconds}
 * @param timeLimit        how long a job may run before it is stopped and ends as an error (Celery's
 *                         {@code time_limit}), or {@code null} for the server's {@code jdash.job-time-limit-seconds}
 */
public record Background(BackgroundManager manager, String queue, List<Running> running, List<Input> cancel,
                         List<Output> progress, List<Object> progressDefault, boolean cancelPrevious,
                         boolean idempotent, Function<Exception, Object> onError, BackgroundFunction function,
                         CachePolicy cache, Duration expires, Duration timeLimit) {

    public Background {
        running = List.copyOf(running);
        cancel = List.copyOf(cancel);
        progress = List.copyOf(progress);
        progressDefault = progressDefault == null ? null : Collections.unmodifiableList(new ArrayList<>(progressDefault));
    }
}
