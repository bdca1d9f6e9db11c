package io.jdash.codegen;

import io.jdash.codegen.java.ComponentClassWriter;
import io.jdash.codegen.java.FacadeWriter;
import io.jdash.codegen.java.JavaSuite;
import io.jdash.codegen.java.PackageInfoWriter;
import io.jdash.codegen.metadata.ChildrenPropsCollector;
import io.jdash.codegen.metadata.ComponentDoc;
import io.jdash.codegen.metadata.MetadataReader;
import io.jdash.codegen.node.Extractor;
import io.jdash.codegen.node.NpmPackageFetcher;
import io.jdash.codegen.node.SourceMapSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.Log;

/**
 * One suite from npm package to Java: finds (or fetches) the package, collects its component sources, has the
 * extractor read them (unless the same inputs were read before), then writes the classes, the facade and the
 * package-info, copies the browser files the suite names ({@link SuiteBrowserFiles}), and returns the suite's
 * entry of {@code component-suites.json}. A suite without a namespace gets its files copied and nothing else.
 */
final class SuiteGenerator {

    /** The outcome of one suite: its components and its entry of {@code component-suites.json}. */
    record Result(List<ComponentDoc> components, SuiteManifestWriter.Entry entry, boolean extracted) {
    }

    private final Extractor extractor;
    private final Path workDir;
    private final String generatorVersion;
    private final Log log;

    SuiteGenerator(Extractor extractor, Path workDir, String generatorVersion, Log log) {
        this.extractor = extractor;
        this.workDir = workDir;
        this.generatorVersion = generatorVersion;
        this.log = log;
    }

    Result generate(Suite suite, Path javaOut, Path resourceOut, GeneratedFiles files) throws IOException {
        requireSet(suite);
        SuiteBrowserFiles.Listed browserFiles = SuiteBrowserFiles.named(suite)
                ? new SuiteBrowserFiles(resourceOut).copy(suite, packageDir(suite)) : SuiteBrowserFiles.Listed.NONE;
        if (!suite.hasComponents()) {
            return new Result(List.of(), new SuiteManifestWriter.Entry(null, suite.npmPackage, suite.version, Map.of(),
                    browserFiles.scripts(), browserFiles.stylesheets()), false);
        }
        Path suiteDir = workDir.resolve(suite.namespace);
        Path metadataJson = suiteDir.resolve("metadata.json");
        boolean current = isCurrent(suite);
        if (!current) {
            extract(suite, suiteDir, metadataJson);
            Files.writeString(suiteDir.resolve("inputs.txt"), inputs(suite));
        }
        List<ComponentDoc> components = new MetadataReader().read(metadataJson);
        if (components.isEmpty()) {
            throw new IOException("no component found in " + suite.npmPackage + " " + suite.version);
        }
        writeJava(javaSuite(suite), components, javaOut, files);
        var collector = new ChildrenPropsCollector();
        Map<String, List<String>> childrenProps = new LinkedHashMap<>();
        components.forEach(c -> childrenProps.put(c.name(), collector.collect(c)));
        return new Result(components,
                new SuiteManifestWriter.Entry(suite.namespace, suite.npmPackage, suite.version, childrenProps,
                        browserFiles.scripts(), browserFiles.stylesheets()), !current);
    }

    /** Whether the suite's metadata was read before from the same inputs (package version, plugin, extractor). */
    boolean isCurrent(Suite suite) throws IOException {
        if (!suite.hasComponents()) {
            return true; // nothing to extract
        }
        Path suiteDir = workDir.resolve(String.valueOf(suite.namespace));
        Path stamp = suiteDir.resolve("inputs.txt");
        return Files.exists(suiteDir.resolve("metadata.json")) && Files.exists(stamp)
                && Files.readString(stamp).equals(inputs(suite));
    }

    private String inputs(Suite suite) throws IOException {
        return generatorVersion + "\n" + suite.key() + "\n" + localFiles(suite);
    }

    /**
     * For a suite read from a folder of its own (not a package npm installed, which its version names), each file's
     * path and content hash: an edit of the suite's source then extracts its metadata again.
     */
    private static String localFiles(Suite suite) throws IOException {
        if (suite.packageDir == null || suite.packageDir.toPath().toString().contains("node_modules")
                || !Files.isDirectory(suite.packageDir.toPath())) {
            return "";
        }
        Path root = suite.packageDir.toPath();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().map(file -> {
                try {
                    byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                    return root.relativize(file) + " " + java.util.HexFormat.of().formatHex(hash);
                } catch (IOException | java.security.NoSuchAlgorithmException unreadable) {
                    return root.relativize(file) + " ?";
                }
            }).collect(Collectors.joining("\n", "", "\n"));
        }
    }

    private Path packageDir(Suite suite) throws IOException {
        Path packageDir = suite.packageDir != null ? suite.packageDir.toPath()
                : new NpmPackageFetcher().fetch(suite.npmPackage, suite.version, workDir.resolve("packages"));
        if (!Files.isDirectory(packageDir)) {
            throw new IOException("packageDir " + packageDir + " of " + suite.npmPackage + " does not exist"
                    + " (is `npm ci` of the frontend done? `mvn clean` refetches it)");
        }
        return packageDir;
    }

    private void extract(Suite suite, Path suiteDir, Path metadataJson) throws IOException {
        Path packageDir = packageDir(suite);
        Path root;
        List<String> componentFiles;
        if (suite.sourceMap != null) {
            root = suiteDir.resolve("sources");
            deleteTree(root);
            componentFiles = new SourceMapSources().unpack(packageDir.resolve(suite.sourceMap),
                    suite.sourcePrefix == null ? "src/components/" : suite.sourcePrefix, root);
        } else {
            root = packageDir;
            componentFiles = new PackageFiles(packageDir).matching(suite.sources);
        }
        log.info(suite.npmPackage + " " + suite.version + ": reading " + componentFiles.size() + " component sources");
        String report = extractor.extract(root, componentFiles, metadataJson);
        if (report.contains("no component found")) {
            log.warn(suite.npmPackage + ": " + report);
        } else if (!report.isEmpty()) {
            log.info(suite.npmPackage + ": " + report);
        }
    }

    private static void writeJava(JavaSuite suite, List<ComponentDoc> components, Path javaOut, GeneratedFiles files)
            throws IOException {
        var names = components.stream().map(ComponentDoc::name).collect(Collectors.toSet());
        var classWriter = new ComponentClassWriter(suite, names);
        Path packageDir = javaOut.resolve(suite.componentPackage().replace('.', '/'));
        for (ComponentDoc component : components) {
            files.write(packageDir.resolve(component.name() + ".java"), classWriter.write(component));
        }
        files.write(packageDir.resolve("package-info.java"), new PackageInfoWriter().write(suite));
        files.removeOthers(packageDir);
        files.write(javaOut.resolve(suite.facade().replace('.', '/') + ".java"), new FacadeWriter(suite).write(components));
    }

    static JavaSuite javaSuite(Suite suite) {
        Map<String, List<String>> extraTypes = new LinkedHashMap<>();
        for (String entry : suite.extraTypes) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("extraType " + entry + " is not Component.prop=fully.qualified.Type");
            }
            extraTypes.computeIfAbsent(parts[0].strip(), k -> new ArrayList<>()).add(parts[1].strip());
        }
        return new JavaSuite(suite.npmPackage, suite.version, suite.namespace, suite.facade, suite.componentPackage,
                suite.description == null ? "" : suite.description, extraTypes);
    }

    private static void requireSet(Suite suite) {
        var missing = new ArrayList<String>();
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("npmPackage", suite.npmPackage);
        required.put("version", suite.version);
        if (suite.hasComponents()) {
            required.put("facade", suite.facade);
            required.put("componentPackage", suite.componentPackage);
            required.put("sources or sourceMap", suite.sources != null ? suite.sources : suite.sourceMap);
        } else if (suite.facade != null || suite.componentPackage != null || suite.sources != null || suite.sourceMap != null) {
            required.put("namespace (it has a facade, componentPackage or sources)", null);
        } else if (!SuiteBrowserFiles.named(suite)) {
            required.put("namespace, or scripts, stylesheets or files", null);
        }
        required.forEach((name, value) -> {
            if (value == null) {
                missing.add(name);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("a <suite> (" + suite.npmPackage + ") lacks " + String.join(", ", missing));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
