package org.creativecities.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.creativecities.core.platform.cluster.Cluster;
import org.creativecities.core.platform.cluster.HandClock;
import org.creativecities.core.platform.cluster.LocalCluster;
import org.junit.jupiter.api.Test;

class SignInGuardTest {

    private static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");
    private static final Duration SLOWDOWN = Duration.ofSeconds(30);
    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final SignInGuard guard = new SignInGuard(10, SLOWDOWN, LOCKOUT);

    @Test
    void tenFailuresFromOneAddressLockThatPairOutButNotTheOwnersAddress() {
        guard.succeeded("ana@example.org", "10.0.0.1");
        for (int i = 0; i < 10; i++) {
            assertTrue(guard.check("ana@example.org", "10.0.0.66", NOW).isEmpty(), "attempt " + i);
            guard.failed("ana@example.org", "10.0.0.66", NOW);
        }
        assertEquals(Optional.of(LOCKOUT), guard.check("ANA@example.org ", "10.0.0.66", NOW));
        assertTrue(guard.check("ana@example.org", "10.0.0.1", NOW).isEmpty(), "the owner's address");
        assertTrue(guard.check("ana@example.org", "10.0.0.66", NOW.plus(LOCKOUT)).isEmpty(), "the lock ends");
    }

    @Test
    void failuresFromManyAddressesSlowStrangersDownProgressively() {
        guard.succeeded("ana@example.org", "10.0.0.1");
        for (int i = 0; i < 10; i++) {
            guard.failed("ana@example.org", "10.1.0." + i, NOW);
        }
        assertEquals(Optional.of(SLOWDOWN), guard.check("ana@example.org", "10.2.0.1", NOW));
        assertTrue(guard.check("ana@example.org", "10.0.0.1", NOW).isEmpty(), "the owner is not slowed down");
        Instant later = NOW.plus(SLOWDOWN);
        assertTrue(guard.check("ana@example.org", "10.2.0.1", later).isEmpty());
        guard.failed("ana@example.org", "10.2.0.1", later);
        assertEquals(Optional.of(SLOWDOWN.multipliedBy(2)), guard.check("ana@example.org", "10.2.0.2", later));
        for (int i = 0; i < 20; i++) {
            guard.failed("ana@example.org", "10.3.0." + i, later);
        }
        assertEquals(Optional.of(LOCKOUT), guard.check("ana@example.org", "10.2.0.2", later), "capped");
    }

    @Test
    void anEmailWithoutAnAccountIsTreatedTheSame() {
        for (int i = 0; i < 10; i++) {
            guard.failed("nobody@example.org", "10.1.0." + i, NOW);
            guard.failed("ana@example.org", "10.1.0." + i, NOW);
        }
        assertEquals(guard.check("ana@example.org", "10.9.0.1", NOW), guard.check("nobody@example.org", "10.9.0.1", NOW));
    }

    @Test
    void successForgetsTheFailuresAndOldRunsAreForgotten() {
        for (int i = 0; i < 9; i++) {
            guard.failed("ana@example.org", "10.0.0.66", NOW);
        }
        guard.succeeded("ana@example.org", "10.0.0.66");
        guard.failed("ana@example.org", "10.0.0.66", NOW);
        assertTrue(guard.check("ana@example.org", "10.0.0.66", NOW).isEmpty());
        for (int i = 0; i < 9; i++) {
            guard.failed("bob@example.org", "10.0.0.66", NOW);
        }
        Instant muchLater = NOW.plus(LOCKOUT).plusSeconds(1);
        guard.failed("bob@example.org", "10.0.0.66", muchLater);
        assertTrue(guard.check("bob@example.org", "10.0.0.66", muchLater).isEmpty(), "a new run starts");
    }

    @Test
    void guardsOverOneSharedStateCountEveryFailureOnce() {
        Cluster.SharedMap shared = new LocalCluster(Clock.systemUTC()).map("sign-in");
        SignInGuard nodeA = new SignInGuard(10, SLOWDOWN, LOCKOUT, shared);
        SignInGuard nodeB = new SignInGuard(10, SLOWDOWN, LOCKOUT, shared);
        for (int i = 0; i < 5; i++) {
            nodeA.failed("cy@example.org", "10.0.0.66", NOW);
            nodeB.failed("cy@example.org", "10.0.0.66", NOW);
        }
        assertEquals(Optional.of(LOCKOUT), nodeA.check("cy@example.org", "10.0.0.66", NOW));
        assertEquals(Optional.of(LOCKOUT), nodeB.check("cy@example.org", "10.0.0.66", NOW));
        nodeB.succeeded("cy@example.org", "10.0.0.1");
        assertTrue(nodeA.isKnownAddress("cy@example.org", "10.0.0.1"), "a sign-in on one node is known on the other");
    }

    @Test
    void stateLivesAsLongAsItsRunCanCount() {
        HandClock hand = new HandClock(NOW);
        Cluster.SharedMap shared = new LocalCluster(hand).map("sign-in");
        SignInGuard g = new SignInGuard(10, SLOWDOWN, LOCKOUT, shared);
        g.failed("dee@example.org", "10.0.0.66", NOW);
        assertTrue(shared.get("e\ndee@example.org").isPresent());
        hand.set(NOW.plus(LOCKOUT).minusSeconds(1));
        assertTrue(shared.get("p\ndee@example.org\n10.0.0.66").isPresent(), "the run still counts");
        hand.set(NOW.plus(LOCKOUT).plusSeconds(1));
        assertTrue(shared.get("p\ndee@example.org\n10.0.0.66").isEmpty(), "gone once it cannot count");
        assertTrue(shared.get("e\ndee@example.org").isEmpty());
    }
}
