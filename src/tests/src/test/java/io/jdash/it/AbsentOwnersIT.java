package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jobs nobody waits for (issue 14, item 3), on both managers, with a grace of 2 s in this WAR's config: a job waiting
 * to start whose owner has sent nothing and has no socket open for the grace is cancelled before it starts (its
 * running neighbour is not touched), while the waiting jobs of an owner whose page's socket stays open, and of one
 * whose page polls as Dash's renderer does without a socket, are kept and run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AbsentOwnersIT {

    private static final Duration END = Duration.ofSeconds(30);
    private static final long GRACE_MILLIS = 2_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps(FairnessIT.OVER_THE_SERVERS,
                "jdash.absent-owner-grace-seconds=" + GRACE_MILLIS / 1000);
    }

    @ArquillianResource
    URL base;

    @Test
    void onTheProductionManager() throws Exception {
        aWaitingJobOfAnOwnerWithNoPageOpenIsCancelledAndOneWhosePageIsOpenRuns("bg-jms");
    }

    @Test
    void onTheLocalManager() throws Exception {
        aWaitingJobOfAnOwnerWithNoPageOpenIsCancelledAndOneWhosePageIsOpenRuns("bg-local");
    }

    private void aWaitingJobOfAnOwnerWithNoPageOpenIsCancelledAndOneWhosePageIsOpenRuns(String app) throws Exception {
        String p = app + "-" + System.nanoTime() + "-";
        TestClient alice = TestClient.open(base, app);
        TestClient carol = TestClient.open(base, app);
        String running;
        String gone;
        try (JobFeed feed = alice.feed()) {
            running = alice.work(p + "running", 0, "hold"); // the queue's one worker
            feed.await(running, "set_props", END);
            gone = alice.work(p + "gone", 0, "ok"); // waits; then Alice sends nothing more
        }
        TestClient dave = TestClient.open(base, app); // Dave's page polls, as Dash's renderer does without a socket
        try (RendererSocket page = RendererSocket.open(carol)) { // Carol's page stays open
            String kept = carol.work(p + "kept", 0, "ok");
            Object[][] polled = {{"work", "value", p + "polled"}};
            Object[][] state = {{"work-sleep", "value", 0}, {"work-mode", "value", "ok"}};
            String polledJob = dave.submit("work-out.children", polled, state);
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS * 3);
            while (System.nanoTime() < until) { // the grace, and the check that follows it (every second)
                assertEquals(200, dave.dashPoll("work-out.children", polled, state, polledJob).statusCode());
                Thread.sleep(500);
            }
            try (JobFeed feed = alice.feed()) {
                assertEquals("CANCELLED", feed.state(gone), "nobody waited for it");
                assertEquals("RUNNING", feed.state(running), "a running job is not touched");
                carol.release(p + "running");
                assertEquals("done", feed.awaitEnd(running, END).type());
            }
            try (JobFeed feed = carol.feed()) {
                assertEquals("done", feed.awaitEnd(kept, END).type(), "its owner's page was open: it ran");
            }
            try (JobFeed feed = dave.feed()) {
                assertEquals("done", feed.awaitEnd(polledJob, END).type(), "its owner's page polled: it ran");
            }
            assertEquals(0, alice.ledger(p + "gone").size(), "the cancelled job never ran");
        }
    }
}
