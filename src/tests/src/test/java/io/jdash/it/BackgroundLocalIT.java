package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The background contract on the local manager: one in-process thread per worker queue. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackgroundLocalIT extends BackgroundContract {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps();
    }

    @Override
    String slug() {
        return "bg-local";
    }

    @Override
    String poolSlug() {
        return "bg-local-pool";
    }

    @Override
    void assertRanOnManagerThread(String threadName) {
        // the only worker of the test app's queue (one worker: -Djdash.queue.BackgroundCallbacks2.workers=1)
        assertEquals("jdash-local-" + BgTestApp.QUEUE + "-worker-1", threadName);
    }
}
