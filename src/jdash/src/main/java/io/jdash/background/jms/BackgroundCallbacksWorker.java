package io.jdash.background.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.jboss.ejb3.annotation.DeliveryGroup;

/** The consumer of the first worker queue: one session, bean-managed transactions (see {@link WorkerMdb}). */
@MessageDriven(name = "Worker-BackgroundCallbacks", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = WorkerQueues.JNDI_PREFIX + WorkerQueues.FIRST),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")})
@TransactionManagement(TransactionManagementType.BEAN)
@DeliveryGroup(WorkerQueues.DELIVERY_GROUP)
public class BackgroundCallbacksWorker extends WorkerMdb {
}
