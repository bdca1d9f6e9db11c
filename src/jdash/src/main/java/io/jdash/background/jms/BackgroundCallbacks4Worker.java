package io.jdash.background.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.jboss.ejb3.annotation.DeliveryGroup;

/** The consumer of the fourth worker queue: one session, bean-managed transactions (see {@link WorkerMdb}). */
@MessageDriven(name = "Worker-BackgroundCallbacks4", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = WorkerQueues.JNDI_PREFIX + WorkerQueues.FOURTH),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")})
@TransactionManagement(TransactionManagementType.BEAN)
@DeliveryGroup(WorkerQueues.DELIVERY_GROUP)
public class BackgroundCallbacks4Worker extends WorkerMdb {
}
