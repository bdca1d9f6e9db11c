package io.jdash.it;

import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    /** The WAR with the background test apps and, in its microprofile-config.properties, these {@code key=value}s too. */
    static WebArchive warWithBackgroundApps(String... config) {
        String properties = Stream.concat(
                        Stream.of("jdash.queue." + BgTestApp.POOL_QUEUE + ".workers=" + BgJmsPoolApp.WORKERS),
                        Stream.of(config))
                .collect(Collectors.joining("\n", "", "\n"));
        return Deployments.builtWarWithTestApps()
                .addClasses(BgTestApp.class, BgTestApp.Run.class, BgJmsApp.class, BgLocalApp.class, BgJmsPoolApp.class,
                        BgLocalPoolApp.class)
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }
}
