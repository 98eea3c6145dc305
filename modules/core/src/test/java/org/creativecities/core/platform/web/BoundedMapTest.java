package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedMapTest {

    @Test
    void aFullMapKeepsNoMoreUntilStaleEntriesAreSweptOut() throws InterruptedException {
        BoundedMap<String, Integer> map = new BoundedMap<>(2, v -> v < 0);
        assertTrue(map.isEmpty());
        map.put("a", -1);
        map.put("b", 2);
        map.put("c", 3);
        assertNull(map.get("c"), "full: not kept");
        assertEquals(-1, map.get("a"), "no sweep within a second of the map's creation");
        Thread.sleep(1100);
        map.put("c", 3);
        assertNull(map.get("a"), "the stale entry is swept out");
        assertEquals(3, map.get("c"), "and the new one kept in its place");
        map.put("d", 4);
        assertNull(map.get("d"), "full of fresh entries: not kept");
        map.remove("b", 5);
        assertEquals(2, map.get("b"), "removed only if it still maps to the value");
        map.remove("b", 2);
        assertNull(map.get("b"));
    }
}
