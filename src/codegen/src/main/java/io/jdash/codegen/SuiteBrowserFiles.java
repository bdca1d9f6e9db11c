package io.jdash.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The browser files of a suite an app adds: each named file of the package is copied to
 * {@code <resources>/META-INF/jdash/components/<npm package>/<path in the package>} (served by the framework at
 * {@code <app>/_dash-component-suites/<npm package>/<path>}) with a gzipped twin {@code <file>.gz}, the same bytes
 * for the same input. Files are rewritten only when they changed; files of an earlier run that the suite no longer
 * names are removed.
 */
final class SuiteBrowserFiles {

    /** Where the framework's suite files live in a jar or WAR's classes. */
    static final String ROOT = "META-INF/jdash/components/";

    /** What the page loads, as paths under {@code _dash-component-suites/}. */
    record Listed(List<String> scripts, List<String> stylesheets) {

        static final Listed NONE = new Listed(List.of(), List.of());
    }

    private final Path resourceDir;

    SuiteBrowserFiles(Path resourceDir) {
        this.resourceDir = resourceDir;
    }

    /** Whether the suite names any browser file. */
    static boolean named(Suite suite) {
        return suite.scripts != null || suite.stylesheets != null || suite.files != null;
    }

    Listed copy(Suite suite, Path packageDir) throws IOException {
        var files = new PackageFiles(packageDir);
        List<String> scripts = files.listed(suite.scripts);
        List<String> stylesheets = files.listed(suite.stylesheets);
        var all = new LinkedHashSet<String>(scripts);
        all.addAll(stylesheets);
        if (suite.files != null) {
            all.addAll(files.matching(suite.files));
        }
        Path target = resourceDir.resolve(ROOT + suite.npmPackage);
        Set<Path> written = new HashSet<>();
        for (String path : all) {
            Path file = target.resolve(path);
            Path twin = file.resolveSibling(file.getFileName() + ".gz");
            byte[] content = Files.readAllBytes(packageDir.resolve(path));
            if (writeIfChanged(file, content) || !Files.exists(twin)) {
                writeIfChanged(twin, gzip(content));
            }
            written.add(file);
            written.add(twin);
        }
        removeOthers(target, written);
        String prefix = suite.npmPackage + "/";
        return new Listed(scripts.stream().map(prefix::concat).toList(), stylesheets.stream().map(prefix::concat).toList());
    }

    /** gzip at the best compression; {@link GZIPOutputStream} writes no time stamp or file name, so it is deterministic. */
    static byte[] gzip(byte[] content) {
        var out = new ByteArrayOutputStream(content.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return true;
    }

    private static void removeOthers(Path dir, Set<Path> written) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                boolean emptyDir = Files.isDirectory(p) && isEmpty(p);
                if ((Files.isRegularFile(p) && !written.contains(p)) || (emptyDir && !p.equals(dir))) {
                    Files.delete(p);
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
