package io.jdash.background.jms;

import io.jdash.background.JobHop;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.background.run.JobRunner;
import io.jdash.background.run.RunningJob;
import io.jdash.background.store.BootId;
import io.jdash.background.store.JobStore;
import io.jdash.background.run.WorkerSlots;
import io.jdash.config.JDashConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's workers of each queue: {@link #start} takes a worker (a slot of the queue's {@link WorkerSlots}, waiting
 * while all are busy), starts the dequeued job as the batch job "background-callback", hands it to its
 * {@link CallbackBatchlet} and returns once the batchlet has begun, so the queue's single consumer takes its next
 * message only then: jobs start in arrival order, and up to {@code jdash.queue.<queue>.workers} (or
 * {@code jdash.workers}, 4) run at once. A job's end ({@link JobEndListener}) gives its worker back. Remembers
 * cancelled ids so a cancelled job is skipped when its message comes up, and stops running ones.
 */
@ApplicationScoped
public class QueueWorker {

    private static final Logger LOG = Logger.getLogger(QueueWorker.class.getName());
    static final String BATCH_JOB = "background-callback";
    static final long CANCEL_MEMORY_MILLIS = TimeUnit.HOURS.toMillis(1);
    /** How often the workers' batch executions are checked for one that ended without its end listener. */
    static final long CHECK_EVERY_SECONDS = 5;

    @Inject
    JobRunner runner;

    @Inject
    JobEventsTopic topic;

    @Inject
    JobStore store;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /**
     * A job between its dequeue and its end: what the batchlet needs, the worker it holds, and whether its batchlet
     * has begun (the consumer waits for that) and reported the job's end.
     */
    record Handoff(JobSpec spec, RunningJob execution, WorkerSlots.Slot worker, CompletableFuture<Void> begun,
                   AtomicLong batchExecution, AtomicBoolean reported, AtomicInteger endlessChecks) {

        /** The job is over on this node: its worker goes back to the queue; true for the call that did, once. */
        boolean finish() {
            return worker.giveBack();
        }
    }

    private final Map<String, Handoff> running = new ConcurrentHashMap<>();
    /** The jobs whose messages this node's consumers hold while they wait for a worker (off the queue, not claimed). */
    private final java.util.Set<String> holding = ConcurrentHashMap.newKeySet();
    private final Map<String, WorkerSlots> workers = new ConcurrentHashMap<>();
    private volatile JobOperator operator;
    private final Map<String, Long> cancelledAt = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private ScheduledFuture<?> checks;

    @PostConstruct
    void scheduleChecks() {
        if (scheduler != null) {
            checks = scheduler.scheduleWithFixedDelay(this::checkBatchExecutions, CHECK_EVERY_SECONDS,
                    CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** The workers of {@code queue} on this node. */
    WorkerSlots workersOf(String queue) {
        return workers.computeIfAbsent(queue, name -> {
            WorkerSlots slots = new WorkerSlots(JDashConfig.current().workers().of(name));
            if (stopping) {
                slots.close();
            }
            LOG.fine(() -> "queue " + name + ": " + slots.size() + " worker(s) on this node");
            return slots;
        });
    }

    /**
     * Called by the worker MDB: waits for a free worker of the job's queue and starts the job on it, unless it was
     * cancelled while queued; returns once the job's code is about to run (or the job has ended).
     *
     * @throws WorkersStopped when this node's workers stop (undeploy) before the job could start: the message goes
     *                        back to its queue, for the next deployment or another node
     */
    void start(JobSpec spec) {
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
        WorkerSlots.Slot slot;
        holding.add(spec.id());
        try {
            WorkerSlots slots = workersOf(spec.queue());
            if (slots.full()) {
                markHeld(spec);
            }
            slot = slots.take().orElseThrow(() -> new WorkersStopped(spec));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkersStopped(spec);
        } finally {
            holding.remove(spec.id()); // from here it runs, or goes back: either way not held off its queue any more
        }
        var handoff = new Handoff(spec, prepared, slot, new CompletableFuture<>(), new AtomicLong(-1),
                new AtomicBoolean(), new AtomicInteger());
        prepared.onGivenUp(() -> { // its code ignored a stop: the job has ended, its worker goes to the next job
            running.remove(spec.id(), handoff);
            handoff.finish();
        });
        boolean started = false;
        try {
            if (cancelledAt.containsKey(spec.id()) || expired(spec) || !claimed(spec, prepared)) {
                return;
            }
            running.put(spec.id(), handoff);
            if (cancelledAt.containsKey(spec.id())) {
                // cancelled between the check above and the put: cancel() found nothing running to stop, and the
                // claim came before it could end the job as queued
                LOG.fine(() -> "job " + spec.id() + " was cancelled as it was claimed; skipped");
                topic.workerSink().publish(spec, JobEvent.of(spec.id(), spec.callback(), JobEventType.cancelled));
                return;
            }
            var parameters = new Properties();
            parameters.setProperty("jobId", spec.id());
            JobOperator operator = operator();
            JobHop.mark(spec.id(), JobHop.BATCH_START);
            long execution;
            try {
                execution = operator.start(BATCH_JOB, parameters);
            } catch (IllegalStateException batchStopped) {
                // WildFly's batch service of this deployment has stopped (it stops before this bean on undeploy,
                // and its stopping the running jobs freed the worker this job took): the job goes back to its queue
                running.remove(spec.id(), handoff);
                store.requeue(spec.id(), BootId.current());
                throw new WorkersStopped(spec);
            }
            JobHop.mark(spec.id(), JobHop.BATCH_STARTED);
            handoff.batchExecution().set(execution);
            started = true; // from here the job's end gives its worker back
            awaitBegin(operator, execution, handoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WorkersStopped backToTheQueue) {
            throw backToTheQueue;
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.SEVERE, "job " + spec.id() + " could not run as a batch job", e);
            if (handoff.finish()) {
                running.remove(spec.id(), handoff);
                topic.workerSink().publish(spec, JobEvent.error(spec.id(), spec.callback(),
                        "the job could not start: " + e.getMessage()));
            }
        } finally {
            if (!started) {
                running.remove(spec.id(), handoff);
                handoff.finish();
            }
        }
    }

    /** Ends the job as expired when it waited on its queue past its expiry: it does not run. */
    private boolean expired(JobSpec spec) {
        if (!spec.expiredAt(System.currentTimeMillis())) {
            return false;
        }
        LOG.info(() -> "job " + spec.id() + " waited on queue " + spec.queue() + " past its expiry; it does not run");
        topic.workerSink().publish(spec, JobEvent.expired(spec.id(), spec.callback()));
        return true;
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
     * Waits until the job's batchlet has begun; checks the batch status each second in case the batch job ended
     * before its batchlet could run (it failed to start, or was stopped by a cancel), which then ends the job.
     */
    private void awaitBegin(JobOperator operator, long execution, Handoff handoff)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                handoff.begun().get(1, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException notYet) {
                BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
                if (isOver(status) && !handoff.begun().isDone()) {
                    over(handoff, status::name);
                    return;
                }
            }
        }
    }

    private static boolean isOver(BatchStatus status) {
        return status != BatchStatus.STARTING && status != BatchStatus.STARTED && status != BatchStatus.STOPPING;
    }

    /**
     * The job's batch execution is over: its worker is free. If its batchlet never reported the job's end, a job
     * cancelled meanwhile (stopped before its batchlet ran) ends as cancelled, as the page asked; any other as an
     * error, so the page never waits forever.
     */
    private void over(Handoff handoff, Supplier<String> status) {
        running.remove(handoff.spec().id(), handoff);
        handoff.begun().complete(null);
        if (!handoff.finish() || handoff.reported().get()) {
            return;
        }
        JobSpec spec = handoff.spec();
        if (handoff.execution().isCancelled()) {
            topic.workerSink().publish(spec, JobEvent.of(spec.id(), spec.callback(), JobEventType.cancelled));
            return;
        }
        topic.workerSink().publish(spec, JobEvent.error(spec.id(), spec.callback(),
                "the batch job ended " + status.get() + " before the callback could run; see the server log"));
    }

    /**
     * Every few seconds: a job whose batch execution is over (seen twice, so its end listener had its chance) but
     * that still holds its worker ended without the listener; it is ended here and its worker given back.
     */
    void checkBatchExecutions() {
        for (Handoff handoff : running.values()) {
            long execution = handoff.batchExecution().get();
            if (execution < 0) {
                continue;
            }
            try {
                BatchStatus status = operator().getJobExecution(execution).getBatchStatus();
                if (!isOver(status)) {
                    handoff.endlessChecks().set(0);
                } else if (handoff.endlessChecks().incrementAndGet() >= 2) {
                    LOG.warning(() -> "job " + handoff.spec().id() + ": its batch execution ended " + status
                            + " without its end listener; its worker is given back");
                    over(handoff, status::name);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not check batch execution " + execution, e);
            }
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

    /**
     * Notes in the job store that this node's consumer holds the job's message while it waits for a worker, so that
     * the queue audit of any node sharing the store leaves it alone ({@link RemovedJobs}). Only when it must wait: a
     * job that starts at once is claimed long before an audit could miss it twice.
     */
    private void markHeld(JobSpec spec) {
        try {
            store.held(spec.id(), BootId.current());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not mark job " + spec.id() + " as held by this node", e);
        }
    }

    /** Whether a consumer of this node holds the job's message while it waits for a worker. */
    boolean holds(String jobId) {
        return holding.contains(jobId);
    }

    /** The job the batchlet of this execution is to run: its code begins now, and the queue's consumer goes on. */
    Handoff handoff(String jobId) {
        Handoff handoff = running.get(jobId);
        if (handoff == null) {
            throw new IllegalStateException("no job " + jobId + " waiting for its batch execution on this node");
        }
        handoff.begun().complete(null);
        return handoff;
    }

    /** Called by {@link JobEndListener} when the batch job has ended, however it ended: its worker is free. */
    void ended(String jobId) {
        Handoff handoff = running.get(jobId);
        if (handoff != null) {
            over(handoff, () -> batchStatus(handoff));
        }
    }

    private String batchStatus(Handoff handoff) {
        try {
            return operator().getJobExecution(handoff.batchExecution().get()).getBatchStatus().name();
        } catch (RuntimeException unknown) {
            return "unknown";
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

    /**
     * The container stops the job's batch execution (WildFly's batch subsystem does on undeploy, before this bean's
     * {@link #stopAll}), unless a cancel or a time limit of ours asked for it: the job was stopped by a redeploy.
     */
    void stoppedByContainer(String jobId) {
        Handoff handoff = running.get(jobId);
        if (handoff != null && !cancelledAt.containsKey(jobId) && !handoff.execution().isCancelled()) {
            handoff.execution().stopForRedeploy(true);
        }
    }

    /**
     * On undeploy: no job starts any more (a consumer waiting for a worker gives its message back to the queue),
     * every job this node runs is stopped as by a redeploy (the error {@code SERVER_REDEPLOYED}, or, idempotent, run
     * again by the next deployment), and the consumers waiting on them are released.
     */
    @PreDestroy
    void stopAll() {
        stopping = true;
        workers.values().forEach(WorkerSlots::close);
        if (checks != null) {
            checks.cancel(false);
        }
        running.values().forEach(handoff -> {
            handoff.execution().stopForRedeploy(true);
            handoff.begun().complete(null);
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
