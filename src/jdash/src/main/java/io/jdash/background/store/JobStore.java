package io.jdash.background.store;

import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import java.util.List;

/**
 * The lasting record of every job: accepted, claimed by a worker, ended. The database store
 * ({@link JdbcJobStore}) is what makes a job's end survive a crash of the server and what stops a redelivered
 * message from running a job twice; {@link MemoryJobStore} keeps the same rules for one JVM's lifetime when the
 * server has no JDash datasource. Every change is one atomic conditional update, so nodes need no other lock.
 */
public interface JobStore {

    /**
     * Records a job just accepted on {@code node}, as queued.
     *
     * @param rerunnable whether the job runs again when its server is lost while it runs (an idempotent callback):
     *                   its spec is then kept, for {@link #requeue}
     */
    void accepted(JobSpec spec, String manager, String node, boolean rerunnable);

    /** As {@link #accepted(JobSpec, String, String, boolean)}, for a job that does not run again. */
    default void accepted(JobSpec spec, String manager, String node) {
        accepted(spec, manager, node, false);
    }

    /**
     * A worker of {@code node} wants to run the job: claims it unless another run already has it or it ended.
     *
     * @param rerunIfLost whether a run lost with its server may be started again (the callback is idempotent)
     */
    Claim claim(String jobId, String node, boolean rerunIfLost);

    /** Ends an unfinished job with {@code end}; false when it had already ended (the event is then stale). */
    boolean finish(String jobId, JobEvent end);

    /** Ends the job with {@code cancelled} (a cancel, or an operator's removal) if it has not started; false when it is running or over. */
    boolean cancelQueued(String jobId, JobEvent cancelled);

    /** Notes that a page has heard the job's end, so a reconnecting page need not hear it again. */
    void endHeard(String jobId);

    /** The jobs still going, and those ended since {@code sinceMillis} whose end no page has heard. */
    List<StoredJob> needingAttention(long sinceMillis);

    /**
     * The jobs that an earlier run of this node's JVM had in hand and nobody will finish: its local-manager
     * jobs (their queues were in memory) and the batch jobs it was running.
     */
    List<StoredJob> orphansOf(String node);

    /**
     * The jobs a JVM run of another node had in hand when it went silent ({@link NodeBeats}): the batch jobs it was
     * running and its local-manager jobs. Its queued production jobs are not among them: their messages are still on
     * the broker, for another worker.
     */
    List<StoredJob> orphansOfBoot(String lostBoot);

    /**
     * Notes that a queue consumer of JVM run {@code holder} has taken the queued job's message and waits for a free
     * worker to start it: the message is off its queue until then, and the queue audit of another node must not take
     * it for removed. Nothing changes when the job is not queued any more.
     */
    void held(String jobId, String holder);

    /**
     * A job claimed under boot {@code claimedBy} that did not run there, queued again under this one: its server was
     * lost (a worker acknowledges a job's message when it starts the job, so the message is sent once more), or its
     * deployment stopped before the job could start (the message goes back to its queue). True when this call did,
     * false when the job was not running under {@code claimedBy} (another claim came first, or it ended).
     */
    boolean requeue(String jobId, String claimedBy);

    /** The job's record, if this store has it (another node's jobs too, in a shared database). */
    java.util.Optional<StoredJob> find(String jobId);

    /** The jobs of {@code manager} still waiting to start that were accepted before {@code acceptedBeforeMillis}. */
    List<StoredJob> queuedOf(String manager, long acceptedBeforeMillis);

    /**
     * The admin view's jobs: every unfinished one and those ended since {@code endedSinceMillis}, the most recently
     * accepted first, at most {@code limit}.
     */
    List<StoredJob> recent(long endedSinceMillis, int limit);

    /** Forgets the jobs ended before {@code millis}; returns how many. */
    int purgeEndedBefore(long millis);

    /** What a worker may do with a job it has taken off its queue. */
    enum Claim {
        /** Run it: it was queued (or this store never saw it accepted). */
        RUN,
        /** Run it again: an earlier run was lost with its server and the callback is idempotent. */
        RERUN,
        /** An earlier run was lost with its server: end the job as an error instead of running it. */
        LOST,
        /** Leave it: it ended already, or a run of this JVM has it. */
        SKIP
    }
}
