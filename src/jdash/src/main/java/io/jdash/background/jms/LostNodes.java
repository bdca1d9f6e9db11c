package io.jdash.background.jms;

import io.jdash.background.JobSpec;
import io.jdash.background.jobs.JobRecovery;
import io.jdash.background.jobs.JobsRecovered;
import io.jdash.background.store.BootId;
import io.jdash.background.store.JobStore;
import io.jdash.background.store.NodeBeats;
import io.jdash.background.store.StoredJob;
import io.jdash.config.JDashConfig;
import io.jdash.config.NodeLiveness;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where several nodes share the job database: says every {@code jdash.node-heartbeat-seconds} that this node is alive
 * ({@link NodeBeats}), and takes over from a node silent for {@code jdash.node-lost-seconds} — killed, frozen, or cut off
 * — so its running jobs do not keep their pages waiting for ever: each ends as "server lost" (or, for an idempotent
 * callback, is queued again), and the end goes out on the JobEvents topic to whichever node holds the page. Its queued
 * jobs need nothing: their messages are on the broker, and a message its consumer held goes back to the queue when the
 * broker drops the dead connection. A node that restarts in time recovers its own jobs first ({@link JobRecovery}).
 */
@ApplicationScoped
public class LostNodes {

    private static final Logger LOG = Logger.getLogger(LostNodes.class.getName());

    @Inject
    NodeBeats nodes;

    @Inject
    JobStore store;

    @Inject
    JobRecovery recovery;

    @Inject
    JobEventsTopic topic;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final NodeLiveness liveness = JDashConfig.current().nodes();
    private ScheduledFuture<?> beats;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!nodes.shared() || scheduler == null) {
            return; // one JVM: nobody to take over from
        }
        beatAndLook();
        long every = liveness.beat().toMillis();
        beats = scheduler.scheduleWithFixedDelay(this::beatAndLook, every, every, TimeUnit.MILLISECONDS);
    }

    void beatAndLook() {
        long now = System.currentTimeMillis();
        try {
            nodes.beat(BootId.node(), BootId.current(), now);
            long silentSince = now - liveness.lostAfter().toMillis();
            for (NodeBeats.NodeBoot silent : nodes.silentSince(silentSince)) {
                if (!silent.boot().equals(BootId.current()) && nodes.forget(silent.boot(), silentSince)) {
                    takeOver(silent);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not check the other nodes sharing the job database", e);
        }
    }

    private void takeOver(NodeBeats.NodeBoot lost) {
        var recovered = recovery.recover(store.orphansOfBoot(lost.boot()));
        publishEnds(recovered);
        LOG.warning("node " + lost.node() + " (run " + lost.boot() + ") has been silent for "
                + (System.currentTimeMillis() - lost.seenAtMillis()) / 1000 + " s: taken for lost; " + recovered.size()
                + " of its job(s) ended as \"server lost\" or queued again");
    }

    /**
     * This node, starting, ended the jobs its earlier run left running ({@link JobRecovery}): their pages may be on
     * other nodes (a web node that accepted a job this worker node ran), so the ends go out on the topic too.
     */
    void announce(@Observes JobsRecovered recovered) {
        try {
            publishEnds(recovered.ended());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not publish the ends of the jobs of this node's last run", e);
        }
    }

    private void publishEnds(java.util.List<JobRecovery.Recovered> recovered) {
        for (JobRecovery.Recovered job : recovered) {
            StoredJob ended = job.job();
            if (job.end() != null && JmsBatchManager.NAME.equals(ended.manager())) {
                topic.sink().publish(new JobSpec(ended.id(), ended.app(), ended.callback(), ended.owner(),
                        ended.queue(), null, null), job.end());
            }
        }
    }

    @PreDestroy
    void stop() {
        if (beats != null) {
            beats.cancel(false);
            try {
                // a job left running (an idempotent one stopped by this undeploy, to run again) keeps this run's row,
                // so that the next deployment, or another node once the row is silent, takes the job over
                if (store.orphansOfBoot(BootId.current()).isEmpty()) {
                    nodes.leave(BootId.current());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not say this node leaves", e);
            }
        }
    }
}
