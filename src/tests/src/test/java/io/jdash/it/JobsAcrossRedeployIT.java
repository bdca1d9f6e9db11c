package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Jobs across a redeploy on the JMS + Batch manager. Queued jobs survive it: with the queue's one worker busy, the next job's message
 * is held by the queue's consumer while it waits for a worker, and the one after it is still on the queue. The
 * undeploy gives the held message back to the queue (the consumer takes no worker once the workers stop), so the new
 * deployment runs both, in arrival order, and their owner hears them end. A job running when the deployment goes ends
 * as the error "server redeployed" (not as a user's cancel), and an idempotent one runs again on the new deployment.
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

    /** What a test does with the page of a deployed WAR; {@code redeploy} undeploys and deploys it again. */
    private interface AcrossRedeploy {
        void run(TestClient page, JobFeed feed, Runnable redeploy) throws Exception;
    }

    /** Deploys the WAR, runs {@code test} with a page of the JMS app, and undeploys the WAR at the end. */
    private void withDeployedApp(AcrossRedeploy test) throws Exception {
        URL base = new URL("http://127.0.0.1:" + (8080 + Integer.getInteger("jdash.test.portOffset", 100)) + "/");
        deployer.deploy(WAR);
        boolean[] deployed = {true};
        try {
            TestClient page = TestClient.open(base, "bg-jms");
            test.run(page, page.feed(), () -> {
                deployer.undeploy(WAR);
                deployed[0] = false;
                deployer.deploy(WAR);
                deployed[0] = true;
            });
        } finally {
            if (deployed[0]) {
                deployer.undeploy(WAR);
            }
        }
    }

    @Test
    void jobsQueuedBehindABusyWorkerRunOnTheNextDeploymentInArrivalOrder() throws Exception {
        withDeployedApp((page, feed, redeploy) -> {
            String held = page.work("redeploy-held", 0, "hold"); // never released: it holds the queue's one worker
            feed.await(held, "set_props", END);
            String waiting = page.work("redeploy-waiting", 20, "ok"); // taken by the consumer, waits for the worker
            String queued = page.work("redeploy-queued", 20, "ok"); // still on the queue
            Thread.sleep(500);
            assertEquals(List.of("accepted"), feed.of(waiting).stream().map(TestSocket.Received::type).toList());

            redeploy.run();

            TestSocket.Received stopped = feed.awaitEnd(held, END);
            assertEquals("error", stopped.type(), "a running job stopped by the redeploy is not a user's cancel: "
                    + stopped.json());
            assertEquals(io.jdash.background.event.JobEvent.SERVER_REDEPLOYED, stopped.json().getString("message"));
            assertEquals("done", feed.awaitEnd(waiting, END).type(), "the job the consumer held ran after the redeploy");
            assertEquals("done", feed.awaitEnd(queued, END).type(), "the job left on the queue ran after the redeploy");
            List<String> started = page.ledger("redeploy-").stream()
                    .map(run -> run.asJsonObject().getString("tag")).toList();
            assertEquals(List.of("redeploy-waiting", "redeploy-queued"), started,
                    "the new deployment ran the queued jobs once each, in arrival order");
        });
    }

    @Test
    void anIdempotentJobRunningWhenTheAppIsRedeployedRunsAgainOnTheNewDeployment() throws Exception {
        withDeployedApp((page, feed, redeploy) -> {
            String again = page.submit("again-out.children", new Object[][] {{"again", "value", "redeploy-again"}},
                    new Object[0][]);
            feed.await(again, "set_props", END);

            redeploy.run();

            long deadline = System.nanoTime() + END.toNanos();
            while (page.ledger("redeploy-again").isEmpty()) { // the new deployment's ledger: its own runs only
                assertTrue(System.nanoTime() < deadline, "the idempotent job never ran again after the redeploy");
                Thread.sleep(50);
            }
            page.release("redeploy-again");
            TestSocket.Received end = feed.awaitEnd(again, END);
            assertEquals("done", end.type(), "the rerun ended, and its owner heard it: " + end.json());
            assertEquals("again redeploy-again", JobFeed.response(end).getJsonObject("again-out").getString("children"));
        });
    }
}
