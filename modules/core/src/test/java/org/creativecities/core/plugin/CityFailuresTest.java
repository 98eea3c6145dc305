package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CityFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-04T06:00:00Z");

    @Test
    void threeFailuresInOneCitySuspendThePluginThereOnlyForOneWindow() {
        CityFailures f = new CityFailures(3, Duration.ofMinutes(60));
        assertFalse(f.record("lyon", T0));
        assertFalse(f.record("dublin", T0));
        assertFalse(f.record("lyon", T0));
        assertTrue(f.record("lyon", T0), "the third failure in lyon suspends it there");
        assertTrue(f.isSuspended("lyon", T0.plusSeconds(1)));
        assertFalse(f.isSuspended("dublin", T0.plusSeconds(1)));
        assertEquals(List.of("lyon"), f.suspended(T0.plusSeconds(1)));
        assertFalse(f.isSuspended("lyon", T0.plus(Duration.ofMinutes(60))), "the suspension ends with the window");
        assertEquals(List.of(), f.suspended(T0.plus(Duration.ofMinutes(60))));
    }

    @Test
    void clearingLiftsEverySuspension() {
        CityFailures f = new CityFailures(1, Duration.ofMinutes(60));
        assertTrue(f.record("lyon", T0));
        f.clear();
        assertFalse(f.isSuspended("lyon", T0));
    }
}
