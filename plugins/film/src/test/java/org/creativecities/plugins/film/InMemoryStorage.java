package org.creativecities.plugins.film;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StoragePage;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;

/** The text part of {@link PluginStorage} in memory, with versions and compare-and-set, for unit tests. */
final class InMemoryStorage implements PluginStorage {

    private final Map<String, StoredEntry> entries = new ConcurrentSkipListMap<>();
    private final Clock clock;

    InMemoryStorage(Clock clock) {
        this.clock = clock;
    }

    private static String id(StorageScope scope, String key) {
        return scope.kind() + "\u0000" + scope.ref() + "\u0000" + key;
    }

    @Override
    public Optional<StoredEntry> get(StorageScope scope, String key) {
        return Optional.ofNullable(entries.get(id(scope, key)));
    }

    @Override
    public StoredEntry put(StorageScope scope, String key, String value) {
        return put(scope, key, value, null);
    }

    @Override
    public synchronized StoredEntry put(StorageScope scope, String key, String value, Duration ttl) {
        long version = get(scope, key).map(StoredEntry::version).orElse(0L) + 1;
        StoredEntry e = new StoredEntry(scope, key, value, false, version, clock.instant(), Optional.empty());
        entries.put(id(scope, key), e);
        return e;
    }

    @Override
    public synchronized StoredEntry compareAndSet(StorageScope scope, String key, long expectedVersion, String value,
                                                  Duration ttl) {
        long actual = get(scope, key).map(StoredEntry::version).orElse(0L);
        if (actual != expectedVersion) {
            throw new StorageConflictException(key, expectedVersion, actual);
        }
        return put(scope, key, value, ttl);
    }

    @Override
    public StoredEntry putDocument(StorageScope scope, String key, Object document) {
        throw new UnsupportedOperationException("the film plugin stores JSON-P text, not JSON-B documents");
    }

    @Override
    public <T> Optional<T> getDocument(StorageScope scope, String key, Class<T> type) {
        throw new UnsupportedOperationException("the film plugin stores JSON-P text, not JSON-B documents");
    }

    @Override
    public boolean delete(StorageScope scope, String key) {
        return entries.remove(id(scope, key)) != null;
    }

    @Override
    public StoragePage list(StorageScope scope, String prefix, String cursor, int limit) {
        List<StoredEntry> page = new ArrayList<>();
        for (StoredEntry e : entries.values()) {
            if (e.scope().equals(scope) && e.key().startsWith(prefix)
                    && (cursor == null || e.key().compareTo(cursor) > 0)) {
                if (page.size() == limit) {
                    return new StoragePage(page, Optional.of(page.get(page.size() - 1).key()));
                }
                page.add(e);
            }
        }
        return new StoragePage(page, Optional.empty());
    }
}
