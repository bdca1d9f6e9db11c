package io.jdash.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerCookieTest {

    private static final String OWNER = "0123456789abcdef0123456789abcdef";

    @Test
    void theOwnerIsReadFromAHandshakesCookieHeaders() {
        assertEquals(OWNER, OwnerCookie.fromCookieHeaders(List.of("jdash-owner=" + OWNER)));
        assertEquals(OWNER, OwnerCookie.fromCookieHeaders(List.of("a=1; jdash-owner=" + OWNER + "; b=2")));
        assertEquals(OWNER, OwnerCookie.fromCookieHeaders(List.of("a=1", " jdash-owner=\"" + OWNER + "\"")));
        assertEquals(OWNER, OwnerCookie.fromCookieHeaders(List.of("jdash-owner=bad; jdash-owner=" + OWNER)),
                "a malformed one does not hide a good one");
    }

    @Test
    void noOrAMalformedOwnerIsNull() {
        assertNull(OwnerCookie.fromCookieHeaders(null));
        assertNull(OwnerCookie.fromCookieHeaders(List.of()));
        assertNull(OwnerCookie.fromCookieHeaders(List.of("JSESSIONID=abc")));
        assertNull(OwnerCookie.fromCookieHeaders(List.of("xjdash-owner=" + OWNER)));
        assertNull(OwnerCookie.fromCookieHeaders(List.of("jdash-owner=" + OWNER.toUpperCase())));
        assertNull(OwnerCookie.fromCookieHeaders(List.of("jdash-owner=" + OWNER.substring(1))));
        assertNull(OwnerCookie.fromCookieHeaders(List.of("jdash-owner=" + OWNER + "0")));
        assertNull(OwnerCookie.fromCookieHeaders(List.of("jdash-owner")));
    }

    @Test
    void validMeans32LowercaseHexDigits() {
        assertTrue(OwnerCookie.valid(OWNER));
        assertFalse(OwnerCookie.valid(null));
        assertFalse(OwnerCookie.valid(OWNER.replace('a', 'g')));
        assertFalse(OwnerCookie.valid(OWNER + "\n"));
    }
}
