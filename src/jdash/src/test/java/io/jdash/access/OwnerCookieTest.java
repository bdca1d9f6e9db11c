package io.jdash.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerCookieTest {

    private static final String OWNER = "0123456789abcdef0123456789abcdef";
    private final OwnerCookie cookies = new OwnerCookie("a key of this server, 32 bytes or more".getBytes(StandardCharsets.UTF_8));
    private final String signed = cookies.signed(OWNER);

    @Test
    void aValueTheServerSignedNamesItsOwner() {
        assertTrue(signed.matches("[0-9a-f]{32}\\.[A-Za-z0-9_-]{22}"), signed);
        assertEquals(OWNER, cookies.verified(signed));
    }

    @Test
    void aValueTheServerDidNotSignIsNobodys() {
        assertNull(cookies.verified(OWNER), "an owner without a signature: what any client could make up");
        assertNull(cookies.verified(OWNER.replace('0', '1') + signed.substring(32)), "another owner, this signature");
        String tampered = signed.substring(0, signed.length() - 1) + (signed.endsWith("A") ? "B" : "A");
        assertNull(cookies.verified(tampered));
        assertNull(new OwnerCookie("another server's key, 32 bytes long or more".getBytes(StandardCharsets.UTF_8))
                .verified(signed), "a server with another key issued it");
        assertNull(cookies.verified(signed + "0"));
        assertNull(cookies.verified(signed.toUpperCase()));
        assertNull(cookies.verified(null));
        assertNull(cookies.verified(""));
    }

    @Test
    void theSignatureIsNotTheOwnersCsrfToken() {
        byte[] key = "a key of this server, 32 bytes or more".getBytes(StandardCharsets.UTF_8);
        String csrf = new io.jdash.web.CsrfToken(key).of(OWNER);
        assertFalse(csrf.startsWith(signed.substring(33)), "the page can read its CSRF token; it must not be a signature");
    }

    @Test
    void theOwnerIsReadFromAHandshakesCookieHeaders() {
        assertEquals(OWNER, cookies.fromHeaders(List.of("jdash-owner=" + signed)));
        assertEquals(OWNER, cookies.fromHeaders(List.of("a=1; jdash-owner=" + signed + "; b=2")));
        assertEquals(OWNER, cookies.fromHeaders(List.of("a=1", " jdash-owner=\"" + signed + "\"")));
        assertEquals(OWNER, cookies.fromHeaders(List.of("jdash-owner=" + OWNER + "; jdash-owner=" + signed)),
                "a value the server did not issue (planted with a longer path) does not hide the page's own");
        assertEquals(OWNER, cookies.fromHeaders(List.of("__Host-jdash-owner=" + signed)));
    }

    @Test
    void theHostPrefixedCookieComesFirst() {
        String other = cookies.signed("fedcba9876543210fedcba9876543210");
        assertEquals(OWNER, cookies.fromHeaders(List.of("jdash-owner=" + other + "; __Host-jdash-owner=" + signed)),
                "a plain cookie, which any page of the host may set, loses to the one only a TLS page of it can set");
        assertNotEquals(OWNER, cookies.fromHeaders(List.of("jdash-owner=" + other + "; __Host-jdash-owner=" + OWNER)));
    }

    @Test
    void noOrAnUnsignedOwnerIsNull() {
        assertNull(cookies.fromHeaders(null));
        assertNull(cookies.fromHeaders(List.of()));
        assertNull(cookies.fromHeaders(List.of("JSESSIONID=abc")));
        assertNull(cookies.fromHeaders(List.of("xjdash-owner=" + signed)));
        assertNull(cookies.fromHeaders(List.of("jdash-owner=" + OWNER)));
        assertNull(cookies.fromHeaders(List.of("jdash-owner")));
    }
}
