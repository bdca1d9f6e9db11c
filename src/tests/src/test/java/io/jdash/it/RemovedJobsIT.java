package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator removes a waiting job with the server's own CLI operation (issue 14, item 3):
 * {@code jms-queue=BackgroundCallbacks2:remove-messages(filter="jobId='…'")} removes its message — nothing holds it
 * ahead, the consumer takes no message before a worker is free — and JDash's queue audit (every second in this WAR)
 * ends the job as the error "removed from its queue by an operator", which its owner hears; it never runs. The job
 * the queue's consumer holds while it waits for the busy worker is not taken for a removed one, and runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemovedJobsIT {

    private static final Duration END = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps(FairnessIT.OVER_THE_SERVERS, "jdash.queue-audit-seconds=1");
    }

    @ArquillianResource
    URL base;

    @Test
    void aJobWhoseMessageAnOperatorRemovedEndsWithoutRunningAndItsOwnerHearsWhy() throws Exception {
        String p = "removed-" + System.nanoTime() + "-";
        TestClient alice = TestClient.open(base, "bg-jms");
        try (JobFeed feed = alice.feed()) {
            String running = alice.work(p + "running", 0, "hold"); // the queue's one worker
            feed.await(running, "set_props", END);
            String held = alice.work(p + "held", 0, "ok"); // the consumer takes it and waits for the worker
            String removed = alice.work(p + "removed", 0, "ok"); // on the queue
            Thread.sleep(300);

            assertEquals(1, removeMessages(BgTestApp.QUEUE, "jobId='" + removed + "'"), "the operator removed its message");
            TestSocket.Received end = feed.awaitEnd(removed, Duration.ofSeconds(10));
            assertEquals("error", end.type(), end.json().toString());
            assertEquals("removed from its queue by an operator: the job did not run", end.json().getString("message"));
            Thread.sleep(2_500); // more audits
            assertEquals("QUEUED", feed.state(held), "the job its consumer holds is not a removed one");

            alice.release(p + "running");
            assertEquals("done", feed.awaitEnd(held, END).type());
            assertEquals(List.of(p + "running", p + "held"), alice.ledger(p).stream()
                    .map(run -> run.asJsonObject().getString("tag")).toList(), "the removed job never ran");
        } finally {
            alice.release(p + "running");
        }
    }

    /** The server's CLI operation, through its management API; returns how many messages it removed. */
    private static int removeMessages(String queue, String filter) throws Exception {
        int port = Integer.getInteger("jdash.test.managementPort", 10090);
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1", port)) {
            ModelNode operation = new ModelNode();
            operation.get("operation").set("remove-messages");
            ModelNode address = operation.get("address");
            address.add("subsystem", "messaging-activemq");
            address.add("server", "default");
            address.add("jms-queue", queue);
            operation.get("filter").set(filter);
            ModelNode result = client.execute(operation);
            assertEquals("success", result.get("outcome").asString(), result.toString());
            return result.get("result").asInt();
        }
    }
}
