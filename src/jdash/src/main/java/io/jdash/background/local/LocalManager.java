package io.jdash.background.local;

import io.jdash.background.BackgroundManager;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventSink;
import io.jdash.background.event.JobEventType;
import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.run.JobRunner;
import io.jdash.background.run.RunningJob;
import io.jdash.background.store.BootId;
import io.jdash.background.store.JobStore;
import io.jdash.background.store.StoredEndSink;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs jobs in this JVM: one single-thread executor per worker queue, so each queue runs its jobs one at a
 * time in arrival order, and events go straight to this node's {@link JobRegistry}. No broker, no batch
 * runtime, nothing to configure.
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

    private final Map<String, ExecutorService> queues = new ConcurrentHashMap<>();
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
        queues.computeIfAbsent(job.queue(), this::newWorker).execute(() -> {
            try {
                // the claim makes the record say "running", so a cancel can no longer end it as never started
                if (!execution.isCancelled() && store.claim(job.id(), BootId.node(), false) == JobStore.Claim.RUN) {
                    runner.run(job, execution, sink);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "job " + job.id() + " could not run", e);
                sink.publish(job, JobEvent.error(job.id(), job.callback(), "the job could not run: " + e.getMessage()));
            } finally {
                executions.remove(job.id());
            }
        });
    }

    @Override
    public void cancel(String jobId) {
        RunningJob execution = executions.get(jobId);
        if (execution == null) {
            return;
        }
        JobSpec job = execution.spec();
        JobEvent cancelled = JobEvent.of(jobId, job.callback(), JobEventType.cancelled);
        boolean wasQueued = store.cancelQueued(jobId, cancelled);
        execution.cancel();
        if (wasQueued) {
            // it will never start; the page hears it now rather than when its turn comes
            registry.record(job, cancelled, name());
        }
    }

    @PreDestroy
    void stop() {
        executions.values().forEach(RunningJob::cancel);
        queues.values().forEach(ExecutorService::shutdownNow);
    }

    private ExecutorService newWorker(String queue) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = threads != null ? threads.newThread(task) : new Thread(task);
            thread.setName("jdash-local-" + queue);
            thread.setDaemon(true);
            return thread;
        });
    }
}
