package io.jdash.background.store;

import io.jdash.background.event.JobState;
import io.jdash.background.store.JobStore.Claim;

/** The rule both stores apply when a worker takes a job off its queue. */
final class JobClaims {

    private JobClaims() {
    }

    /**
     * @param job         the job's record as it stands
     * @param currentBoot this JVM run's {@link BootId}
     */
    static Claim decide(StoredJob job, String currentBoot, boolean rerunIfLost) {
        if (job.state() == JobState.QUEUED) {
            return Claim.RUN;
        }
        if (job.state() == JobState.RUNNING && !currentBoot.equals(job.boot())) {
            // a message is delivered again only when the consumer that had it is gone: so is that run
            return rerunIfLost ? Claim.RERUN : Claim.LOST;
        }
        return Claim.SKIP;
    }
}
