package io.jdash.background.jobs;

import io.jdash.app.AppCatalog;
import io.jdash.background.event.JobEvent;
import io.jdash.background.store.BootId;
import io.jdash.background.store.JobStore;
import io.jdash.background.store.JobStoreFailure;
import io.jdash.background.store.StoreMark;
import io.jdash.background.store.StoredJob;
import io.jdash.callback.Callback;
import io.jdash.config.JDashConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On start: ends the jobs an earlier run of this node left without an owner ("server lost", or, when the callback is
 * idempotent, queued and sent again), then gives the registry back every job
 * a page may still need to hear of. Every hour: forgets job records ended more than a day ago (the system
 * property {@code jdash.job-record-retention-seconds} sets another age; the purge then runs at least twice per age).
 */
@ApplicationScoped
public class JobRecovery {

    private static final Logger LOG = Logger.getLogger(JobRecovery.class.getName());
    static final long KEEP_ENDED_MILLIS = JDashConfig.current().jobRecordRetention().toMillis();
    /** How often the purge runs: hourly, or twice per retention age when that is shorter (at least every 10 s). */
    static final long PURGE_EVERY_SECONDS = Math.max(10, Math.min(TimeUnit.HOURS.toSeconds(1),
            TimeUnit.MILLISECONDS.toSeconds(KEEP_ENDED_MILLIS) / 2));

    @Inject
    JobStore store;

    @Inject
    JobRegistry registry;

    @Inject
    AppCatalog catalog;

    @Inject
    ManagerLookup managers;

    @Inject
    jakarta.enterprise.event.Event<JobsRecovered> announce;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    StoreMark mark;

    private ScheduledFuture<?> purge;
    private ScheduledFuture<?> marking;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        checkMark();
        try {
            endOrphans();
            store.needingAttention(System.currentTimeMillis() - JobRegistry.RETENTION_MILLIS).forEach(registry::restore);
        } catch (JobStoreFailure e) {
            LOG.log(Level.SEVERE, "could not recover the jobs of the last run; they stay as they were", e);
        }
        if (scheduler != null) {
            purge = scheduler.scheduleWithFixedDelay(this::purgeOldRecords, Math.min(60, PURGE_EVERY_SECONDS),
                    PURGE_EVERY_SECONDS, TimeUnit.SECONDS);
            marking = scheduler.scheduleWithFixedDelay(this::advanceMark, 60, 60, TimeUnit.SECONDS);
        }
    }

    void endOrphans() {
        List<Recovered> recovered = recover(store.orphansOf(BootId.node()));
        List<Recovered> endedJobs = recovered.stream().filter(r -> r.end() != null).toList();
        if (!endedJobs.isEmpty()) {
            try {
                announce.fire(new JobsRecovered(endedJobs));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not tell the other nodes how the jobs of the last run ended", e);
            }
        }
        long ended = endedJobs.size();
        long requeued = recovered.size() - ended;
        if (ended > 0) {
            LOG.warning(ended + " job(s) of an earlier run of this server ended as \"" + JobEvent.SERVER_LOST + "\"");
        }
        if (requeued > 0) {
            LOG.info(requeued + " idempotent job(s) an earlier run of this server was running were queued again");
        }
    }

    /** What recovery did with one job a lost server had in hand: ended it with {@code end}, or (null) queued it again. */
    public record Recovered(StoredJob job, JobEvent end) {
    }

    /**
     * Takes over the jobs a lost JVM run had in hand (an earlier run of this node, or another node gone silent): a job
     * of an idempotent callback is queued again, every other one ends as "server lost" in the job store. Returns what
     * this call did (a job another node or a redelivered message took first is left out).
     */
    public List<Recovered> recover(List<StoredJob> orphans) {
        List<Recovered> recovered = new ArrayList<>();
        for (StoredJob orphan : orphans) {
            if (rerunsAfterLoss(orphan)) {
                if (requeue(orphan)) {
                    recovered.add(new Recovered(orphan, null));
                }
            } else {
                JobEvent lost = JobEvent.serverLost(orphan.id(), orphan.callback());
                if (store.finish(orphan.id(), lost)) {
                    recovered.add(new Recovered(orphan, lost));
                }
            }
        }
        return recovered;
    }

    /**
     * A production job of an idempotent callback whose spec was kept runs again: its message was acknowledged when it
     * started, so it is sent once more (to the back of its queue). The local manager's queues died with the JVM.
     */
    private boolean rerunsAfterLoss(StoredJob orphan) {
        return !"local".equals(orphan.manager()) && orphan.spec() != null && isIdempotent(orphan);
    }

    private boolean requeue(StoredJob orphan) {
        if (!store.requeue(orphan.id(), orphan.boot())) {
            return false; // a redelivered message of it was claimed first
        }
        try {
            managers.byName(orphan.manager()).submit(orphan.spec());
            return true;
        } catch (RuntimeException notSent) {
            LOG.log(Level.SEVERE, "could not queue job " + orphan.id() + " again; it ends as an error", notSent);
            store.finish(orphan.id(), JobEvent.error(orphan.id(), orphan.callback(),
                    "the job was lost with its server and could not be queued again; see the server log"));
            return false;
        }
    }

    private boolean isIdempotent(StoredJob job) {
        return catalog.find(job.app()).flatMap(app -> app.callbacks().find(job.callback()))
                .filter(Callback::isBackground)
                .map(callback -> callback.background().idempotent())
                .orElse(false);
    }

    void purgeOldRecords() {
        try {
            int purged = store.purgeEndedBefore(System.currentTimeMillis() - KEEP_ENDED_MILLIS);
            LOG.fine(() -> "forgot " + purged + " job records ended over " + KEEP_ENDED_MILLIS / 1000 + " s ago");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not purge old job records", e);
        }
    }

    /**
     * Says, as an error naming the database and what was lost, when the job database is older than this node's last
     * run left it ({@link StoreMark}); then marks it as it is now.
     */
    void checkMark() {
        try {
            mark.check().ifPresent(damage -> LOG.severe(damage.message()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not read the job database's mark; see docs/operations.md, \"When the job"
                    + " database is damaged\"", e);
        }
        advanceMark();
    }

    private void advanceMark() {
        try {
            mark.advance();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not mark the job database", e);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (purge != null) {
            purge.cancel(false);
        }
        if (marking != null) {
            marking.cancel(false);
        }
        advanceMark();
    }
}
