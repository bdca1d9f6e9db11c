package io.jdash.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The short content hash of a served file (the first 12 hex digits of its SHA-256): what the suite files' fingerprinted
 * URLs, the assets' {@code ?v=} and both ETags carry, so that a URL or tag changes exactly when the bytes do.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, 12);
    }

    /** The hash of a file, read in pieces (a suite file may be megabytes). */
    static String of(URL file) {
        try (InputStream in = file.openStream()) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
