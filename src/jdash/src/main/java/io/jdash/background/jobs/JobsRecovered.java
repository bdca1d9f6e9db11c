package io.jdash.background.jobs;

import java.util.List;

/**
 * CDI event fired (synchronously) when this node, as it starts, has ended the jobs an earlier run of it left running:
 * the production manager tells the other nodes, whose pages may be waiting for them (a job accepted on a web node and
 * run on this worker node).
 */
public record JobsRecovered(List<JobRecovery.Recovered> ended) {
}
