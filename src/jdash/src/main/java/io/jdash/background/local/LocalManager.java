package io.jdash.background.local;

import io.jdash.background.BackgroundManager;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventSink;
import io.jdash.background.event.JobEventType;
import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.run.JobRunner;
import io.jdash.background.run.RunningJob;
import io.jdash.background.run.WorkerSlots;
import io.jdash.background.store.BootId;
import io.jdash.background.store.JobStore;
import io.jdash.background.store.StoredEndSink;
import io.jdash.config.JDashConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs jobs in this JVM, and events go straight to this node's {@link JobRegistry}; no broker, no batch runtime,
 * nothing to configure. Each worker queue has a dispatcher thread that takes its jobs in arrival order and starts
 * each on a worker once one is free (the same {@link WorkerSlots} and the same count, {@code jdash.workers} or
 * {@code jdash.queue.<queue>.workers}, as the production manager), so jobs start in arrival order and up to that
 * many run at once.
 */
@ApplicationScoped
@Typed(LocalManager.class) // injected by its class; @Inject BackgroundManager gets the default (Managers)
public class LocalManager implements BackgroundManager {

    private static final Logger LOG = Logger.getLogger(LocalManager.class.getName());

    @Inject
    JobRunner runner;

    @Inject
    JobRegistry registry;

    /** The server's managed threads (so job code can use JNDI and CDI); plain threads outside a server. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final Map<String, LocalQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, RunningJob> executions = new ConcurrentHashMap<>();

    @Inject
    JobStore store;

    /** Events go straight to this node's registry; a job's end is written to the job store first. */
    private JobEventSink sink() {
        return new StoredEndSink(store, (job, event) -> registry.record(job, event, name()));
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void submit(JobSpec job) {
        JobEventSink sink = sink();
        RunningJob execution = runner.prepare(job, sink);
        executions.put(job.id(), execution);
        LocalQueue queue = queues.computeIfAbsent(job.queue(), this::newQueue);
        queue.dispatcher().execute(() -> startWhenAWorkerIsFree(queue, job, execution, sink));
    }

    /** On the queue's dispatcher: waits for a free worker, claims the job and starts it there (unless cancelled). */
    private void startWhenAWorkerIsFree(LocalQueue queue, JobSpec job, RunningJob execution, JobEventSink sink) {
        boolean handedOver = false;
        try {
            Optional<WorkerSlots.Slot> slot = queue.workers().take();
            if (slot.isEmpty()) {
                return; // stopping
            }
            var worker = new Worker(queue, slot.get());
            try {
                if (job.expiredAt(System.currentTimeMillis())) {
                    sink.publish(job, JobEvent.expired(job.id(), job.callback()));
                } else if (!execution.isCancelled() && store.claim(job.id(), BootId.node(), false) == JobStore.Claim.RUN) {
                    // the claim made the record say "running", so a cancel can no longer end it as never started
                    execution.onGivenUp(worker::giveUp);
                    queue.pool().execute(() -> runOnWorker(worker, job, execution, sink));
                    handedOver = true;
                }
            } finally {
                if (!handedOver) {
                    worker.ended();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "job " + job.id() + " could not start", e);
            sink.publish(job, JobEvent.error(job.id(), job.callback(), "the job could not start: " + e.getMessage()));
        } finally {
            if (!handedOver) {
                executions.remove(job.id());
            }
        }
    }

    private void runOnWorker(Worker worker, JobSpec job, RunningJob execution, JobEventSink sink) {
        try {
            runner.run(job, execution, sink);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "job " + job.id() + " could not run", e);
            sink.publish(job, JobEvent.error(job.id(), job.callback(), "the job could not run: " + e.getMessage()));
        } finally {
            executions.remove(job.id());
            worker.ended();
        }
    }

    /**
     * One job's hold on a worker of its queue. It ends when the job's code returns, or earlier when the code ignored a
     * stop and was given up: the worker's slot then goes back to the queue at once, and the pool gets a thread more
     * until the given-up code returns, so the queue keeps its count of workers.
     */
    private static final class Worker {
        private final LocalQueue queue;
        private final WorkerSlots.Slot slot;
        private volatile boolean givenUp;

        Worker(LocalQueue queue, WorkerSlots.Slot slot) {
            this.queue = queue;
            this.slot = slot;
        }

        void giveUp() {
            givenUp = true;
            queue.grow();
            slot.giveBack();
        }

        void ended() {
            if (givenUp) {
                queue.shrink();
            }
            slot.giveBack();
        }
    }

    @Override
    public void cancel(String jobId) {
        RunningJob execution = executions.get(jobId);
        if (execution != null && !endBeforeStart(jobId,
                JobEvent.of(jobId, execution.spec().callback(), JobEventType.cancelled))) {
            execution.cancel();
        }
    }

    @Override
    public boolean removeBeforeStart(String jobId, String message) {
        return registry.specOf(jobId).map(job -> endBeforeStart(jobId, JobEvent.error(jobId, job.callback(), message)))
                .orElse(false);
    }

    private boolean endBeforeStart(String jobId, JobEvent end) {
        RunningJob execution = executions.get(jobId);
        if (execution == null || !store.cancelQueued(jobId, end)) {
            return false;
        }
        execution.cancel(); // its turn comes to nothing
        registry.record(execution.spec(), end, name()); // the page hears it now rather than when its turn comes
        return true;
    }

    @PreDestroy
    void stop() {
        queues.values().forEach(queue -> queue.workers().close());
        // the local queues die with the deployment: a running job ends as the error SERVER_REDEPLOYED, idempotent or not
        executions.values().forEach(execution -> execution.stopForRedeploy(false));
        queues.values().forEach(LocalQueue::shutdownNow);
    }

    /**
     * A worker queue in this JVM: its dispatcher thread, its workers' slots and their threads (as many as slots: a
     * worker's thread may still be finishing its job's last step as the next job is handed to it).
     */
    private record LocalQueue(ExecutorService dispatcher, WorkerSlots workers, ThreadPoolExecutor pool) {

        void shutdownNow() {
            dispatcher.shutdownNow();
            pool.shutdownNow();
        }

        /** One thread more, in place of one held by code that was given up. */
        synchronized void grow() {
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
            pool.setCorePoolSize(pool.getCorePoolSize() + 1);
        }

        /** The given-up code returned: its thread is one too many. */
        synchronized void shrink() {
            pool.setCorePoolSize(pool.getCorePoolSize() - 1);
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() - 1);
        }
    }

    private LocalQueue newQueue(String queue) {
        WorkerSlots workers = new WorkerSlots(JDashConfig.current().workers().of(queue));
        AtomicInteger made = new AtomicInteger();
        return new LocalQueue(Executors.newSingleThreadExecutor(task -> thread(task, "jdash-local-" + queue)),
                workers, new ThreadPoolExecutor(workers.size(), workers.size(), 0, TimeUnit.MILLISECONDS,
                        new LinkedBlockingQueue<>(),
                        task -> thread(task, "jdash-local-" + queue + "-worker-" + made.incrementAndGet())));
    }

    private Thread thread(Runnable task, String name) {
        Thread thread = threads != null ? threads.newThread(task) : new Thread(task);
        thread.setName(name);
        thread.setDaemon(true);
        return thread;
    }
}
