package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Queued jobs survive a redeploy on the JMS + Batch manager: with the queue's one worker busy, the next job's message
 * is held by the queue's consumer while it waits for a worker, and the one after it is still on the queue. The
 * undeploy gives the held message back to the queue (the consumer takes no worker once the workers stop), so the new
 * deployment runs both, in arrival order, and their owner hears them end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JobsAcrossRedeployIT {

    private static final String WAR = "redeployed-jobs";
    private static final Duration END = Duration.ofSeconds(30);

    @Deployment(name = WAR, managed = false, testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void jobsQueuedBehindABusyWorkerRunOnTheNextDeploymentInArrivalOrder() throws Exception {
        URL base = new URL("http://127.0.0.1:" + (8080 + Integer.getInteger("jdash.test.portOffset", 100)) + "/");
        deployer.deploy(WAR);
        boolean deployed = true;
        try {
            TestClient page = TestClient.open(base, "bg-jms");
            JobFeed feed = page.feed();
            String held = page.work("redeploy-held", 0, "hold"); // never released: it holds the queue's one worker
            feed.await(held, "set_props", END);
            String waiting = page.work("redeploy-waiting", 20, "ok"); // taken by the consumer, waits for the worker
            String queued = page.work("redeploy-queued", 20, "ok"); // still on the queue
            Thread.sleep(500);
            assertEquals(List.of("accepted"), feed.of(waiting).stream().map(TestSocket.Received::type).toList());

            deployer.undeploy(WAR);
            deployed = false;
            deployer.deploy(WAR);
            deployed = true;

            assertEquals("done", feed.awaitEnd(waiting, END).type(), "the job the consumer held ran after the redeploy");
            assertEquals("done", feed.awaitEnd(queued, END).type(), "the job left on the queue ran after the redeploy");
            List<String> started = page.ledger("redeploy-").stream()
                    .map(run -> run.asJsonObject().getString("tag")).toList();
            assertEquals(List.of("redeploy-waiting", "redeploy-queued"), started,
                    "the new deployment ran the queued jobs once each, in arrival order");
        } finally {
            if (deployed) {
                deployer.undeploy(WAR);
            }
        }
    }
}
