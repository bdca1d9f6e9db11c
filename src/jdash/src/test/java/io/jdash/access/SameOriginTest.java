package io.jdash.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void noOriginComesFromNoBrowserPageAndIsAllowed() {
        assertTrue(SameOrigin.allows(null, "localhost:8080"));
        assertTrue(SameOrigin.allows("", "localhost:8080"));
    }

    @Test
    void theSameHostAndPortIsAllowed() {
        assertTrue(SameOrigin.allows("http://localhost:8080", "localhost:8080"));
        assertTrue(SameOrigin.allows("http://LOCALHOST:8080", "localhost:8080"));
        assertTrue(SameOrigin.allows("https://example.org", "example.org"));
        assertTrue(SameOrigin.allows("http://example.org", "example.org:80"));
    }

    @Test
    void anotherHostPortOrAnOpaqueOriginIsRefused() {
        assertFalse(SameOrigin.allows("http://evil.example", "localhost:8080"));
        assertFalse(SameOrigin.allows("http://localhost:9999", "localhost:8080"));
        assertFalse(SameOrigin.allows("http://localhost.evil.example:8080", "localhost:8080"));
        assertFalse(SameOrigin.allows("null", "localhost:8080"));
        assertFalse(SameOrigin.allows("not a url", "localhost:8080"));
        assertFalse(SameOrigin.allows("http://localhost:8080", null));
    }
}
