package io.jdash.background.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AbsentOwnersTest {

    private static final Duration GRACE = Duration.ofSeconds(60);
    private final AbsentOwners owners = new AbsentOwners();

    @Test
    void anOwnerIsAwayOnceTheGraceHasPassedSinceItsLastRequestAndNeverWhileASocketOfItsIsOpen() {
        long now = System.currentTimeMillis();
        owners.seen("alice");
        assertFalse(owners.isAway("alice", now + 59_000, GRACE));
        assertTrue(owners.isAway("alice", now + 61_000, GRACE));

        owners.socketOpened("bob");
        owners.socketOpened("bob");
        owners.socketClosed("bob");
        assertFalse(owners.isAway("bob", now + 3_600_000, GRACE), "one of its two sockets is still open");
        owners.socketClosed("bob");
        assertFalse(owners.isAway("bob", now + 59_000, GRACE), "the grace starts when its last socket closes");
        assertTrue(owners.isAway("bob", now + 61_000, GRACE));
    }

    @Test
    void anOwnerNeverSeenCountsFromTheDeploymentsStart() {
        long now = System.currentTimeMillis();
        assertFalse(owners.isAway("carol", now + 1_000, GRACE), "its page may still reconnect after a restart");
        assertTrue(owners.isAway("carol", now + 61_000, GRACE));
    }
}
