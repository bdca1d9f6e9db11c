package io.jdash.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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

    /**
     * The gallery WAR plus {@link DbcApp}, the dash-bootstrap-components classes generated from npm (io.jdash.it.dbc)
     * and what the generator wrote for that suite and Bootstrap's stylesheet (component-suites.json and the browser
     * files under META-INF/jdash/), in WEB-INF/classes as a user's WAR has them.
     */
    static WebArchive dbcWar() {
        WebArchive war = builtWar().addClass(DbcApp.class).addPackage("io.jdash.it.dbc");
        Path generated = Path.of(System.getProperty("jdash.test.generated.resources", "target/generated-test-resources/jdash"));
        try (Stream<Path> files = Files.walk(generated.resolve("META-INF/jdash"))) {
            files.filter(Files::isRegularFile).forEach(file ->
                    war.addAsResource(file.toFile(), generated.relativize(file).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException("no generated suite files in " + generated + ": run the build's jdash:components", e);
        }
        return war;
    }

    static WebArchive builtWarWithTestApps() {
        return builtWar()
                .addClasses(ProbeApp.class, NoOpApp.class, DashFeaturesApp.class, PagesApp.class, RendererJobsApp.class,
                        AgGridApp.class)
                .addAsWebResource(new StringAsset(DashFeaturesApp.ASSET_SCRIPT), "assets/features/clientside.js")
                .addAsWebResource(new StringAsset(DashFeaturesApp.ASSET_STYLE), "assets/features/style.css");
    }
}
