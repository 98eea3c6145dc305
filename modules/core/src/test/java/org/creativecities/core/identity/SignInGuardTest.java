package org.creativecities.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
    void stateThatRanOutIsSwept() {
        for (int i = 0; i < 100; i++) {
            guard.failed("user" + i + "@example.org", "10.0.0.66", NOW);
        }
        assertEquals(200, guard.tracked());
        guard.failed("late@example.org", "10.0.0.67", NOW.plus(LOCKOUT).plusSeconds(61));
        assertEquals(2, guard.tracked(), "only the new failure's state is left");
    }
}
