package io.jdash.background.run;

import io.jdash.background.BackgroundContext;
import io.jdash.background.JobCancelled;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventSink;
import io.jdash.callback.Callback;
import io.jdash.callback.NoUpdate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a job: the {@link BackgroundContext} its code sees. Cancelling it (or its time limit) wakes a
 * {@link #sleep} at once and interrupts the thread running the job, so even code blocked elsewhere notices. Code that
 * ignores the stop is given up: {@link JobTimeLimits} ends the job in its place and its manager frees the worker. Its
 * end is published once, by whichever comes first ({@link #takeEnd()}).
 */
public final class RunningJob implements BackgroundContext {

    private final JobSpec spec;
    private final Callback callback;
    private final JobEventSink sink;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile Thread thread;
    private final AtomicBoolean endTaken = new AtomicBoolean();
    private final AtomicBoolean stopWatched = new AtomicBoolean();
    private volatile String timeLimitMessage;
    private volatile Redeploy redeploy;
    private volatile Runnable onStop = () -> { };
    private volatile Runnable onGivenUp = () -> { };

    RunningJob(JobSpec spec, Callback callback, JobEventSink sink) {
        this.spec = spec;
        this.callback = callback;
        this.sink = sink;
    }

    public JobSpec spec() {
        return spec;
    }

    /** Whether the callback declared itself idempotent: after a crash mid-run it runs again. */
    public boolean mayRerunAfterLoss() {
        return callback.background().idempotent();
    }

    /** Cancels the run: the job's code sees {@link JobCancelled} at its next cancellation point. */
    public void cancel() {
        cancelled.countDown();
        synchronized (this) { // never interrupt a thread that has already been unbound and gone back to its pool
            if (thread != null) {
                thread.interrupt();
            }
        }
        if (stopWatched.compareAndSet(false, true)) {
            onStop.run();
        }
    }

    /**
     * Stops the run because its deployment is going away (a redeploy, an undeploy): it ends as the error
     * {@link JobEvent#SERVER_REDEPLOYED}, or, when {@code rerunIfIdempotent} and the callback is idempotent, with no end
     * at all: its record stays running under this run, and the next deployment's recovery (or, after an undeploy, any
     * node sharing the job store once this run is taken for lost) queues it again.
     */
    public void stopForRedeploy(boolean rerunIfIdempotent) {
        redeploy = rerunIfIdempotent && mayRerunAfterLoss() ? Redeploy.RERUN : Redeploy.END;
        cancel();
    }

    /** How a redeploy stopped the run: {@code null} when it did not. */
    Redeploy redeploy() {
        return redeploy;
    }

    /** What a run stopped by a redeploy leaves behind. */
    enum Redeploy {
        /** The error {@link JobEvent#SERVER_REDEPLOYED}. */
        END,
        /** Nothing: the job runs again after the redeploy. */
        RERUN
    }

    /** Stops the run because it ran past its time limit: a cancel whose end is the error {@code message}. */
    void stopForTimeLimit(String message) {
        timeLimitMessage = message;
        cancel();
    }

    /** Why the run was stopped when its time limit, not a cancel, stopped it; null otherwise. */
    String timeLimitMessage() {
        return timeLimitMessage;
    }

    /** What to do once the run is stopped (a cancel or its time limit) while its code runs: watch that it ends. */
    void onStop(Runnable watch) {
        onStop = watch;
        if (isCancelled() && stopWatched.compareAndSet(false, true)) {
            watch.run();
        }
    }

    /**
     * What the job's manager does if the run's code ignores a stop and is given up: free its worker (the thread stays
     * with the code; the manager replaces it). Set before the run starts.
     */
    public void onGivenUp(Runnable freeWorker) {
        onGivenUp = freeWorker;
    }

    /** Gives the run up: its worker is freed, whatever its code still does. */
    void giveUp() {
        onGivenUp.run();
    }

    /**
     * Takes the right to publish the job's end: true once, to the first caller (the run's own end, or
     * {@link JobTimeLimits} giving up a run whose code ignored its stop).
     */
    boolean takeEnd() {
        return endTaken.compareAndSet(false, true);
    }

    /** Whether the run's end has been published (or is being). */
    boolean hasEnded() {
        return endTaken.get();
    }

    /** Where the run's code is now, for the log when it is given up (empty when no thread runs it). */
    synchronized StackTraceElement[] whereItRuns() {
        return thread == null ? new StackTraceElement[0] : thread.getStackTrace();
    }

    /** The thread running the job's code, or null. */
    synchronized String threadName() {
        return thread == null ? null : thread.getName();
    }

    synchronized void bindToCurrentThread() {
        thread = Thread.currentThread();
    }

    void unbindThread() {
        synchronized (this) {
            thread = null;
        }
        Thread.interrupted(); // clear a cancel's interrupt before the thread goes back to its pool
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    @Override
    public String jobId() {
        return spec.id();
    }

    @Override
    public void sleep(long millis) {
        checkCancelled();
        try {
            if (cancelled.await(millis, TimeUnit.MILLISECONDS)) {
                throw new JobCancelled(spec.id());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new JobCancelled(spec.id());
        }
    }

    @Override
    public void setProgress(Object... values) {
        checkCancelled();
        int expected = callback.background().progress().size();
        if (values.length != expected) {
            throw new IllegalArgumentException("setProgress needs " + expected + " values (one per progress output), got "
                    + values.length);
        }
        List<Object> wire = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(value -> wire.add(value instanceof NoUpdate ? null : value));
        sink.publish(spec, JobOutputLimit.checked(JobEvent.progress(spec.id(), spec.callback(), wire), "a setProgress"));
    }

    @Override
    public void setProps(String componentId, Map<String, ?> props) {
        checkCancelled();
        sink.publish(spec, JobOutputLimit.checked(JobEvent.setProps(spec.id(), spec.callback(), componentId,
                new LinkedHashMap<>(props)), "a setProps"));
    }

    void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelled(spec.id());
        }
    }
}
