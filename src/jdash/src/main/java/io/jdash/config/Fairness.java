package io.jdash.config;

/**
 * How much of the background queues one visitor may take, so that nobody waits behind a flood (docs/operations.md,
 * "Fairness"). Past any bound a new job is refused with 429 and a message the page shows.
 *
 * @param maxJobsPerOwner       {@code jdash.max-jobs-per-session}: unfinished jobs one owner (browser) may have (100)
 * @param maxQueuedPerOwner     {@code jdash.max-queued-jobs-per-owner}: jobs one owner may have waiting to start (20),
 *                              which bounds how far one visitor's jobs push back everybody else's
 * @param maxJobsPerClient      {@code jdash.max-jobs-per-client}: unfinished jobs of all the owners whose pages were
 *                              last loaded from one client address (300): fresh owners cost one page load each, so
 *                              this is what bounds a flood of them from one client
 * @param maxQueuedJobs         {@code jdash.max-queued-jobs}: jobs this node accepted that wait to start, all owners
 *                              together (5,000): past it every new job is refused until the queues drain
 */
public record Fairness(int maxJobsPerOwner, int maxQueuedPerOwner, int maxJobsPerClient, int maxQueuedJobs) {

    public Fairness {
        maxJobsPerOwner = Math.max(1, maxJobsPerOwner);
        maxQueuedPerOwner = Math.max(1, maxQueuedPerOwner);
        maxJobsPerClient = Math.max(1, maxJobsPerClient);
        maxQueuedJobs = Math.max(1, maxQueuedJobs);
    }
}
