package io.jdash.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsrfTokenTest {

    private static final String OWNER = "0123456789abcdef0123456789abcdef";
    private final CsrfToken tokens = new CsrfToken("k".repeat(32).getBytes(StandardCharsets.UTF_8));

    @Test
    void theTokenIsTheHmacOfTheOwnerUnderTheKey() {
        // printf %s OWNER | openssl dgst -sha256 -mac HMAC -macopt key:kkk…k -binary | base64, made URL-safe
        assertEquals("BamO0V77H2sUF_iT-Z5F-2xb1Wu5XFVQFyPMy-L7MXo", tokens.of(OWNER));
        assertEquals(tokens.of(OWNER), new CsrfToken("k".repeat(32).getBytes(StandardCharsets.UTF_8)).of(OWNER),
                "the same key and owner give the same token: no server state");
        assertNotEquals(tokens.of(OWNER), tokens.of(OWNER.replace('0', '1')), "another owner, another token");
        assertNotEquals(tokens.of(OWNER), new CsrfToken("j".repeat(32).getBytes(StandardCharsets.UTF_8)).of(OWNER),
                "another key, another token");
        assertTrue(tokens.of(OWNER).matches("[A-Za-z0-9_-]{43}"), tokens.of(OWNER));
    }

    @Test
    void onlyTheOwnersOwnTokenMatches() {
        String token = tokens.of(OWNER);
        assertTrue(tokens.matches(OWNER, token));
        assertFalse(tokens.matches(OWNER, token.substring(1)));
        assertFalse(tokens.matches(OWNER, token + "A"));
        assertFalse(tokens.matches(OWNER, ""));
        assertFalse(tokens.matches(OWNER, null));
        assertFalse(tokens.matches(null, token), "no owner cookie, no match");
        assertFalse(tokens.matches(OWNER.replace('a', 'b'), token), "another owner's token");
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CsrfToken(new byte[0]));
    }

    @Test
    void theKeyFileIsMadeOnceWith256PrivateBitsAndReadAfterwards(@TempDir Path data) throws Exception {
        byte[] first = io.jdash.access.ServerKey.load(null, data);
        Path file = data.resolve("jdash/csrf.key");
        assertEquals(32, first.length);
        assertArrayEquals(first, Files.readAllBytes(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(first, io.jdash.access.ServerKey.load("", data), "a blank property falls back to the file");
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void theSystemPropertyWinsOverTheFile(@TempDir Path data) {
        assertArrayEquals("a shared key for every node of the cluster".getBytes(StandardCharsets.UTF_8),
                io.jdash.access.ServerKey.load("a shared key for every node of the cluster", data));
        assertFalse(Files.exists(data.resolve("jdash/csrf.key")));
    }
}
