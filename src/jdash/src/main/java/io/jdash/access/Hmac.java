package io.jdash.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, with a {@link Mac} per thread ({@code Mac.getInstance} looks the provider up each time,
 * and owner cookies and CSRF tokens are checked on every request).
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    public Hmac(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        var spec = new SecretKeySpec(key.clone(), ALGORITHM);
        newMac(spec); // fails here, not on a request, when the JVM has no HmacSHA256
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    /** The HMAC of {@code text}'s UTF-8 bytes. */
    public byte[] of(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)); // doFinal resets the MAC for its next use
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + ALGORITHM + " in this JVM", e);
        }
    }
}
