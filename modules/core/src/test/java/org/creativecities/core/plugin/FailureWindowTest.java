package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureWindowTest {

    private final Instant t0 = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void thirdFailureWithinTheWindowReachesTheThreshold() {
        FailureWindow w = new FailureWindow(3, Duration.ofMinutes(60));
        assertFalse(w.record(t0));
        assertFalse(w.record(t0.plusSeconds(600)));
        assertTrue(w.record(t0.plusSeconds(3000)));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        FailureWindow w = new FailureWindow(3, Duration.ofMinutes(60));
        w.record(t0);
        w.record(t0.plusSeconds(120));
        assertFalse(w.record(t0.plus(Duration.ofMinutes(61))));
        assertEquals(2, w.count(t0.plus(Duration.ofMinutes(61))));
        assertEquals(0, w.count(t0.plus(Duration.ofHours(3))));
    }

    @Test
    void clearForgetsEverything() {
        FailureWindow w = new FailureWindow(2, Duration.ofMinutes(1));
        w.record(t0);
        w.clear();
        assertFalse(w.record(t0));
        assertEquals(1, w.count(t0));
    }
}
