package org.creativecities.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code ccc.auth.password-iterations}: not set, a server hashes at 600,000 iterations; only a test server lowers it,
 * never below Jakarta Security's floor (1,024) nor above the shipped count, and a bad value stops the start.
 */
class PasswordIterationsTest {

    @Test
    void notSetOrBlankMeansTheShippedCount() {
        assertEquals(600_000, AppConfig.passwordIterations(null));
        assertEquals(600_000, AppConfig.passwordIterations(" "));
        assertEquals(600_000, AppConfig.PASSWORD_ITERATIONS);
    }

    @Test
    void aTestServerMayLowerItToTheFloor() {
        assertEquals(1024, AppConfig.passwordIterations("1024"));
        assertEquals(50_000, AppConfig.passwordIterations(" 50000 "));
    }

    @Test
    void belowTheFloorAboveTheShippedCountOrNotANumberIsRefusedNamingTheKey() {
        for (String bad : new String[] {"1023", "0", "-5", "600001", "many", "1e4"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> AppConfig.passwordIterations(bad), bad);
            assertTrue(e.getMessage().startsWith("ccc.auth.password-iterations: '" + bad + "'"), e.getMessage());
        }
    }
}
