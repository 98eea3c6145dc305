package org.creativecities.core.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A concurrent map that holds at most a fixed number of entries, for what clients can make the server remember. When
 * it is full, entries that are {@code stale} are swept out, at most once a second whatever the number of callers;
 * while it is still full, new entries are not kept (their requests take the slow path, which answers as before).
 *
 * @param <K> the key
 * @param <V> the value
 */
final class BoundedMap<K, V> {

    /** Stale entries are swept out at most this often. */
    private static final long SWEEP_NANOS = 1_000_000_000L;

    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private final int max;
    private final Predicate<V> stale;

    BoundedMap(int max, Predicate<V> stale) {
        this.max = max;
        this.stale = stale;
    }

    V get(K key) {
        return entries.get(key);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Forgets {@code key} if it still maps to {@code value}. */
    void remove(K key, V value) {
        entries.remove(key, value);
    }

    /** Keeps {@code value} under {@code key}, unless the map is full of entries that are not stale. */
    void put(K key, V value) {
        if (entries.size() >= max) {
            long now = System.nanoTime();
            long last = lastSweep.get();
            if (now - last > SWEEP_NANOS && lastSweep.compareAndSet(last, now)) {
                entries.values().removeIf(stale);
            }
            if (entries.size() >= max) {
                return;
            }
        }
        entries.put(key, value);
    }
}
