package io.jdash.background.jms;

import io.jdash.background.JobSpec;
import io.jdash.config.JDashConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JMS destinations JDash uses and one long-lived, non-transacted connection to send on. A persistent
 * send returns once the broker has the message on disk; events go non-persistent, since they are only
 * useful while the page listens. Sends are serialized: a JMSContext is not thread-safe, and one sender keeps
 * the events of a job in order.
 */
@ApplicationScoped
public class JmsChannels {

    static final String QUEUE_PREFIX = WorkerQueues.JNDI_PREFIX;
    static final String EVENTS_TOPIC = "java:/jms/topic/JobEvents";

    /** Artemis's in-VM connection factory: no pool, no XA, the shortest path to the broker. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory factory;

    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();
    private JMSContext context;
    private JMSProducer producer;

    /** Whether the server has this worker queue and the events topic. */
    boolean hasQueue(String queue) {
        try {
            destination(QUEUE_PREFIX + queue);
            destination(EVENTS_TOPIC);
            return true;
        } catch (IllegalStateException missing) {
            return false;
        }
    }

    /**
     * Sends a job's message; its properties {@value #JOB_PROPERTY}, {@code app} and {@code callback} let an operator
     * find it with the server's own CLI ({@code list-messages}, {@code remove-messages(filter="jobId='…'")}).
     */
    synchronized void sendToQueue(String queue, JobSpec job, String text) {
        producer().setDeliveryMode(DeliveryMode.PERSISTENT).setProperty(JOB_PROPERTY, job.id())
                .setProperty("app", job.app()).setProperty("callback", job.callback())
                .send(destination(QUEUE_PREFIX + queue), text);
        producer.clearProperties(); // the topic's events carry none
    }

    /**
     * The ids of the jobs whose messages are on {@code queue} now (a snapshot: a browse of the queue, on a context of
     * its own so that sends do not wait for it).
     */
    java.util.Set<String> jobsOn(String queue) {
        var ids = new java.util.HashSet<String>();
        try (JMSContext browsing = newContext();
             jakarta.jms.QueueBrowser browser = browsing.createBrowser((jakarta.jms.Queue) destination(QUEUE_PREFIX + queue))) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                String id = ((jakarta.jms.Message) messages.nextElement()).getStringProperty(JOB_PROPERTY);
                if (id != null) {
                    ids.add(id);
                }
            }
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("could not browse queue " + queue + ": " + e.getMessage());
        }
        return ids;
    }

    /** The message property that names a job on a worker queue. */
    static final String JOB_PROPERTY = "jobId";

    synchronized void publishEvent(String text) {
        producer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(destination(EVENTS_TOPIC), text);
    }

    /**
     * The one producer, whose delivery mode each send sets. (Artemis's JMSProducers of one JMSContext share a
     * single MessageProducer underneath, so two producers with different modes would both send with the mode
     * set last: that made the worker queues' messages non-persistent until the crash test caught it.)
     */
    private JMSProducer producer() {
        if (context == null) {
            context = newContext();
            producer = context.createProducer().setDisableMessageTimestamp(true);
        }
        return producer;
    }

    /**
     * A context on the factory: as the user {@code jdash.broker.user} when it is set (a broker of its own, shared by
     * several nodes, that requires a login: server-config/remote-broker/), else as the factory's default (the
     * embedded broker's in-VM factory needs none).
     */
    private JMSContext newContext() {
        var login = JDashConfig.current().brokerLogin();
        return login.isPresent() ? factory.createContext(login.get().user(), login.get().password(), JMSContext.AUTO_ACKNOWLEDGE)
                : factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    private Destination destination(String jndiName) {
        return destinations.computeIfAbsent(jndiName, name -> {
            try {
                return (Destination) new InitialContext().lookup(name);
            } catch (NamingException e) {
                throw new IllegalStateException("no JMS destination " + name + " on this server; run server-config/"
                        + "configure-jdash-messaging.cli", e);
            }
        });
    }

    @PreDestroy
    synchronized void close() {
        if (context != null) {
            context.close();
        }
    }
}
