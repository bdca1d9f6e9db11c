package io.jdash.it;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The built WAR with the test apps, plus the app the progress and set_props tests flood the socket with. */
final class ProgressDeployments {

    private ProgressDeployments() {
    }

    static WebArchive withFloodApp() {
        return Deployments.builtWarWithTestApps().addClasses(ProgressFloodApp.class);
    }
}
