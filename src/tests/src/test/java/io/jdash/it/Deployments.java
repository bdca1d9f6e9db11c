package io.jdash.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test: the gallery WAR Maven built (with the jdash jar in WEB-INF/lib), as a user deploys it, plus the test-only apps. */
final class Deployments {

    private Deployments() {
    }

    /** The gallery WAR as Maven built it, nothing added. */
    static WebArchive builtWar() {
        File war = new File(System.getProperty("jdash.test.war", "target/deployments/jdash-gallery.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    static WebArchive builtWarWithTestApps() {
        return builtWar()
                .addClasses(ProbeApp.class, NoOpApp.class, DashFeaturesApp.class)
                .addAsWebResource(new StringAsset(DashFeaturesApp.ASSET_SCRIPT), "assets/features/clientside.js")
                .addAsWebResource(new StringAsset(DashFeaturesApp.ASSET_STYLE), "assets/features/style.css");
    }
}
