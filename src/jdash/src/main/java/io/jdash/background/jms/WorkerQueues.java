package io.jdash.background.jms;

import io.jdash.background.JobSpec;

/**
 * The worker queues JDash consumes, named once: {@code server-config/configure-jdash-messaging.cli} creates them
 * and each has one MDB here ({@link BackgroundCallbacksWorker} and its three siblings). A queue's JNDI name is
 * {@link #JNDI_PREFIX} and its name; apps and callbacks pick one by name.
 */
public final class WorkerQueues {

    public static final String JNDI_PREFIX = "java:/jms/queue/";
    static final String FIRST = JobSpec.DEFAULT_QUEUE;
    static final String SECOND = FIRST + "2";
    static final String THIRD = FIRST + "3";
    static final String FOURTH = FIRST + "4";
    /**
     * The WildFly MDB delivery group of the four worker MDBs: {@code configure-jdash-messaging.cli} declares it active
     * unless the node's {@code jdash.worker} system property (or {@code JDASH_WORKER}) is false, which makes the node a
     * web node that runs no job; an operator can also pause a node's workers at run time
     * ({@code /subsystem=ejb3/mdb-delivery-group=jdash-workers:write-attribute(name=active,value=false)}).
     */
    static final String DELIVERY_GROUP = "jdash-workers";

    private WorkerQueues() {
    }
}
