package io.jdash.background.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable ids: 128 bits from a {@link SecureRandom}, URL-safe Base64 (22 characters). */
public final class JobIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
