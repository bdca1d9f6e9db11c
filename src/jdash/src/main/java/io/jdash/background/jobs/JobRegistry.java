package io.jdash.background.jobs;

import io.jdash.background.JobHop;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.background.event.JobState;
import io.jdash.background.store.JobStore;
import io.jdash.background.store.JobStoreFailure;
import io.jdash.background.store.StoredJob;
import io.jdash.config.JDashConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The jobs this node knows of, with their events, built from the events it records (its own jobs' and, with
 * the JMS manager, every node's). A job is visible only to its owner: any other caller gets nothing, the same
 * as for an id that does not exist. Ended jobs are forgotten after {@link #RETENTION_MILLIS}.
 * <p>
 * Nothing here scans every job: each owner's jobs and unfinished count are kept as they change, and ended jobs
 * wait in end order to be forgotten (a scan of all jobs on each submit was 37 % of the server's CPU in the
 * benchmark's JFR profile, with tens of thousands of jobs kept).
 */
@ApplicationScoped
public class JobRegistry {

    private static final Logger LOG = Logger.getLogger(JobRegistry.class.getName());
    /** How long an ended job stays visible: 10 minutes unless the system property {@code jdash.job-retention-seconds} says. */
    static final long RETENTION_MILLIS = JDashConfig.current().jobRetention().toMillis();

    private final Map<String, TrackedJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsByOwner = new ConcurrentHashMap<>();
    /** Each owner's unfinished jobs; an owner with none has no entry (nor in idsByOwner once its jobs are forgotten). */
    private final Map<String, Integer> unfinishedByOwner = new ConcurrentHashMap<>();
    private final Map<String, Integer> queuedByOwner = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Queue<Ended> endOrder = new ConcurrentLinkedQueue<>();

    private record Ended(String id, long atMillis) {
    }

    @Inject
    Event<JobEventRecorded> recorded;

    @Inject
    JobStore store;

    /**
     * Takes back a job from the job store after a restart (unless this node tracks it already): its history is
     * "accepted", "running" if it was, and its end if it has one; the progress in between is not kept.
     */
    void restore(StoredJob stored) {
        track(stored.id(), () -> {
            var job = new TrackedJob(stored.id(), stored.app(), stored.callback(), stored.owner(), stored.manager(),
                    TrackedJob.takenUpSeq());
            job.append(JobEvent.of(stored.id(), stored.callback(), JobEventType.accepted));
            if (stored.state() == JobState.RUNNING) {
                job.append(JobEvent.of(stored.id(), stored.callback(), JobEventType.running));
            }
            if (stored.end() != null) {
                job.append(stored.end());
            }
            return job;
        });
    }

    /** Adds the job {@code create} makes unless {@code id} is tracked already; returns the tracked job. */
    private TrackedJob track(String id, Supplier<TrackedJob> create) {
        boolean[] created = {false};
        TrackedJob job = jobs.computeIfAbsent(id, absent -> {
            created[0] = true;
            return create.get();
        });
        if (created[0]) {
            idsByOwner.compute(job.owner(), (owner, ids) -> { // under the entry's lock, as its removal is
                Set<String> owned = ids == null ? ConcurrentHashMap.newKeySet() : ids;
                owned.add(id);
                return owned;
            });
            if (job.state().isEnded()) {
                endOrder.add(new Ended(id, System.currentTimeMillis()));
            } else {
                unfinishedByOwner.merge(job.owner(), 1, Integer::sum);
                if (job.state() == JobState.QUEUED) {
                    countQueued(job.owner(), 1);
                }
            }
        }
        return job;
    }

    /**
     * The tracked job of {@code spec}, tracked from now on if it was not: numbered from 0 when accepted here, else
     * (heard of from another node, or from the deployment before this one) {@linkplain TrackedJob#takenUpSeq past}
     * any seq a client may have read of it elsewhere.
     */
    private TrackedJob track(JobSpec spec, String manager, boolean acceptedHere) {
        return track(spec.id(), () -> new TrackedJob(spec.id(), spec.app(), spec.callback(), spec.owner(), manager,
                acceptedHere ? 0 : TrackedJob.takenUpSeq()));
    }

    /** Starts tracking a job just accepted on this node, and records its "accepted" event. */
    public void accept(JobSpec spec, String manager) {
        forgetOldJobs();
        track(spec, manager, true);
        record(spec, JobEvent.of(spec.id(), spec.callback(), JobEventType.accepted), manager);
    }

    /**
     * Records an event of a job (one this node may not have seen accepted, if it came from another node) and
     * fires {@link JobEventRecorded}. Events after the job's end are dropped.
     */
    public void record(JobSpec spec, JobEvent event, String manager) {
        if (event.type().ends()) {
            forgetOldJobs(); // also on nodes that only hear of jobs (other nodes accepted them)
        }
        TrackedJob job = track(spec, manager, false);
        JobEvent numbered;
        synchronized (job) {
            boolean wasQueued = job.state() == JobState.QUEUED;
            numbered = job.append(event);
            if (numbered != null && wasQueued && job.state() != JobState.QUEUED) {
                countQueued(job.owner(), -1); // it started, or ended before it could
            }
            if (numbered != null && numbered.type().ends()) {
                JobHop.mark(job.id(), JobHop.RECORDED);
                unfinishedByOwner.computeIfPresent(job.owner(), (owner, count) -> count <= 1 ? null : count - 1);
                endOrder.add(new Ended(job.id(), System.currentTimeMillis()));
            }
            if (numbered != null && recorded != null) {
                recorded.fire(new JobEventRecorded(job.owner(), job.app(), numbered));
            }
        }
    }

    private void countQueued(String owner, int change) {
        queued.addAndGet(change);
        queuedByOwner.compute(owner, (key, count) -> {
            int now = (count == null ? 0 : count) + change;
            return now <= 0 ? null : now;
        });
    }

    /** How many of the owner's jobs wait to start. */
    public int queued(String owner) {
        return queuedByOwner.getOrDefault(owner, 0);
    }

    /** How many owners this registry keeps anything for (an owner with no job it knows costs nothing). */
    int ownersHeld() {
        var owners = new java.util.HashSet<>(idsByOwner.keySet());
        owners.addAll(unfinishedByOwner.keySet());
        owners.addAll(queuedByOwner.keySet());
        return owners.size();
    }

    /** The owners that have jobs waiting to start. */
    java.util.Set<String> ownersWithQueuedJobs() {
        return java.util.Set.copyOf(queuedByOwner.keySet());
    }

    /** The owner's jobs that wait to start. */
    List<String> queuedJobsOf(String owner) {
        return idsByOwner.getOrDefault(owner, Set.of()).stream().map(jobs::get)
                .filter(job -> job != null && job.state() == JobState.QUEUED).map(TrackedJob::id).toList();
    }

    /** How many jobs this node knows wait to start, all owners together. */
    public int queued() {
        return queued.get();
    }

    /** The job, if it exists and belongs to {@code owner}. */
    public Optional<TrackedJob> find(String owner, String jobId) {
        if (owner == null || jobId == null) {
            return Optional.empty();
        }
        TrackedJob job = jobs.get(jobId);
        return job != null && job.owner().equals(owner) ? Optional.of(job) : Optional.empty();
    }

    /** The job, whoever owns it (for an operator's actions, never for a page's). */
    Optional<TrackedJob> findAnyOwners(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** Who owns the job and what it runs (without its arguments), for the managers. */
    public Optional<JobSpec> specOf(String jobId) {
        return Optional.ofNullable(jobs.get(jobId))
                .map(job -> new JobSpec(job.id(), job.app(), job.callback(), job.owner(), null, null, null));
    }

    /** The state of the job for the managers, whoever owns it. */
    public Optional<JobState> stateOf(String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(TrackedJob::state);
    }

    /** How many of the owner's jobs are queued or running on this node's books. */
    public long unfinished(String owner) {
        return unfinishedByOwner.getOrDefault(owner, 0);
    }

    /** What a (re)connecting page of {@code app} must hear: its owner's jobs still going or ended unheard. */
    public List<TrackedJob> needingAttention(String owner, String app) {
        return idsByOwner.getOrDefault(owner, Set.of()).stream()
                .map(jobs::get)
                .filter(job -> job != null && job.app().equals(app) && job.needsAttention())
                .toList();
    }

    /** The owner's jobs of {@code app} that this node knows, oldest first. */
    public List<TrackedJob> jobsOf(String owner, String app) {
        return idsByOwner.getOrDefault(owner, Set.of()).stream()
                .map(jobs::get)
                .filter(job -> job != null && job.app().equals(app))
                .sorted(java.util.Comparator.comparingLong(TrackedJob::order))
                .toList();
    }

    String managerOf(TrackedJob job) {
        return job.manager();
    }

    public void markEndDelivered(String jobId) {
        TrackedJob job = jobs.get(jobId);
        if (job != null && job.markEndDelivered()) {
            try {
                store.endHeard(jobId);
            } catch (JobStoreFailure e) { // the page heard it; at worst a page reconnecting after a restart hears it again
                LOG.log(Level.WARNING, "could not note that job " + jobId + "'s end was heard", e);
            }
        }
    }

    /** Forgets the jobs that ended before the retention; costs one step per forgotten job. */
    private void forgetOldJobs() {
        forgetJobsEndedBefore(System.currentTimeMillis() - RETENTION_MILLIS);
    }

    /** Forgets the jobs that ended before {@code cutoff}, and the owners left with none. */
    void forgetJobsEndedBefore(long cutoff) {
        for (Ended ended = endOrder.peek(); ended != null && ended.atMillis() < cutoff; ended = endOrder.peek()) {
            if (endOrder.remove(ended)) {
                TrackedJob job = jobs.remove(ended.id());
                if (job != null) {
                    idsByOwner.computeIfPresent(job.owner(), (owner, owned) -> {
                        owned.remove(job.id());
                        return owned.isEmpty() ? null : owned; // an owner with no job left costs nothing
                    });
                }
            }
        }
    }
}
