package io.jdash.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * Where the CSRF key comes from: the system property {@code jdash.csrf-key} (its UTF-8 bytes; give every node of
 * a cluster the same), else the file {@code <dir>/jdash/csrf.key}, created with 256 random bits on first use,
 * readable by the server's user only where the file system has POSIX permissions.
 */
final class CsrfKey {

    static final String PROPERTY = "jdash.csrf-key";
    private static final Logger LOG = Logger.getLogger(CsrfKey.class.getName());

    private CsrfKey() {
    }

    /** The key from the property, else from the file in {@code dataDir} (made if missing). */
    static byte[] load(String property, Path dataDir) {
        if (property != null && !property.isBlank()) {
            if (property.length() < 32) {
                LOG.warning(PROPERTY + " is shorter than 32 characters; use 256 random bits");
            }
            return property.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return fromFile(dataDir.resolve("jdash").resolve("csrf.key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the CSRF key under " + dataDir, e);
        }
    }

    private static byte[] fromFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readAllBytes(file);
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temporary = createPrivate(file.getParent());
        try {
            Files.write(temporary, key);
            Files.createLink(file, temporary); // atomic, and fails if another deployment made the file first
            LOG.info("created the CSRF key " + file);
            return key;
        } catch (FileAlreadyExistsException raced) {
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path createPrivate(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, "csrf", ".key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            return Files.createTempFile(dir, "csrf", ".key");
        }
    }
}
