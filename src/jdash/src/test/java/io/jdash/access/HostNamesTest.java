package io.jdash.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void onlyTheConfiguredNamesAnswerWhateverThePortAndCase() {
        List<String> names = List.of("dash.example.com", "127.0.0.1", "[::1]");
        assertTrue(HostNames.allows(names, "dash.example.com"));
        assertTrue(HostNames.allows(names, "DASH.example.com:8443"));
        assertTrue(HostNames.allows(names, "127.0.0.1:8180"));
        assertTrue(HostNames.allows(names, "[::1]:8080"));
        assertFalse(HostNames.allows(names, "evil.example:8180"), "a rebound DNS name");
        assertFalse(HostNames.allows(names, "dash.example.com.evil.example"));
        assertFalse(HostNames.allows(names, null));
        assertFalse(HostNames.allows(names, ""));
    }

    @Test
    void withNoNamesEveryHostIsAnswered() {
        assertTrue(HostNames.allows(List.of(), "anything:1"));
        assertTrue(HostNames.allows(List.of(), null));
    }
}
