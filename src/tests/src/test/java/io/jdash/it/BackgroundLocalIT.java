package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // a worker of the test app's queue (one at a time on the test server, -Djdash.workers=1; a worker given up
        // when its code ignored a stop is replaced by a thread with the next number)
        assertTrue(threadName.matches("jdash-local-" + BgTestApp.QUEUE + "-worker-\\d+"), "a local job ran on " + threadName);
    }
}
