package io.jdash.background.store;

import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link JobStore} in this JVM's memory: the same rules as the database store, for a server without the
 * JDash datasource (and for tests). Nothing survives a restart, so it never finds orphans.
 */
public final class MemoryJobStore implements JobStore {

    private final Map<String, StoredJob> jobs = new ConcurrentHashMap<>();
    private final String boot;

    public MemoryJobStore(String boot) {
        this.boot = boot;
    }

    @Override
    public void accepted(JobSpec spec, String manager, String node, boolean rerunnable) {
        jobs.putIfAbsent(spec.id(), new StoredJob(spec.id(), spec.app(), spec.callback(), spec.owner(), manager,
                spec.queue(), node, boot, JobState.QUEUED, System.currentTimeMillis(), 0, 0, null, rerunnable ? spec : null, null));
    }

    @Override
    public boolean requeue(String jobId, String claimedBy) {
        boolean[] requeued = {false};
        jobs.computeIfPresent(jobId, (id, job) -> {
            requeued[0] = job.state() == JobState.RUNNING && job.boot().equals(claimedBy);
            return requeued[0] ? new StoredJob(job.id(), job.app(), job.callback(), job.owner(), job.manager(),
                    job.queue(), job.node(), boot, JobState.QUEUED, job.acceptedAtMillis(), 0, 0, null, job.spec(), null) : job;
        });
        return requeued[0];
    }

    @Override
    public Claim claim(String jobId, String node, boolean rerunIfLost) {
        Claim[] claim = {Claim.RUN};
        jobs.computeIfPresent(jobId, (id, job) -> {
            claim[0] = JobClaims.decide(job, boot, rerunIfLost);
            return claim[0] == Claim.RUN || claim[0] == Claim.RERUN ? with(job, node, JobState.RUNNING, null) : job;
        });
        return claim[0];
    }

    @Override
    public boolean finish(String jobId, JobEvent end) {
        return endIf(jobId, end, false);
    }

    @Override
    public boolean cancelQueued(String jobId, JobEvent cancelled) {
        return endIf(jobId, cancelled, true);
    }

    private boolean endIf(String jobId, JobEvent end, boolean onlyQueued) {
        boolean[] changed = {!jobs.containsKey(jobId)};
        jobs.computeIfPresent(jobId, (id, job) -> {
            boolean may = onlyQueued ? job.state() == JobState.QUEUED : !job.state().isEnded();
            changed[0] = may;
            return may ? with(job, job.node(), end.type().resultingState(), end) : job;
        });
        return changed[0];
    }

    @Override
    public void endHeard(String jobId) {
        jobs.remove(jobId); // nothing to replay after a restart in memory: an ended, heard job is done with
    }

    @Override
    public List<StoredJob> needingAttention(long sinceMillis) {
        return List.of(); // lives only as long as this JVM, as the registry does
    }

    @Override
    public java.util.Optional<StoredJob> find(String jobId) {
        return java.util.Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public List<StoredJob> queuedOf(String manager, long acceptedBeforeMillis) {
        return jobs.values().stream().filter(job -> job.state() == JobState.QUEUED && job.manager().equals(manager)
                        && job.acceptedAtMillis() < acceptedBeforeMillis)
                .sorted(java.util.Comparator.comparingLong(StoredJob::acceptedAtMillis)).toList();
    }

    @Override
    public List<StoredJob> recent(long endedSinceMillis, int limit) {
        return jobs.values().stream().filter(job -> !job.state().isEnded() || job.endedAtMillis() >= endedSinceMillis)
                .sorted(java.util.Comparator.comparingLong(StoredJob::acceptedAtMillis).reversed()).limit(limit).toList();
    }

    @Override
    public List<StoredJob> orphansOf(String node) {
        return List.of();
    }

    @Override
    public List<StoredJob> orphansOfBoot(String lostBoot) {
        return List.of(); // no other JVM shares this store
    }

    @Override
    public void held(String jobId, String holder) {
        // one JVM: its queue consumers know what they hold (QueueWorker.holds)
    }

    @Override
    public int purgeEndedBefore(long millis) {
        int before = jobs.size();
        jobs.values().removeIf(job -> job.state().isEnded() && job.acceptedAtMillis() < millis);
        return before - jobs.size();
    }

    private StoredJob with(StoredJob job, String node, JobState state, JobEvent end) {
        long now = System.currentTimeMillis();
        return new StoredJob(job.id(), job.app(), job.callback(), job.owner(), job.manager(), job.queue(), node,
                state == JobState.RUNNING ? boot : job.boot(), state, job.acceptedAtMillis(),
                state == JobState.RUNNING ? now : job.startedAtMillis(), state.isEnded() ? now : 0, end, job.spec(), null);
    }
}
