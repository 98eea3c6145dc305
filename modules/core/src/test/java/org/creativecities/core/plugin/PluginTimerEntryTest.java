package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generations of a durable timer row: a new one on every save, never reused when a name is saved again. */
class PluginTimerEntryTest {

    private static final Instant DUE = Instant.parse("2026-12-04T23:00:00.123456Z");

    @Test
    void everySaveIsANewGenerationWithNoAttempts() {
        PluginTimerEntry e = new PluginTimerEntry("p", "round");
        e.save(DUE, "{}");
        long first = e.generation();
        e.countAttempt();
        assertEquals(1, e.view().attempts());
        e.save(DUE.plusSeconds(60), "{\"n\":2}");
        assertNotEquals(first, e.generation());
        assertEquals(0, e.view().attempts());
        assertEquals("{\"n\":2}", e.view().payload());
        assertEquals(DUE.plusSeconds(60), e.view().dueAt());
    }

    @Test
    void aNameSavedAgainAndAgainNeverRepeatsAGeneration() {
        Set<Long> seen = new HashSet<>();
        PluginTimerEntry e = new PluginTimerEntry("p", "tick");
        for (int i = 0; i < 1000; i++) {
            PluginTimerEntry recreated = i % 2 == 0 ? new PluginTimerEntry("p", "tick") : e;
            recreated.save(DUE, "{}");
            seen.add(recreated.generation());
        }
        assertEquals(1000, seen.size(), "a re-created name must never get a generation a delivery in flight may hold");
    }
}
