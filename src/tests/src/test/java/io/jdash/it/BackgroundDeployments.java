package io.jdash.it;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR under test plus the background test apps. Its own MicroProfile Config gives the pool apps' queue
 * {@value BgJmsPoolApp#WORKERS} workers, in this deployment only: the test server runs one per queue, which the
 * benchmark's deployment, on the same queues, relies on to see each queue's jobs run in arrival order.
 */
final class BackgroundDeployments {

    private BackgroundDeployments() {
    }

    static WebArchive warWithBackgroundApps() {
        return Deployments.builtWarWithTestApps()
                .addClasses(BgTestApp.class, BgTestApp.Run.class, BgJmsApp.class, BgLocalApp.class, BgJmsPoolApp.class,
                        BgLocalPoolApp.class)
                .addAsResource(new StringAsset("jdash.queue." + BgTestApp.POOL_QUEUE + ".workers=" + BgJmsPoolApp.WORKERS
                        + "\n"), "META-INF/microprofile-config.properties");
    }
}
