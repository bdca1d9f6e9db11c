package io.jdash.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of an owner: HMAC-SHA256 of the owner cookie's value under a server key, URL-safe Base64.
 * Another site can make the browser send the owner cookie but cannot read the page that carries the token,
 * and without the key no one can compute it. It needs no server state, so it stays valid across restarts.
 */
public final class CsrfToken {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CsrfToken(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the CSRF key is empty");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String of(String owner) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] tag = mac.doFinal(owner.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + ALGORITHM + " in this JVM", e);
        }
    }

    /** True when {@code presented} is {@code owner}'s token; compared in constant time. */
    public boolean matches(String owner, String presented) {
        if (owner == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(of(owner).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
