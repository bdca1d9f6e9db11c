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

/**
 * One run of a job: the {@link BackgroundContext} its code sees. Cancelling it wakes a {@link #sleep} at once
 * and interrupts the thread running the job, so even code blocked elsewhere notices.
 */
public final class RunningJob implements BackgroundContext {

    private final JobSpec spec;
    private final Callback callback;
    private final JobEventSink sink;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile Thread thread;

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
        sink.publish(spec, JobEvent.progress(spec.id(), spec.callback(), wire));
    }

    @Override
    public void setProps(String componentId, Map<String, ?> props) {
        checkCancelled();
        sink.publish(spec, JobEvent.setProps(spec.id(), spec.callback(), componentId, new LinkedHashMap<>(props)));
    }

    void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelled(spec.id());
        }
    }
}
