package io.jdash.background.jobs;

import io.jdash.background.JobSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The jobs this node knows of, with their events, built from the events it records (its own jobs' and, with
 * the JMS manager, every node's). A job is visible only to its owner: any other caller gets nothing, the same
 * as for an id that does not exist. Ended jobs are forgotten after {@link #RETENTION_MILLIS}.
 */
@ApplicationScoped
public class JobRegistry {

    private static final Logger LOG = Logger.getLogger(JobRegistry.class.getName());
    static final long RETENTION_MILLIS = TimeUnit.MINUTES.toMillis(10);

    private final Map<String, TrackedJob> jobs = new ConcurrentHashMap<>();

    @Inject
    Event<JobEventRecorded> recorded;

    @Inject
    JobStore store;

    /**
     * Takes back a job from the job store after a restart (unless this node tracks it already): its history is
     * "accepted", "running" if it was, and its end if it has one; the progress in between is not kept.
     */
    void restore(StoredJob stored) {
        jobs.computeIfAbsent(stored.id(), id -> {
            var job = new TrackedJob(id, stored.app(), stored.callback(), stored.owner(), stored.manager());
            long now = System.currentTimeMillis();
            job.append(JobEvent.of(id, stored.callback(), JobEventType.accepted), now);
            if (stored.state() == JobState.RUNNING) {
                job.append(JobEvent.of(id, stored.callback(), JobEventType.running), now);
            }
            if (stored.end() != null) {
                job.append(stored.end(), now);
            }
            return job;
        });
    }

    /** Starts tracking a job just accepted on this node, and records its "accepted" event. */
    public void accept(JobSpec spec, String manager) {
        forgetOldJobs();
        jobs.putIfAbsent(spec.id(), new TrackedJob(spec.id(), spec.app(), spec.callback(), spec.owner(), manager));
        record(spec, JobEvent.of(spec.id(), spec.callback(), JobEventType.accepted), manager);
    }

    /**
     * Records an event of a job (one this node may not have seen accepted, if it came from another node) and
     * fires {@link JobEventRecorded}. Events after the job's end are dropped.
     */
    public void record(JobSpec spec, JobEvent event, String manager) {
        TrackedJob job = jobs.computeIfAbsent(spec.id(),
                id -> new TrackedJob(id, spec.app(), spec.callback(), spec.owner(), manager));
        JobEvent numbered;
        synchronized (job) {
            numbered = job.append(HopTrace.stamp(event, HopTrace.RECORDED), System.currentTimeMillis());
            if (numbered != null && recorded != null) {
                recorded.fire(new JobEventRecorded(job.owner(), job.app(), numbered));
            }
        }
    }

    /** The job, if it exists and belongs to {@code owner}. */
    public Optional<TrackedJob> find(String owner, String jobId) {
        if (owner == null || jobId == null) {
            return Optional.empty();
        }
        TrackedJob job = jobs.get(jobId);
        return job != null && job.owner().equals(owner) ? Optional.of(job) : Optional.empty();
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
        return jobs.values().stream().filter(job -> job.owner().equals(owner) && !job.state().isEnded()).count();
    }

    /** What a (re)connecting page of {@code app} must hear: its owner's jobs still going or ended unheard. */
    public List<TrackedJob> needingAttention(String owner, String app) {
        return jobs.values().stream()
                .filter(job -> job.owner().equals(owner) && job.app().equals(app) && job.needsAttention())
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

    private void forgetOldJobs() {
        long cutoff = System.currentTimeMillis() - RETENTION_MILLIS;
        jobs.values().removeIf(job -> job.endedBefore(cutoff));
    }
}
