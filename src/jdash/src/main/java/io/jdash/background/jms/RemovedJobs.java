package io.jdash.background.jms;

import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.background.store.JobStore;
import io.jdash.background.store.NodeBeats;
import io.jdash.background.store.StoredJob;
import io.jdash.config.JDashConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Ends the jobs whose messages an operator removed from their worker queue with the server's CLI
 * ({@code jms-queue=…:remove-messages(filter="jobId='…'")}; {@code list-messages} shows each message's {@code jobId},
 * {@code app} and {@code callback}): every {@code jdash.queue-audit-seconds} (30) it browses the queues of the jobs
 * the job store says are waiting, and a job whose message two browses in a row did not find ends as the error
 * {@value #REMOVED}, so its page hears it instead of waiting for a message that will never come. A job whose message
 * is being taken by a worker is claimed (no longer waiting) well before a second browse. A browse does not see a
 * message that a queue's consumer holds while it waits for a free worker: such a job is left alone when this node
 * holds it ({@link QueueWorker#holds}) or when its record says a boot that is still alive holds it (the consumer of
 * any node marks it so before it waits: {@link io.jdash.background.store.JobStore#held}; alive: heard of within
 * {@code jdash.node-lost-seconds}, {@link NodeBeats}). A held message whose node dies goes back to its queue.
 */
@ApplicationScoped
public class RemovedJobs {

    private static final Logger LOG = Logger.getLogger(RemovedJobs.class.getName());
    static final String REMOVED = BackgroundJobs.REMOVED;

    @Inject
    JobStore store;

    @Inject
    NodeBeats nodes;

    @Inject
    JmsChannels channels;

    @Inject
    JobEventsTopic topic;

    @Inject
    QueueWorker worker;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Set<String> missingOnce = new HashSet<>();
    private long everyMillis;
    private ScheduledFuture<?> audit;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        everyMillis = JDashConfig.current().queueAudit().toMillis();
        if (scheduler != null && everyMillis > 0) {
            audit = scheduler.scheduleWithFixedDelay(this::endJobsRemovedFromTheirQueues, everyMillis, everyMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (audit != null) {
            audit.cancel(false);
        }
    }

    synchronized void endJobsRemovedFromTheirQueues() {
        List<StoredJob> waiting;
        try {
            waiting = store.queuedOf(JmsBatchManager.NAME, System.currentTimeMillis() - everyMillis);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not read the waiting jobs", e);
            return;
        }
        Set<String> aliveBoots;
        try {
            aliveBoots = nodes.aliveSince(System.currentTimeMillis() - JDashConfig.current().nodes().lostAfter().toMillis());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not read the live nodes", e);
            return;
        }
        Set<String> missing = new HashSet<>();
        Map<String, List<StoredJob>> byQueue = waiting.stream().collect(Collectors.groupingBy(StoredJob::queue));
        byQueue.forEach((queue, jobs) -> {
            Set<String> onQueue;
            try {
                onQueue = channels.jobsOn(queue);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not browse queue " + queue, e);
                return;
            }
            for (StoredJob job : jobs) {
                boolean held = worker.holds(job.id()) || (job.heldBy() != null && aliveBoots.contains(job.heldBy()));
                if (!onQueue.contains(job.id()) && !held) {
                    missing.add(job.id());
                    if (missingOnce.contains(job.id())) {
                        end(job);
                    }
                }
            }
        });
        missingOnce.retainAll(missing);
        missingOnce.addAll(missing);
    }

    private void end(StoredJob job) {
        JobEvent removed = JobEvent.error(job.id(), job.callback(), REMOVED);
        if (store.cancelQueued(job.id(), removed)) {
            LOG.warning(() -> "job " + job.id() + " of " + job.callback() + " in app " + job.app() + " is not on queue "
                    + job.queue() + " any more (an operator removed its message): it ends without running");
            topic.sink().publish(new JobSpec(job.id(), job.app(), job.callback(), job.owner(), job.queue(), null, null),
                    removed);
        }
    }
}
