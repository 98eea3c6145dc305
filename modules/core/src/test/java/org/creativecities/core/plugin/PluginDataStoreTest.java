package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PluginDataStoreTest {

    @Test
    void cursorsRoundTripAnyKey() {
        for (String key : new String[] {"a", "screening/7", "ümlaut key", "x%_!"}) {
            assertEquals(key, PluginDataStore.decodeCursor(PluginDataStore.encodeCursor(key)));
        }
        assertThrows(IllegalArgumentException.class, () -> PluginDataStore.decodeCursor("***"));
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertEquals("a!%b!_c!!", PluginDataStore.escapeLike("a%b_c!"));
    }
}
