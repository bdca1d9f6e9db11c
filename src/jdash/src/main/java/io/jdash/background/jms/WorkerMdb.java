package io.jdash.background.jms;

import io.jdash.background.JobSpec;
import io.jdash.json.JsonCodec;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the consumer of a worker queue does: decode the job and start it on one of the node's workers of that queue
 * ({@link QueueWorker#start}, which waits while all are busy). Each queue has its MDB, a subclass that only declares
 * it ({@link WorkerQueues} lists them): {@code maxSession=1} (one consumer, so jobs start in arrival order),
 * {@code consumerWindowSize=0} (no message is taken off the queue before a worker is free for it, so other nodes and
 * an operator still see it there) and bean-managed transactions (the message is acknowledged once its job has
 * started; the job store keeps it from then on). The MDBs are annotated, so a WAR that has the jdash jar in
 * {@code WEB-INF/lib} gets them.
 */
public abstract class WorkerMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WorkerMdb.class.getName());

    @Inject
    QueueWorker worker;

    @Override
    public void onMessage(Message message) {
        JobSpec spec;
        try {
            spec = JsonCodec.fromJson(message.getBody(String.class), JobSpec.class);
        } catch (JMSException | RuntimeException unreadable) {
            LOG.log(Level.SEVERE, "dropping an unreadable message from a worker queue", unreadable);
            return;
        }
        worker.start(spec);
    }
}
