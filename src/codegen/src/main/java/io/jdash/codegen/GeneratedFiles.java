package io.jdash.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes generated files only where their content changed (so that an unchanged suite recompiles nothing), and
 * removes the files of a folder that this run did not write (a component the package no longer has).
 */
final class GeneratedFiles {

    private final Set<Path> written = new HashSet<>();

    void write(Path file, String content) throws IOException {
        written.add(file.toAbsolutePath().normalize());
        if (Files.exists(file) && Files.readString(file).equals(content)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Deletes the {@code .java} files directly in {@code dir} that were not written. */
    void removeOthers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!written.contains(file.toAbsolutePath().normalize())) {
                    Files.delete(file);
                }
            }
        }
    }
}
