package io.jdash.background.jms;

import io.jdash.background.JobHop;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.background.run.JobRunner;
import io.jdash.background.run.RunningJob;
import io.jdash.background.store.BootId;
import io.jdash.background.store.JobStore;
import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's side of the worker queues: starts a dequeued job as the batch job "background-callback",
 * hands the job to its {@link CallbackBatchlet} and waits for the job's end (signalled by
 * {@link JobEndListener}), so the MDB takes its next message only then. Remembers cancelled ids so a
 * cancelled job is skipped when its message comes up, and stops running ones.
 */
@ApplicationScoped
public class QueueWorker {

    private static final Logger LOG = Logger.getLogger(QueueWorker.class.getName());
    static final String BATCH_JOB = "background-callback";
    static final long CANCEL_MEMORY_MILLIS = TimeUnit.HOURS.toMillis(1);

    @Inject
    JobRunner runner;

    @Inject
    JobEventsTopic topic;

    @Inject
    JobStore store;

    /** A job between its dequeue and its end: what the batchlet needs, and the future the MDB waits on. */
    record Handoff(JobSpec spec, RunningJob execution, CompletableFuture<Void> ended, AtomicLong batchExecution,
                   AtomicBoolean reported) {
    }

    private final Map<String, Handoff> running = new ConcurrentHashMap<>();
    private volatile JobOperator operator;
    private final Map<String, Long> cancelledAt = new ConcurrentHashMap<>();

    /** Called by the worker MDB: runs the job to its end unless it was cancelled while queued. */
    void runToEnd(JobSpec spec) {
        JobHop.mark(spec.id(), JobHop.RECEIVED);
        if (cancelledAt.containsKey(spec.id())) {
            LOG.fine(() -> "job " + spec.id() + " was cancelled while queued; skipped");
            return;
        }
        RunningJob prepared;
        try {
            prepared = runner.prepare(spec, topic.workerSink());
        } catch (RuntimeException unknown) { // an app or callback this node lacks: end the job, never redeliver it
            LOG.log(Level.SEVERE, "job " + spec.id() + " cannot run on this node", unknown);
            topic.workerSink().publish(spec, JobEvent.error(spec.id(), spec.callback(), unknown.getMessage()));
            return;
        }
        if (!claimed(spec, prepared)) {
            return;
        }
        var handoff = new Handoff(spec, prepared, new CompletableFuture<>(), new AtomicLong(-1), new AtomicBoolean());
        running.put(spec.id(), handoff);
        try {
            if (cancelledAt.containsKey(spec.id())) {
                // cancelled between the check above and the put: cancel() found nothing running to stop
                LOG.fine(() -> "job " + spec.id() + " was cancelled while queued; skipped");
                return;
            }
            var parameters = new Properties();
            parameters.setProperty("jobId", spec.id());
            JobOperator operator = operator();
            JobHop.mark(spec.id(), JobHop.BATCH_START);
            long execution = operator.start(BATCH_JOB, parameters);
            JobHop.mark(spec.id(), JobHop.BATCH_STARTED);
            handoff.batchExecution().set(execution);
            awaitEnd(operator, execution, handoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.SEVERE, "job " + spec.id() + " could not run as a batch job", e);
            topic.workerSink().publish(spec, JobEvent.error(spec.id(), spec.callback(),
                    "the job could not start: " + e.getMessage()));
        } finally {
            running.remove(spec.id());
        }
    }

    /**
     * Claims the job in the job store: false when it must not run (it ended, or it was lost with a crashed
     * server, in which case it now ends as an error unless its callback is idempotent and runs again).
     */
    private boolean claimed(JobSpec spec, RunningJob prepared) {
        JobStore.Claim claim = store.claim(spec.id(), BootId.node(), prepared.mayRerunAfterLoss());
        JobHop.mark(spec.id(), JobHop.CLAIMED);
        switch (claim) {
            case RUN:
                return true;
            case RERUN:
                LOG.info(() -> "job " + spec.id() + " was running when its server was lost; it is idempotent: running it again");
                return true;
            case LOST:
                LOG.warning(() -> "job " + spec.id() + " was running when its server was lost; it ends as an error");
                topic.workerSink().publish(spec, JobEvent.serverLost(spec.id(), spec.callback()));
                return false;
            default:
                LOG.fine(() -> "job " + spec.id() + " has ended or runs already; its message is skipped");
                return false;
        }
    }

    /**
     * Waits for {@link JobEndListener} to say the batch job ended; checks the batch status each second in case
     * the job failed before its listener could run. A job that ended without its batchlet reporting an end
     * (it failed to start) is reported as an error, so the page never waits forever; one that was cancelled meanwhile
     * (stopped before its batchlet ran) as cancelled.
     */
    private void awaitEnd(JobOperator operator, long execution, Handoff handoff)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                handoff.ended().get(1, TimeUnit.SECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
                if (status != BatchStatus.STARTING && status != BatchStatus.STARTED && status != BatchStatus.STOPPING) {
                    break;
                }
            }
        }
        if (!handoff.reported().get()) {
            JobSpec spec = handoff.spec();
            if (handoff.execution().isCancelled()) {
                // cancelled while the batch job started: stopped before its batchlet ran, as the page asked
                topic.workerSink().publish(spec, JobEvent.of(spec.id(), spec.callback(), JobEventType.cancelled));
                return;
            }
            BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
            topic.workerSink().publish(spec, JobEvent.error(spec.id(), spec.callback(),
                    "the batch job ended " + status + " before the callback could run; see the server log"));
        }
    }

    /**
     * The batch runtime's job operator, looked up once: {@code BatchRuntime.getJobOperator()} runs a
     * ServiceLoader lookup on every call (seen in the benchmark's JFR profile).
     */
    private JobOperator operator() {
        JobOperator found = operator;
        if (found == null) {
            found = BatchRuntime.getJobOperator();
            operator = found;
        }
        return found;
    }

    JobRunner runner() {
        return runner;
    }

    /** The job the batchlet of this execution is to run. */
    Handoff handoff(String jobId) {
        Handoff handoff = running.get(jobId);
        if (handoff == null) {
            throw new IllegalStateException("no job " + jobId + " waiting for its batch execution on this node");
        }
        return handoff;
    }

    /** Called by {@link JobEndListener} when the batch job has ended, however it ended. */
    void ended(String jobId) {
        Handoff handoff = running.get(jobId);
        if (handoff != null) {
            handoff.ended().complete(null);
        }
    }

    void cancel(String jobId) {
        long now = System.currentTimeMillis();
        cancelledAt.values().removeIf(at -> at < now - CANCEL_MEMORY_MILLIS);
        cancelledAt.put(jobId, now);
        Handoff handoff = running.get(jobId);
        if (handoff != null) {
            handoff.execution().cancel();
            stopBatchExecution(handoff.batchExecution().get());
        }
    }

    /** On undeploy: stop every job this node runs and release the MDBs waiting on them. */
    @PreDestroy
    void stopAll() {
        running.values().forEach(handoff -> {
            handoff.execution().cancel();
            handoff.ended().complete(null);
        });
    }

    private static void stopBatchExecution(long executionId) {
        if (executionId < 0) {
            return;
        }
        try {
            BatchRuntime.getJobOperator().stop(executionId); // rare: no need for the cached one
        } catch (JobExecutionNotRunningException alreadyOver) {
            // it ended on its own meanwhile
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not stop batch execution " + executionId, e);
        }
    }
}
