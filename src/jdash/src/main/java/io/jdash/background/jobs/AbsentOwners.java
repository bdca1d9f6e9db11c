package io.jdash.background.jobs;

import io.jdash.config.JDashConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which owners still have a page open here — a socket of theirs is open, or a request of theirs came within
 * {@code jdash.absent-owner-grace-seconds} — and the cancel of the jobs still waiting to start of those who have not:
 * nobody waits for them (a closed tab, a page long gone before a restart). Checked every few seconds; an owner this
 * deployment never saw counts from its start, so a page that reconnects after a restart keeps its jobs.
 */
@ApplicationScoped
public class AbsentOwners {

    private static final Logger LOG = Logger.getLogger(AbsentOwners.class.getName());

    /** An owner's open sockets here, and when a request or socket of theirs was last seen. */
    private static final class Presence {
        int sockets;
        long lastSeenMillis;
    }

    @Inject
    JobRegistry registry;

    @Inject
    BackgroundJobs jobs;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Presence> presence = new ConcurrentHashMap<>();
    private final long startedMillis = System.currentTimeMillis();
    private ScheduledFuture<?> sweep;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Duration grace = JDashConfig.current().jobLimits().absentOwnerGrace();
        if (scheduler != null && !grace.isZero()) {
            long every = Math.max(1, Math.min(10, grace.toSeconds() / 2));
            sweep = scheduler.scheduleWithFixedDelay(this::cancelJobsOfAbsentOwners, every, every, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /** A request of {@code owner} came in. */
    void seen(String owner) {
        if (owner != null) {
            presence.computeIfAbsent(owner, key -> new Presence()).lastSeenMillis = System.currentTimeMillis();
        }
    }

    /** A socket of {@code owner} opened: the owner is here while it stays open. */
    void socketOpened(String owner) {
        presence.compute(owner, (key, known) -> {
            Presence now = known == null ? new Presence() : known;
            now.sockets++;
            now.lastSeenMillis = System.currentTimeMillis();
            return now;
        });
    }

    /** A socket of {@code owner} closed: the grace period starts now if it was the last. */
    void socketClosed(String owner) {
        presence.computeIfPresent(owner, (key, known) -> {
            known.sockets = Math.max(0, known.sockets - 1);
            known.lastSeenMillis = System.currentTimeMillis();
            return known;
        });
    }

    /** Whether {@code owner} has had no socket open and sent no request here for {@code grace}. */
    boolean isAway(String owner, long nowMillis, Duration grace) {
        Presence known = presence.get(owner);
        if (known != null && known.sockets > 0) {
            return false;
        }
        long last = known == null ? startedMillis : known.lastSeenMillis;
        return nowMillis - last >= grace.toMillis();
    }

    void cancelJobsOfAbsentOwners() {
        try {
            Duration grace = JDashConfig.current().jobLimits().absentOwnerGrace();
            long now = System.currentTimeMillis();
            for (String owner : registry.ownersWithQueuedJobs()) {
                if (isAway(owner, now, grace)) {
                    List<String> queued = registry.queuedJobsOf(owner);
                    queued.forEach(job -> jobs.cancel(owner, job));
                    LOG.info(() -> "cancelled " + queued.size() + " job(s) waiting to start of an owner with no page open"
                            + " for " + grace.toSeconds() + " s");
                }
            }
            // forget owners gone for good: no socket, nothing waiting, not seen for twice the grace
            presence.entrySet().removeIf(entry -> entry.getValue().sockets == 0
                    && now - entry.getValue().lastSeenMillis > 2 * grace.toMillis() && registry.queued(entry.getKey()) == 0);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not cancel the waiting jobs of owners with no page open", e);
        }
    }
}
