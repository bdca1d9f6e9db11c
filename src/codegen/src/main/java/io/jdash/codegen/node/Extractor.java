package io.jdash.codegen.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The bundled Node extractor ({@code extract.mjs} with its pinned {@code package.json} and lock): copied into a
 * work directory, installed there once with {@code npm ci}, then run over a suite's component files to write
 * Dash's {@code metadata.json} shape.
 */
public final class Extractor {

    private static final String RESOURCES = "/io/jdash/codegen/extractor/";
    private static final List<String> FILES = List.of("extract.mjs", "package.json", "package-lock.json");

    private final Path dir;

    /** A digest of the bundled script and lock: it changes whenever the extractor does. */
    public static String digest() {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (String name : FILES) {
                sha.update(resource(name));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the bundled extractor", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Extractor.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the plugin jar lacks " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }

    /** @param dir where the extractor lives ({@code target/jdash-codegen/extractor}) */
    public Extractor(Path dir) {
        this.dir = dir;
    }

    /** Copies the script and runs {@code npm ci} unless the same lock is already installed. */
    public void install() throws IOException {
        Files.createDirectories(dir);
        boolean lockChanged = false;
        for (String name : FILES) {
            byte[] bytes = resource(name);
            Path target = dir.resolve(name);
            if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                lockChanged |= !name.equals("extract.mjs");
                Path temp = dir.resolve(name + ".tmp");
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path installed = dir.resolve("node_modules/.package-lock.json");
        if (lockChanged || !Files.exists(installed)) {
            NodeCommand.run(dir, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        }
    }

    /**
     * Reads the components in {@code files} (relative to {@code root}) and writes their metadata to
     * {@code metadataJson}; returns what the extractor reported.
     */
    public String extract(Path root, List<String> files, Path metadataJson) throws IOException {
        Files.createDirectories(metadataJson.toAbsolutePath().getParent());
        var command = new ArrayList<>(List.of("node", dir.resolve("extract.mjs").toAbsolutePath().toString(),
                root.toAbsolutePath().toString(), metadataJson.toAbsolutePath().toString()));
        command.addAll(files);
        return NodeCommand.run(root, command.toArray(String[]::new)).strip();
    }
}
