package io.jdash.access;

import io.jdash.config.JDashConfig;
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
 * The server's secret key, which signs owner cookies ({@link OwnerCookie}) and CSRF tokens: the setting
 * {@code jdash.csrf-key} (its UTF-8 bytes; give every node of a cluster the same), else the file
 * {@code <dir>/jdash/csrf.key}, created with 256 random bits on first use, readable by the server's user only where
 * the file system has POSIX permissions.
 */
public final class ServerKey {

    static final String PROPERTY = "jdash.csrf-key";
    private static final Logger LOG = Logger.getLogger(ServerKey.class.getName());
    private static volatile byte[] current;

    private ServerKey() {
    }

    /** This server's key, as {@link io.jdash.config.JDashConfig} says where it is; loaded once. */
    public static byte[] current() {
        byte[] key = current;
        if (key == null) {
            synchronized (ServerKey.class) {
                if (current == null) {
                    JDashConfig config = JDashConfig.current();
                    current = load(config.csrfKey().orElse(null), config.dataDirectory());
                }
                key = current;
            }
        }
        return key.clone();
    }

    /** The key from the property, else from the file in {@code dataDir} (made if missing). */
    public static byte[] load(String property, Path dataDir) {
        if (property != null && !property.isBlank()) {
            if (property.length() < 32) {
                LOG.warning(PROPERTY + " is shorter than 32 characters; use 256 random bits");
            }
            return property.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return fromFile(dataDir.resolve("jdash").resolve("csrf.key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the server key (csrf.key) under " + dataDir, e);
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
            LOG.info("created the server key " + file);
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
