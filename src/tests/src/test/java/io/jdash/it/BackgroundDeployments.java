package io.jdash.it;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test plus the background test apps. */
final class BackgroundDeployments {

    private BackgroundDeployments() {
    }

    static WebArchive warWithBackgroundApps() {
        return Deployments.builtWarWithTestApps()
                .addClasses(BgTestApp.class, BgTestApp.Run.class, BgJmsApp.class, BgLocalApp.class, BgJmsPoolApp.class,
                        BgLocalPoolApp.class);
    }
}
