package io.jdash.background.jobs;

import io.jdash.app.MountedApp;
import io.jdash.background.BackgroundManager;
import io.jdash.background.JobHop;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobState;
import io.jdash.background.store.BootId;
import io.jdash.background.store.JobIds;
import io.jdash.background.store.JobStore;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackArgs;
import io.jdash.config.JDashConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * What the web layer asks of background jobs: submit one (answered at once with its id), cancel one, look
 * one up. Every look-up is by owner: a job of another session does not exist for the caller.
 */
@ApplicationScoped
public class BackgroundJobs {

    /** The error a job ends with when an operator removed it before it started. */
    public static final String REMOVED = "removed from its queue by an operator: the job did not run";

    @Inject
    JobRegistry registry;

    @Inject
    ManagerLookup managers;

    @Inject
    JobStore store;

    @Inject
    ResultCache cache;

    @Inject
    JobAdmission admission;

    @Inject
    OwnerClients clients;

    @Inject
    AbsentOwners absentOwners;

    /**
     * A page or request of {@code owner} came from the client address {@code client}: the owner is here (its jobs
     * waiting to start are kept), and its jobs count against that client's bound.
     */
    public void seenFrom(String owner, String client) {
        clients.seen(owner, client);
        absentOwners.seen(owner);
    }

    /** A socket of {@code owner} opened: it is here until the socket closes. */
    public void socketOpened(String owner) {
        absentOwners.socketOpened(owner);
    }

    /** A socket of {@code owner} closed. */
    public void socketClosed(String owner) {
        absentOwners.socketClosed(owner);
    }

    /**
     * Queues a job of {@code callback} with {@code args} for {@code owner}; first cancels {@code previousJob}
     * (the page's running job of the same callback) when the callback wants that and the job is the owner's.
     *
     * @throws JobLimitReached when the job would pass a fairness bound ({@link JobAdmission})
     */
    public String submit(MountedApp app, Callback callback, CallbackArgs args, String owner, String previousJob) {
        return submit(app, callback, args, owner, previousJob, JobHop.now());
    }

    /** As above, for a request that reached the server at {@code acceptedMicros} ({@link JobHop#now()}). */
    public String submit(MountedApp app, Callback callback, CallbackArgs args, String owner, String previousJob,
                         long acceptedMicros) {
        if (previousJob != null && callback.background().cancelPrevious()) {
            find(owner, previousJob).filter(job -> job.callback().equals(callback.id()))
                    .ifPresent(job -> cancel(owner, job.id()));
        }
        String client = admission.admit(owner);
        BackgroundManager manager = app.managerOf(callback, managers.defaultManager());
        String queue = app.queueOf(callback);
        long expiresAt = JDashConfig.current().jobLimits().expiryOf(callback.background().expires())
                .map(expiry -> System.currentTimeMillis() + expiry.toMillis()).orElse(0L);
        var spec = new JobSpec(JobIds.next(), app.slug(), callback.id(), owner, queue, args.values(),
                args.context().triggeredPropIds(), expiresAt);
        JobHop.mark(spec.id(), JobHop.ACCEPT, acceptedMicros);
        String cacheKey = callback.background().cache() == null ? null : ResultCache.keyOf(app, callback, args);
        var cached = cacheKey == null ? Optional.<Map<String, Map<String, Object>>>empty() : cache.find(cacheKey);
        // before the send: a worker's claim needs the record; an idempotent job's spec is kept, to run it again
        // if its server is lost while it runs (its message was acknowledged when it started)
        store.accepted(spec, manager.name(), BootId.node(), callback.background().idempotent() && cached.isEmpty());
        JobHop.mark(spec.id(), JobHop.STORED);
        admission.accepted(spec.id(), client);
        registry.accept(spec, manager.name());
        if (cached.isPresent()) { // Dash's cache: the result without a job; the page hears it end at once
            JobEvent done = JobEvent.done(spec.id(), spec.callback(), cached.get());
            if (store.finish(spec.id(), done)) {
                registry.record(spec, done, manager.name());
            }
            return spec.id();
        }
        if (cacheKey != null) {
            cache.expect(spec.id(), cacheKey, callback.background().cache().expiry());
        }
        try {
            manager.submit(spec);
        } catch (RuntimeException notSent) {
            JobEvent failed = JobEvent.error(spec.id(), spec.callback(), "the job could not be queued; see the server log");
            if (store.finish(spec.id(), failed)) {
                registry.record(spec, failed, manager.name());
            }
            throw notSent;
        }
        JobHop.mark(spec.id(), JobHop.SENT);
        return spec.id();
    }

    /** Cancels the owner's job; false when there is no such job (or it is another session's). */
    public boolean cancel(String owner, String jobId) {
        Optional<TrackedJob> job = registry.find(owner, jobId);
        job.filter(found -> !found.state().isEnded())
                .ifPresent(found -> managers.byName(registry.managerOf(found)).cancel(found.id()));
        return job.isPresent();
    }

    /**
     * An operator's cancel (the job admin view): the job, whoever owns it, stops as its owner's cancel would stop it.
     * False when neither this node nor the shared job store knows the job, or it has ended.
     */
    public boolean cancelAsOperator(String jobId) {
        Optional<TrackedJob> job = knownAnywhere(jobId);
        if (job.isEmpty() || job.get().state().isEnded()) {
            return false;
        }
        managers.byName(registry.managerOf(job.get())).cancel(jobId);
        return true;
    }

    /**
     * An operator's removal of a job still waiting to start (the job admin view): it ends as the error
     * {@value #REMOVED} and never runs (its worker skips it when its turn comes). False when neither this node nor
     * the shared job store knows the job, or it is no longer waiting.
     */
    public boolean removeQueued(String jobId) {
        Optional<TrackedJob> job = knownAnywhere(jobId);
        if (job.isEmpty() || job.get().state() != JobState.QUEUED) {
            return false;
        }
        return managers.byName(registry.managerOf(job.get())).removeBeforeStart(jobId, REMOVED);
    }

    /**
     * The job as this node's registry knows it, or, when another node accepted it and none of its events has reached
     * this one yet (a queued job), as the shared job store has it: taken into the registry, so the manager can act on
     * it here and this node hears its end like any other.
     */
    private Optional<TrackedJob> knownAnywhere(String jobId) {
        Optional<TrackedJob> known = registry.findAnyOwners(jobId);
        if (known.isPresent()) {
            return known;
        }
        store.find(jobId).filter(stored -> !stored.state().isEnded()).ifPresent(registry::restore);
        return registry.findAnyOwners(jobId);
    }

    /** The owner's jobs of the app this node knows (ended ones until their retention ends), oldest first. */
    public java.util.List<TrackedJob> list(String owner, String app) {
        return owner == null ? java.util.List.of() : registry.jobsOf(owner, app);
    }

    /** A page heard the job's end (a page that opens later need not hear it again). */
    public void endHeard(String jobId) {
        registry.markEndDelivered(jobId);
    }

    public Optional<TrackedJob> find(String owner, String jobId) {
        return registry.find(owner, jobId);
    }
}
