package io.jdash.background.jms;

import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.store.BootId;
import io.jdash.json.JsonCodec;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node's listener on the JobEvents topic: records each job event of other nodes in this node's registry (which pushes
 * it to the pages listening here) and passes cancel requests to this node's workers. One session, so
 * events are recorded in the order they were published.
 */
@MessageDriven(name = "JobEventsMdb", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsChannels.EVENTS_TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobEventsMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(JobEventsMdb.class.getName());

    @Inject
    JobRegistry registry;

    @Inject
    QueueWorker worker;

    @Override
    public void onMessage(Message message) {
        try {
            JobMessage received = JsonCodec.fromJson(message.getBody(String.class), JobMessage.class);
            if (received.cancel()) {
                worker.cancel(received.job().id()); // from any node, this one included
            } else if (!BootId.current().equals(received.origin())) { // this JVM's own events are recorded already
                registry.record(received.job(), received.event(), JmsBatchManager.NAME);
            }
        } catch (JMSException | RuntimeException unreadable) {
            LOG.log(Level.SEVERE, "dropping an unreadable message from the JobEvents topic", unreadable);
        }
    }
}
