package io.jdash.codegen;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files of an unpacked npm package that a {@code <suite>} names: by comma-separated globs or exact paths. */
final class PackageFiles {

    private final Path packageDir;

    PackageFiles(Path packageDir) {
        this.packageDir = packageDir;
    }

    /** The files matching any of the globs, relative to the package, sorted; at least one, else an error. */
    List<String> matching(String globs) throws IOException {
        List<PathMatcher> matchers = split(globs).stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<String> found;
        try (Stream<Path> walk = Files.walk(packageDir)) {
            found = walk.filter(Files::isRegularFile).map(packageDir::relativize)
                    .filter(rel -> matchers.stream().anyMatch(m -> m.matches(rel)))
                    .map(rel -> rel.toString().replace('\\', '/')).sorted().toList();
        }
        if (found.isEmpty()) {
            throw new IOException("no file of " + packageDir + " matches " + globs);
        }
        return found;
    }

    /** The listed paths in their order, each checked to be a file of the package. */
    List<String> listed(String paths) throws IOException {
        var files = new ArrayList<String>();
        for (String path : split(paths)) {
            Path file = packageDir.resolve(path).normalize();
            if (!file.startsWith(packageDir) || !Files.isRegularFile(file)) {
                throw new IOException(path + " is not a file of " + packageDir);
            }
            files.add(path);
        }
        return files;
    }

    private static List<String> split(String list) {
        return list == null ? List.of()
                : Stream.of(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
