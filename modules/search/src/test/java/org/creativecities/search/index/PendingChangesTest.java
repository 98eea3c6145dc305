package org.creativecities.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creativecities.search.SearchDocumentChanged;
import org.junit.jupiter.api.Test;

class PendingChangesTest {

    @Test
    void aBatchNamesEachDocumentOncePerKindInArrivalOrder() {
        PendingChanges changes = new PendingChanges(10);
        for (String id : List.of("1-2", "1-3", "1-2")) {
            assertTrue(changes.offer(new SearchDocumentChanged("message", id)));
        }
        changes.offer(new SearchDocumentChanged("city", "lyon"));
        Map<String, Set<String>> batch = changes.take(100);
        assertEquals(List.of("message", "city"), List.copyOf(batch.keySet()));
        assertEquals(List.of("1-2", "1-3"), List.copyOf(batch.get("message")));
        assertTrue(changes.isEmpty());
        assertEquals(0, changes.size());
    }

    @Test
    void aBatchTakesAtMostWhatItIsAskedAndTheRestWaits() {
        PendingChanges changes = new PendingChanges(10);
        for (int i = 0; i < 5; i++) {
            changes.offer(new SearchDocumentChanged("person", Integer.toString(i)));
        }
        assertEquals(Set.of("0", "1", "2"), changes.take(3).get("person"));
        assertEquals(2, changes.size());
    }

    @Test
    void pastItsCapacityAChangeIsRefused() {
        PendingChanges changes = new PendingChanges(2);
        assertTrue(changes.offer(new SearchDocumentChanged("city", "a")));
        assertTrue(changes.offer(new SearchDocumentChanged("city", "b")));
        assertFalse(changes.offer(new SearchDocumentChanged("city", "c")));
        assertEquals(2, changes.size());
    }
}
