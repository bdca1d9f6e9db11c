package io.jdash.codegen.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Fetches a package from the npm registry with {@code npm pack <name>@<version>} and unpacks it ({@code tar}) into
 * {@code <workDir>/<name>-<version>/package}; a package already unpacked there is reused.
 */
public final class NpmPackageFetcher {

    public Path fetch(String name, String version, Path workDir) throws IOException {
        Path target = workDir.resolve(name.replace('/', '+') + "-" + version);
        Path packageDir = target.resolve("package");
        if (Files.isRegularFile(packageDir.resolve("package.json"))) {
            return packageDir;
        }
        Files.createDirectories(target);
        NodeCommand.run(target, "npm", "pack", name + "@" + version, "--silent");
        Path tarball;
        try (Stream<Path> files = Files.list(target)) {
            tarball = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack " + name + "@" + version + " wrote no tarball in " + target));
        }
        NodeCommand.run(target, "tar", "xzf", tarball.getFileName().toString());
        if (!Files.isRegularFile(packageDir.resolve("package.json"))) {
            throw new IOException(tarball + " holds no package/package.json");
        }
        return packageDir;
    }
}
