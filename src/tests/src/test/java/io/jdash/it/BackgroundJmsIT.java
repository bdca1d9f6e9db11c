package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The background contract on the production manager: JMS worker queue, single-consumer MDB, Jakarta Batch. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackgroundJmsIT extends BackgroundContract {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BackgroundDeployments.warWithBackgroundApps();
    }

    @Override
    String slug() {
        return "bg-jms";
    }

    @Override
    String poolSlug() {
        return "bg-jms-pool";
    }

    @Override
    void assertRanOnManagerThread(String threadName) {
        // JBeret's worker threads: the job ran as a Jakarta Batch job, not on the local manager's thread
        assertTrue(threadName.startsWith("Batch Thread"), "a JMS job ran on " + threadName);
    }
}
