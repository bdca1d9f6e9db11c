package io.jdash.background.jms;

import io.jdash.background.JobSpec;

/**
 * This node's workers stopped (the deployment is going) while a dequeued job waited for one: thrown out of the
 * worker MDB, so that its message is not acknowledged and goes back to its queue.
 */
final class WorkersStopped extends RuntimeException {

    WorkersStopped(JobSpec spec) {
        super("workers of queue " + spec.queue() + " stopped before job " + spec.id() + " could start;"
                + " its message goes back to the queue", null, false, false);
    }
}
