package io.jdash.codegen;

import io.jdash.codegen.node.Extractor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code jdash:components}: generates the Java classes of Dash component suites from their npm packages. For each
 * {@code <suite>}: one class per component in {@code componentPackage}, a facade with one factory per component,
 * and an entry of {@code META-INF/jdash/component-suites.json} with the suite's {@code children_props}; for a
 * suite an app adds, the browser files it names ({@code scripts}, {@code stylesheets}, {@code files}) are copied
 * under {@code META-INF/jdash/components/<npm package>/} with gzipped twins and listed in its entry. The sources go
 * to a compile source root, the JSON and the files to a resource folder, both added to the project (as a test
 * source root and a test resource folder with {@code testSources}, for a module that uses a suite in tests only).
 */
@Mojo(name = "components", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class ComponentsMojo extends AbstractMojo {

    @Parameter(required = true)
    private List<Suite> suites;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/jdash", required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-resources/jdash", required = true)
    private File resourceDirectory;

    /** The extractor's installation, fetched packages, unpacked sources and each suite's metadata. */
    @Parameter(defaultValue = "${project.build.directory}/jdash-codegen", required = true)
    private File workDirectory;

    /** Add the outputs as test sources and test resources instead of main ones (bind to generate-test-sources). */
    @Parameter(defaultValue = "false")
    private boolean testSources;

    @Parameter(property = "jdash.codegen.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("jdash.codegen.skip: nothing generated; the sources already in " + outputDirectory + " are compiled");
            addRoots();
            return;
        }
        long start = System.nanoTime();
        Path work = workDirectory.toPath();
        var extractor = new Extractor(work.resolve("extractor"));
        var generator = new SuiteGenerator(extractor, work, plugin.getVersion() + " " + Extractor.digest(), getLog());
        var files = new GeneratedFiles();
        var entries = new ArrayList<SuiteManifestWriter.Entry>();
        boolean installed = false;
        try {
            for (Suite suite : suites) {
                if (!installed && !generator.isCurrent(suite)) {
                    extractor.install();
                    installed = true;
                }
                var result = generator.generate(suite, outputDirectory.toPath(), resourceDirectory.toPath(), files);
                int props = result.components().stream().mapToInt(c -> c.props().size()).sum();
                var entry = result.entry();
                getLog().info(suite.npmPackage + " " + suite.version + ": " + result.components().size()
                        + " components, " + props + " props, " + entry.scripts().size() + " scripts, "
                        + entry.stylesheets().size() + " stylesheets"
                        + (result.extracted() || !suite.hasComponents() ? "" : " (metadata up to date)"));
                entries.add(result.entry());
            }
            files.write(resourceDirectory.toPath().resolve("META-INF/jdash/component-suites.json"),
                    new SuiteManifestWriter().write(entries));
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("jdash:components failed: " + e.getMessage(), e);
        }
        addRoots();
        getLog().info("jdash:components: " + suites.size() + " suites in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private void addRoots() {
        var resource = new Resource();
        resource.setDirectory(resourceDirectory.getAbsolutePath());
        if (testSources) {
            project.addTestCompileSourceRoot(outputDirectory.getAbsolutePath());
            project.addTestResource(resource);
        } else {
            project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
            project.addResource(resource);
        }
    }
}
