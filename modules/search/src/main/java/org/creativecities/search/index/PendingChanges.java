package org.creativecities.search.index;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.creativecities.search.SearchDocumentChanged;

/**
 * The changes waiting for the indexer: added from any thread without a lock, taken in batches by the indexer,
 * the same document named twice in a batch read once. Bounded: past {@code capacity} waiting changes a new one is
 * refused, and the caller rebuilds its kind instead.
 */
final class PendingChanges {

    private final ConcurrentLinkedQueue<SearchDocumentChanged> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    PendingChanges(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a change; false when {@code capacity} changes are already waiting. */
    boolean offer(SearchDocumentChanged change) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.add(change);
        return true;
    }

    /** Takes up to {@code max} changes, as the ids to read again per kind. */
    Map<String, Set<String>> take(int max) {
        Map<String, Set<String>> batch = new LinkedHashMap<>();
        for (int i = 0; i < max; i++) {
            SearchDocumentChanged c = queue.poll();
            if (c == null) {
                break;
            }
            size.decrementAndGet();
            batch.computeIfAbsent(c.kind(), k -> new LinkedHashSet<>()).add(c.id());
        }
        return batch;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return size.get();
    }
}
