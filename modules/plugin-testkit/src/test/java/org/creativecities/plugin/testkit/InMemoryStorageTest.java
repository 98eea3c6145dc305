package org.creativecities.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StoragePage;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryStorage storage = new InMemoryStorage(clock, new JsonpCodec());
    private final StorageScope lyon = StorageScope.city("lyon");

    record Doc(String title, List<String> tags, Optional<Long> year) {
    }

    @Test
    void versionsCountWritesAndCompareAndSetRefusesAStaleVersion() {
        assertEquals(1, storage.compareAndSet(lyon, "k", 0, "a", null).version());
        assertEquals(2, storage.put(lyon, "k", "b").version());
        StorageConflictException e = assertThrows(StorageConflictException.class,
                () -> storage.compareAndSet(lyon, "k", 1, "c", null));
        assertEquals(2, e.actualVersion());
        assertEquals(3, storage.compareAndSet(lyon, "k", 2, "c", null).version());
        assertTrue(storage.get(StorageScope.city("bristol"), "k").isEmpty(), "scopes are apart");
    }

    @Test
    void anExpiredEntryIsAbsentEverywhere() {
        storage.put(lyon, "lock", "me", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertTrue(storage.get(lyon, "lock").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(storage.get(lyon, "lock").isEmpty());
        assertEquals(List.of(), storage.list(lyon, "", null, 10).entries());
        assertEquals(1, storage.compareAndSet(lyon, "lock", 0, "you", null).version());
    }

    @Test
    void listingsFollowThePrefixInKeyOrderPageByPage() {
        for (String k : List.of("q:3", "q:1", "p:1", "q:2", "r:1")) {
            storage.put(lyon, k, k);
        }
        StoragePage first = storage.list(lyon, "q:", null, 2);
        assertEquals(List.of("q:1", "q:2"), first.entries().stream().map(StoredEntry::key).toList());
        StoragePage second = storage.list(lyon, "q:", first.nextCursor().orElseThrow(), 2);
        assertEquals(List.of("q:3"), second.entries().stream().map(StoredEntry::key).toList());
        assertTrue(second.nextCursor().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> storage.list(lyon, "", null, 501));
        assertThrows(IllegalArgumentException.class, () -> storage.put(lyon, "", "x"));
    }

    @Test
    void documentsRoundTripThroughTheCodec() {
        storage.putDocument(lyon, "doc", new Doc("Amélie", List.of("a", "b"), Optional.of(2001L)));
        assertTrue(storage.get(lyon, "doc").orElseThrow().json());
        assertEquals(new Doc("Amélie", List.of("a", "b"), Optional.of(2001L)),
                storage.getDocument(lyon, "doc", Doc.class).orElseThrow());
    }
}
