package io.jdash.web;

import io.jdash.access.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The CSRF token of an owner: HMAC-SHA256 ({@link Hmac}) of the owner under the server key, URL-safe Base64.
 * Another site can make the browser send the owner cookie but cannot read the page that carries the token,
 * and without the key no one can compute it. It needs no server state, so it stays valid across restarts.
 */
public final class CsrfToken {

    private final Hmac hmac;

    public CsrfToken(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the CSRF key is empty");
        }
        this.hmac = new Hmac(key);
    }

    public String of(String owner) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.of(owner));
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
