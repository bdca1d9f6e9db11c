package io.jdash.background.jobs;

import io.jdash.config.Fairness;
import io.jdash.config.JDashConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether another job may be queued, by the fairness bounds of {@link Fairness}: the owner's unfinished and waiting
 * jobs, the unfinished jobs of every owner whose pages come from the same client address, and the jobs waiting on
 * this node in all. Checked before a job is accepted; under concurrent submissions a bound may be passed by as many
 * jobs as are submitted at once.
 */
@ApplicationScoped
public class JobAdmission {

    @Inject
    JobRegistry registry;

    @Inject
    OwnerClients clients;

    private final Map<String, Integer> unfinishedByClient = new ConcurrentHashMap<>();
    private final Map<String, String> clientOfJob = new ConcurrentHashMap<>();

    /** Refuses a new job of {@code owner} that would pass a bound; returns the client it counts against (or null). */
    String admit(String owner) {
        Fairness bounds = JDashConfig.current().fairness();
        if (registry.unfinished(owner) >= bounds.maxJobsPerOwner()) {
            throw new JobLimitReached("this page's browser already has " + bounds.maxJobsPerOwner()
                    + " unfinished background jobs; wait for some to end");
        }
        if (registry.queued(owner) >= bounds.maxQueuedPerOwner()) {
            throw new JobLimitReached("this page's browser already has " + bounds.maxQueuedPerOwner()
                    + " background jobs waiting to start; wait for some to start");
        }
        if (registry.queued() >= bounds.maxQueuedJobs()) {
            throw new JobLimitReached("the server has " + bounds.maxQueuedJobs()
                    + " background jobs waiting to start; try again in a while");
        }
        String client = clients.clientOf(owner).orElse(null);
        if (client != null && unfinishedByClient.getOrDefault(client, 0) >= bounds.maxJobsPerClient()) {
            throw new JobLimitReached("the pages loaded from your address already have " + bounds.maxJobsPerClient()
                    + " unfinished background jobs; wait for some to end");
        }
        return client;
    }

    /** The job was accepted: it counts against its client until it ends. */
    void accepted(String jobId, String client) {
        if (client != null) {
            clientOfJob.put(jobId, client);
            unfinishedByClient.merge(client, 1, Integer::sum);
        }
    }

    void onEvent(@Observes JobEventRecorded recorded) {
        if (recorded.event().type().ends()) {
            String client = clientOfJob.remove(recorded.event().job());
            if (client != null) {
                unfinishedByClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
