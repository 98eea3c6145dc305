package org.creativecities.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void emailsCompareWithoutCaseOrSpace() {
        Account a = new Account("  Ana.Silva@Example.ORG ", "Ana", "hash", false, NOW);
        assertEquals("Ana.Silva@Example.ORG", a.email());
        assertEquals("ana.silva@example.org", Account.normalize("ANA.SILVA@example.org "));
    }

    @Test
    void tenthConsecutiveFailureLocksForTheLockoutPeriod() {
        Account a = new Account("a@example.org", "A", "hash", false, NOW);
        for (int i = 1; i < 10; i++) {
            assertFalse(a.recordFailure(NOW, 10, Duration.ofMinutes(15)), "failure " + i + " must not lock");
            assertTrue(a.lockedFor(NOW).isEmpty());
        }
        assertTrue(a.recordFailure(NOW, 10, Duration.ofMinutes(15)));
        assertEquals(Duration.ofMinutes(15), a.lockedFor(NOW).orElseThrow());
        assertEquals(Duration.ofMinutes(5), a.lockedFor(NOW.plusMinutes(10)).orElseThrow());
        assertTrue(a.lockedFor(NOW.plusMinutes(15)).isEmpty(), "the lock ends after the period");
    }

    @Test
    void successResetsTheCount() {
        Account a = new Account("a@example.org", "A", "hash", false, NOW);
        for (int i = 0; i < 9; i++) {
            a.recordFailure(NOW, 10, Duration.ofMinutes(15));
        }
        a.recordSuccess();
        assertEquals(0, a.failedLogins());
        assertFalse(a.recordFailure(NOW, 10, Duration.ofMinutes(15)), "the count started again");
    }
}
